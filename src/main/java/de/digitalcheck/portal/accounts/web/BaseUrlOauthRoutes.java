package de.digitalcheck.portal.accounts.web;

import de.digitalcheck.portal.shared.config.PortalSettings;
import io.micronaut.context.annotation.Replaces;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.uri.UriTemplate;
import io.micronaut.security.oauth2.configuration.OauthConfiguration;
import io.micronaut.security.oauth2.url.DefaultOauthRouteUrlBuilder;
import io.micronaut.security.oauth2.url.OauthRouteUrlBuilder;
import jakarta.inject.Singleton;

import java.net.MalformedURLException;
import java.net.URI;
import java.net.URL;
import java.util.Map;

/**
 * The sign-in's absolute addresses — the {@code redirect_uri} sent to the provider, the address it returns to after
 * signing out — are built from {@code PORTAL_BASE_URL}, never from the request: Micronaut's
 * {@link DefaultOauthRouteUrlBuilder} takes the host from the request's {@code Host} / {@code X-Forwarded-Host}
 * header, so a request with {@code Host: evil.example} sent the provider
 * {@code redirect_uri=http://evil.example/oauth/callback/oidc}. The paths stay Micronaut's configured templates
 * ({@code micronaut.security.oauth2.login-uri}, {@code callback-uri}).
 */
@Singleton
@Replaces(DefaultOauthRouteUrlBuilder.class)
class BaseUrlOauthRoutes implements OauthRouteUrlBuilder<HttpRequest<?>> {

    private final PortalSettings settings;
    private final OauthConfiguration oauth;

    BaseUrlOauthRoutes(PortalSettings settings, OauthConfiguration oauth) {
        this.settings = settings;
        this.oauth = oauth;
    }

    @Override
    public URL buildLoginUrl(@Nullable HttpRequest<?> originating, String providerName) {
        return buildUrl(originating, path(oauth.getLoginUri(), providerName));
    }

    @Override
    public URL buildCallbackUrl(@Nullable HttpRequest<?> originating, String providerName) {
        return buildUrl(originating, path(oauth.getCallbackUri(), providerName));
    }

    @Override
    public URI buildLoginUri(@Nullable String providerName) {
        return URI.create(path(oauth.getLoginUri(), providerName));
    }

    @Override
    public URI buildCallbackUri(@Nullable String providerName) {
        return URI.create(path(oauth.getCallbackUri(), providerName));
    }

    /** {@code path} on the portal's public address; the request is not consulted. */
    @Override
    public URL buildUrl(@Nullable HttpRequest<?> current, String path) {
        try {
            return URI.create(settings.link(path.startsWith("/") ? path : "/" + path)).toURL();
        } catch (MalformedURLException | IllegalArgumentException e) {
            throw new IllegalStateException("PORTAL_BASE_URL does not make an address: " + settings.baseUrl(), e);
        }
    }

    private static String path(String template, @Nullable String providerName) {
        return UriTemplate.of(template).expand(providerName == null ? Map.of() : Map.of("provider", providerName));
    }
}
