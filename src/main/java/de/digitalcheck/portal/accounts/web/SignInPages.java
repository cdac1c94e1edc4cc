package de.digitalcheck.portal.accounts.web;

import de.digitalcheck.portal.shared.web.ErrorPages;
import de.digitalcheck.portal.shared.web.Flash;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Produces;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.rules.SecurityRule;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.views.ModelAndView;

import java.net.URI;
import java.util.Map;

/**
 * Sign-in for agency staff, coaches and network admins, and the pages after a refused sign-in: not invited, or the
 * account disabled.
 */
@Controller
@Secured(SecurityRule.IS_ANONYMOUS)
@Produces(MediaType.TEXT_HTML)
class SignInPages {

    static final String SIGN_IN = "accounts/sign-in";
    static final String NOT_INVITED = "accounts/not-invited";
    static final String PATH = "/anmelden";
    /**
     * The sign-in page's note ({@link Flash}) after a session was ended because the person's access changed
     * ({@link SessionCheckFilter}): "?beendet" in the address said so on any link that carried it, and on every
     * reload.
     */
    static final String ENDED = "session-ended";

    private final Flash flash;

    SignInPages(Flash flash) {
        this.flash = flash;
    }

    @Get(PATH)
    HttpResponse<?> signIn(io.micronaut.http.HttpRequest<?> request, @Nullable Authentication authentication) {
        if (authentication != null) {
            return HttpResponse.seeOther(URI.create(WorkspaceController.PATH));
        }
        // each once, from the answer that led here (Flash): never from the address, which any link can carry
        return flash.clear(request, HttpResponse.ok(new ModelAndView<>(SIGN_IN, Map.of("loginUrl", "/oauth/login/oidc",
            "ended", flash.is(request, ENDED),
            "notCompleted", flash.is(request, ErrorPages.SIGN_IN_NOT_COMPLETED),
            "providerSilent", flash.is(request, ErrorPages.SIGN_IN_PROVIDER_SILENT)))));
    }

    @Get("/anmelden/abgelehnt")
    ModelAndView<Map<String, Object>> notInvited() {
        return new ModelAndView<>(NOT_INVITED, Map.of());
    }

    /**
     * The account of the person who just signed in is disabled by its agency ({@link RefusedSignIns} sends them here).
     * A static text: opened by anyone, it says nothing about any account.
     */
    @Get("/anmelden/abgelehnt/gesperrt")
    ModelAndView<Map<String, Object>> disabledByAgency() {
        return new ModelAndView<>(NOT_INVITED, Map.of("disabled", "agency"));
    }

    /** As above, disabled by the network (or a network admin's account): only the network enables it. */
    @Get("/anmelden/abgelehnt/gesperrt-netzwerk")
    ModelAndView<Map<String, Object>> disabledByNetwork() {
        return new ModelAndView<>(NOT_INVITED, Map.of("disabled", "network"));
    }
}
