package de.digitalcheck.portal.support;

import no.nav.security.mock.oauth2.MockOAuth2Server;
import no.nav.security.mock.oauth2.token.DefaultOAuth2TokenCallback;

import java.net.http.HttpResponse;
import java.util.HashMap;
import java.util.List;
import java.net.URI;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A real OpenID Connect provider for tests (mock-oauth2-server on a random local port) and the browser-free
 * authorization-code flow against the portal: login redirect, provider, callback — no step skipped.
 */
public final class OidcProvider {

    public static final String ISSUER_ID = "test-issuer";
    public static final String CLIENT_ID = "digitalcheck-test";

    private final MockOAuth2Server server = new MockOAuth2Server();

    public OidcProvider() {
        server.start(0);
    }

    public Map<String, String> portalProperties() {
        Map<String, String> properties = new HashMap<>();
        properties.put("micronaut.security.oauth2.enabled", "true");
        properties.put("micronaut.security.oauth2.clients.oidc.client-id", CLIENT_ID);
        properties.put("micronaut.security.oauth2.clients.oidc.client-secret", "test-secret");
        properties.put("micronaut.security.oauth2.clients.oidc.openid.issuer", issuer());
        return properties;
    }

    /**
     * The portal properties for a browser test: besides the provider, the server listens on a fixed free port that
     * {@code portal.base-url} names, because the provider sends the browser back to the base URL (the OAuth
     * {@code redirect_uri} never follows the request's host).
     */
    public Map<String, String> browserPortalProperties() {
        int port;
        try (java.net.ServerSocket free = new java.net.ServerSocket(0)) {
            port = free.getLocalPort();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        Map<String, String> properties = new HashMap<>(portalProperties());
        properties.put("micronaut.server.port", String.valueOf(port));
        properties.put("portal.base-url", "http://localhost:" + port);
        return properties;
    }

    public String issuer() {
        return server.issuerUrl(ISSUER_ID).toString();
    }

    public MockOAuth2Server server() {
        return server;
    }

    /** The next sign-in at this provider is by {@code subject} with these claims. */
    public void nextUser(String subject, Map<String, Object> claims) {
        server.enqueueCallback(new DefaultOAuth2TokenCallback(ISSUER_ID, subject, "JWT", List.of(CLIENT_ID), claims, 3600));
    }

    /**
     * Walks the authorization-code flow with the portal as a browser would and returns the portal's last answer
     * (the redirect after the callback).
     */
    public HttpResponse<String> signIn(Http portal, String subject, String email, boolean verified) {
        return signIn(portal, subject, Map.of("email", email, "email_verified", verified, "name", subject));
    }

    /** As above, with any claims (e.g. groups). */
    public HttpResponse<String> signIn(Http portal, String subject, Map<String, Object> claims) {
        nextUser(subject, claims);
        HttpResponse<String> login = portal.get("/oauth/login/oidc");
        assertThat(login.statusCode()).as("login redirect").isBetween(300, 399);
        String authorize = login.headers().firstValue("Location").orElseThrow();
        assertThat(authorize).startsWith(issuer()).contains("state=", "nonce=", "code_challenge=", "code_challenge_method=S256");
        HttpResponse<String> provider = portal.getAbsolute(authorize);
        assertThat(provider.statusCode()).as("provider redirect").isBetween(300, 399);
        String callback = provider.headers().firstValue("Location").orElseThrow();
        assertThat(callback).contains("/oauth/callback/oidc", "code=");
        // the redirect_uri is built from portal.base-url (the tests' http://localhost, without the random port of the
        // test server): the browser's way back goes to the server under test
        URI back = URI.create(callback);
        return portal.get(back.getRawPath() + "?" + back.getRawQuery());
    }

    public void stop() {
        server.shutdown();
    }
}
