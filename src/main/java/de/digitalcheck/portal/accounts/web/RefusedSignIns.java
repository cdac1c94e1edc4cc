package de.digitalcheck.portal.accounts.web;

import de.digitalcheck.portal.accounts.SignInRefusal;
import de.digitalcheck.portal.shared.web.ErrorPages;
import de.digitalcheck.portal.shared.web.Flash;
import de.digitalcheck.portal.shared.web.LogSafe;
import io.micronaut.context.annotation.Replaces;
import io.micronaut.context.annotation.Requires;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.security.authentication.AuthenticationFailed;
import io.micronaut.security.authentication.AuthenticationResponse;
import io.micronaut.security.config.RedirectConfiguration;
import io.micronaut.security.config.RedirectService;
import io.micronaut.security.errors.PriorToLoginPersistence;
import io.micronaut.security.token.cookie.AccessTokenCookieConfiguration;
import io.micronaut.security.token.cookie.LoginCookieProvider;
import io.micronaut.security.token.cookie.RefreshTokenCookieConfiguration;
import io.micronaut.security.token.cookie.TokenCookieLoginHandler;
import io.micronaut.security.token.generator.AccessRefreshTokenGenerator;
import io.micronaut.security.token.generator.AccessTokenConfiguration;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.net.URI;
import java.util.List;
import java.util.Optional;

/**
 * Micronaut's cookie login handler, but a sign-in the directory refused goes on to the page that says why
 * ({@link SignInRefusal}: not invited, or the account disabled by its agency or by the network) instead of always to
 * the configured {@code login-failure} page. The reason comes from {@code DirectorySignIn}'s refusal of this very
 * sign-in, never from the request, and the pages name no account: nobody learns anything about an account but the
 * person who just signed in as it. A failure that is not the directory's (Micronaut's own: the callback's state
 * belongs to another sign-in or is missing) goes back to the sign-in page, which says once that signing in was not
 * completed — as a cancelled sign-in does ({@code ErrorPages}).
 */
@Singleton
@Replaces(TokenCookieLoginHandler.class)
@Requires(property = "micronaut.security.authentication", value = "cookie")
class RefusedSignIns extends TokenCookieLoginHandler {

    private static final Logger LOG = LoggerFactory.getLogger(RefusedSignIns.class);

    private final Flash flash;

    RefusedSignIns(RedirectService redirectService, RedirectConfiguration redirectConfiguration,
                   AccessTokenCookieConfiguration accessTokenCookieConfiguration,
                   RefreshTokenCookieConfiguration refreshTokenCookieConfiguration,
                   AccessTokenConfiguration accessTokenConfiguration,
                   AccessRefreshTokenGenerator accessRefreshTokenGenerator,
                   @Nullable PriorToLoginPersistence<HttpRequest<?>, MutableHttpResponse<?>> priorToLoginPersistence,
                   List<LoginCookieProvider<HttpRequest<?>>> loginCookieProviders, Flash flash) {
        super(redirectService, redirectConfiguration, accessTokenCookieConfiguration, refreshTokenCookieConfiguration,
            accessTokenConfiguration, accessRefreshTokenGenerator, priorToLoginPersistence, loginCookieProviders);
        this.flash = flash;
    }

    @Override
    public MutableHttpResponse<?> loginFailed(AuthenticationResponse failure, HttpRequest<?> request) {
        Optional<SignInRefusal> refusal = failure instanceof AuthenticationFailed failed
            ? failed.getMessage().flatMap(SignInRefusal::ofMessage) : Optional.empty();
        if (refusal.isEmpty()) {
            // not the directory's: the sign-in itself failed (a callback whose state belongs to another sign-in, begun
            // in a second tab, or none at all) — telling this person they are not invited would be wrong
            LOG.warn("Sign-in not completed on {} {} ({}): back to the sign-in page", request.getMethod(),
                LogSafe.path(request), failure.getClass().getSimpleName());
            return flash.redirectAcrossSites(SignInPages.PATH, ErrorPages.SIGN_IN_NOT_COMPLETED);
        }
        return refusal.get() == SignInRefusal.NOT_INVITED ? super.loginFailed(failure, request)
            : HttpResponse.seeOther(URI.create(refusal.get().page()));
    }
}
