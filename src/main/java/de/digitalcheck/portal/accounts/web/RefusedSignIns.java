package de.digitalcheck.portal.accounts.web;

import de.digitalcheck.portal.accounts.SignInRefusal;
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

import java.net.URI;
import java.util.List;

/**
 * Micronaut's cookie login handler, but a sign-in the directory refused goes on to the page that says why
 * ({@link SignInRefusal}: not invited, or the account disabled by its agency or by the network) instead of always to
 * the configured {@code login-failure} page. The reason comes from {@code DirectorySignIn}'s refusal of this very
 * sign-in, never from the request, and the pages name no account: nobody learns anything about an account but the
 * person who just signed in as it.
 */
@Singleton
@Replaces(TokenCookieLoginHandler.class)
@Requires(property = "micronaut.security.authentication", value = "cookie")
class RefusedSignIns extends TokenCookieLoginHandler {

    RefusedSignIns(RedirectService redirectService, RedirectConfiguration redirectConfiguration,
                   AccessTokenCookieConfiguration accessTokenCookieConfiguration,
                   RefreshTokenCookieConfiguration refreshTokenCookieConfiguration,
                   AccessTokenConfiguration accessTokenConfiguration,
                   AccessRefreshTokenGenerator accessRefreshTokenGenerator,
                   @Nullable PriorToLoginPersistence<HttpRequest<?>, MutableHttpResponse<?>> priorToLoginPersistence,
                   List<LoginCookieProvider<HttpRequest<?>>> loginCookieProviders) {
        super(redirectService, redirectConfiguration, accessTokenCookieConfiguration, refreshTokenCookieConfiguration,
            accessTokenConfiguration, accessRefreshTokenGenerator, priorToLoginPersistence, loginCookieProviders);
    }

    @Override
    public MutableHttpResponse<?> loginFailed(AuthenticationResponse failure, HttpRequest<?> request) {
        if (failure instanceof AuthenticationFailed failed) {
            return failed.getMessage().flatMap(SignInRefusal::ofMessage)
                .filter(refusal -> refusal != SignInRefusal.NOT_INVITED)
                .<MutableHttpResponse<?>>map(refusal -> HttpResponse.seeOther(URI.create(refusal.page())))
                .orElseGet(() -> super.loginFailed(failure, request));
        }
        return super.loginFailed(failure, request);
    }
}
