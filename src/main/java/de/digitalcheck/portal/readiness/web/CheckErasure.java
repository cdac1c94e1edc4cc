package de.digitalcheck.portal.readiness.web;

import de.digitalcheck.portal.readiness.CheckPaths;
import de.digitalcheck.portal.readiness.internal.SelfCheck;
import de.digitalcheck.portal.shared.web.Csrf;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Consumes;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Produces;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.micronaut.views.ModelAndView;

import java.util.HashMap;
import java.util.Map;

/**
 * Erasing one check's personal data through its own link (GDPR art. 17) — the way for a check saved without a contact
 * email, which "Mein Unternehmen" cannot reach. A page that asks, and the post that erases; afterwards the link
 * answers "not valid".
 */
@Secured(SecurityRule.IS_ANONYMOUS)
@Controller(CheckPaths.BASE + "/loeschen")
@ExecuteOn(TaskExecutors.BLOCKING)
@Produces(MediaType.TEXT_HTML)
class CheckErasure {

    static final String ASK = "readiness/erase";
    static final String DONE = "readiness/erased";

    private final SelfCheck selfCheck;
    private final CheckLookup lookup;
    private final Csrf csrf;

    CheckErasure(SelfCheck selfCheck, CheckLookup lookup, Csrf csrf) {
        this.selfCheck = selfCheck;
        this.lookup = lookup;
        this.csrf = csrf;
    }

    @Get
    HttpResponse<?> ask(@PathVariable String token) {
        return lookup.withCheck(selfCheck.byToken(token), check -> {
            Map<String, Object> model = new HashMap<>();
            model.put("action", CheckPaths.erase(token));
            model.put("backUrl", check.completed() ? CheckPaths.result(token) : CheckPaths.resume(token));
            model.put("contactEmail", check.contact().email());
            return HttpResponse.ok(new ModelAndView<>(ASK, model));
        });
    }

    @Post
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    ModelAndView<Map<String, Object>> erase(HttpRequest<?> request, @PathVariable String token,
                                           @Body @Nullable Csrf.TokenForm button) {
        csrf.verify(request, button);
        selfCheck.eraseByLink(token);
        return new ModelAndView<>(DONE, Map.of());
    }
}
