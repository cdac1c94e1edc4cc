package de.digitalcheck.portal.accounts.web;

import de.digitalcheck.portal.accounts.Accounts;
import de.digitalcheck.portal.shared.security.ApiTokens;
import de.digitalcheck.portal.shared.web.Csrf;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.context.BeanContext;
import de.digitalcheck.portal.shared.config.PortalSettings;
import io.micronaut.context.annotation.Value;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.inject.qualifiers.Qualifiers;
import io.micronaut.security.oauth2.client.OpenIdProviderMetadata;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Consumes;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.cookie.Cookie;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/**
 * Signing out: a form post (with CSRF token) that ends the person's sessions (every one begun before it stops at its
 * next request, {@link Accounts#signedOut}: a copied session cookie does not outlive the sign-out), deletes the
 * session cookie and, where the provider has an end-session endpoint, continues there so that the provider's session
 * ends too.
 */
@Controller
@ExecuteOn(TaskExecutors.BLOCKING)
@Secured(SecurityRule.IS_ANONYMOUS)
class SignOut {

    static final String SESSION_COOKIE = "JWT";

    private static final Logger LOG = LoggerFactory.getLogger(SignOut.class);

    private final Csrf csrf;
    private final Accounts accounts;
    private final BeanContext beans;
    private final String baseUrl;
    private final String clientId;

    SignOut(Csrf csrf, Accounts accounts, BeanContext beans, PortalSettings settings,
            @Value("${micronaut.security.oauth2.clients.oidc.client-id:}") String clientId) {
        this.csrf = csrf;
        this.accounts = accounts;
        this.beans = beans;
        this.baseUrl = settings.link("/");
        this.clientId = clientId;
    }

    @Post("/abmelden")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    HttpResponse<?> signOut(HttpRequest<?> request, @Body @Nullable Csrf.TokenForm button) {
        csrf.verify(request, button);
        // ends the person's sessions in the portal, not only this browser's cookie (SessionCheckFilter)
        request.getUserPrincipal(Authentication.class)
            .filter(session -> !session.getAttributes().containsKey(ApiTokens.TOKEN_ID))
            .ifPresent(session -> accounts.signedOut(session.getName()));
        return HttpResponse.seeOther(URI.create(afterSignOut())).cookie(ended());
    }

    /** The cookie that deletes the session cookie in the browser. */
    static Cookie ended() {
        return Cookie.of(SESSION_COOKIE, "").path("/").maxAge(0).httpOnly(true);
    }

    private String afterSignOut() {
        try {
            return beans.findBean(OpenIdProviderMetadata.class, Qualifiers.byName("oidc"))
                .map(OpenIdProviderMetadata::getEndSessionEndpoint)
                .filter(endpoint -> endpoint != null && !endpoint.isBlank())
                .map(endpoint -> endpoint + (endpoint.contains("?") ? "&" : "?") + "client_id="
                    + URLEncoder.encode(clientId, StandardCharsets.UTF_8) + "&post_logout_redirect_uri="
                    + URLEncoder.encode(baseUrl, StandardCharsets.UTF_8))
                .orElse("/");
        } catch (RuntimeException e) {
            LOG.warn("The sign-in provider's end-session endpoint is unknown; signed out of the portal only", e);
            return "/";
        }
    }
}
