package de.digitalcheck.portal.accounts;

import de.digitalcheck.portal.support.Http;
import de.digitalcheck.portal.support.SignedInTests;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpResponse;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The {@code redirect_uri} sent to the sign-in provider is the portal's configured address ({@code portal.base-url},
 * {@code http://localhost} in tests), whatever host the request names: a forged {@code Host} or
 * {@code X-Forwarded-Host} used to become {@code redirect_uri=http://evil.example/oauth/callback/oidc}.
 */
@MicronautTest(transactional = false)
class OidcRedirectUriIntegrationTest extends SignedInTests {

    /** The staff member these tests sign in as: the first sign-in binds the account to its subject, so one subject. */
    private static final String STAFF_SUBJECT = "callback-en-staff";
    private static final String STAFF_EMAIL = "staff@en-agentur.example.org";
    private static final Pattern REDIRECT_URI = Pattern.compile("[?&]redirect_uri=([^&\\s]+)");

    @Test
    void theRedirectUriIsBuiltFromTheBaseUrlNotFromTheRequestsHost() throws IOException {
        for (String headers : new String[] {"Host: evil.example", "Host: evil.example:8443",
            "Host: localhost\r\nX-Forwarded-Host: evil.example\r\nX-Forwarded-Proto: https",
            "Host: localhost\r\nForwarded: host=evil.example;proto=https"}) {
            String response = rawGet("/oauth/login/oidc", headers);
            Matcher location = Pattern.compile("(?im)^location: (.+)$").matcher(response);
            assertThat(location.find()).as(headers + ": " + response.lines().findFirst().orElse("")).isTrue();
            Matcher redirect = REDIRECT_URI.matcher(location.group(1).trim());
            assertThat(redirect.find()).as(location.group(1)).isTrue();
            String redirectUri = URLDecoder.decode(redirect.group(1), StandardCharsets.UTF_8);
            assertThat(redirectUri).as(headers).isEqualTo("http://localhost/oauth/callback/oidc");
            assertThat(response).as(headers).doesNotContain("evil.example");
        }
    }

    /**
     * The provider's answer that signing in was cancelled ({@code error=access_denied}: "cancel" pressed at Keycloak or
     * Entra ID), or a callback whose state is not even Base64: back to the sign-in page, which says so. Both were a
     * {@code 500} with an error and its stack in the log, at anyone's request.
     */
    @Test
    void aCancelledOrGarbledCallbackLeadsBackToTheSignInPageWhichSaysSo() throws IOException {
        Http http = new Http(server, json);
        for (String callback : new String[] {"/oauth/callback/oidc?error=access_denied",
            "/oauth/callback/oidc?error=access_denied&error_description=Benutzer%20hat%20abgebrochen&state=y",
            "/oauth/callback/oidc?code=x&state=y", "/oauth/callback/oidc/?code=x&state=y"}) {
            HttpResponse<String> answer = http.get(callback);
            assertThat(answer.statusCode()).as(callback).isEqualTo(303);
            assertThat(answer.headers().firstValue("Location")).as(callback).hasValue("/anmelden");
            // the note rides on the redirect (a Flash note, SameSite=Lax: the provider's answer is a navigation from
            // its site, and a Strict cookie is not sent along that chain), not in the address
            assertThat(answer.headers().allValues("Set-Cookie")).as(callback).anySatisfy(c -> assertThat(c)
                .startsWith("flash=").contains("Path=/anmelden;").containsIgnoringCase("HttpOnly")
                .containsIgnoringCase("SameSite=Lax"));
            // said once: the page the redirect leads to, not its reload
            assertThat(http.get("/anmelden").body()).as(callback).contains("role=\"alert\"",
                "Die Anmeldung wurde nicht abgeschlossen: Sie wurde beim Anmeldedienst abgebrochen");
            assertThat(http.get("/anmelden").body()).as(callback + ", reloaded")
                .doesNotContain("nicht abgeschlossen", "role=\"alert\"");
        }
        String posted = rawPost("/oauth/callback/oidc", "state=y&code=x");
        assertThat(posted).as("the form_post response mode").startsWith("HTTP/1.1 303")
            .containsPattern("(?im)^location: /anmelden\r?$").containsPattern("(?im)^set-cookie: flash=");
        http.get("/anmelden?lang=en");
        http.get("/oauth/callback/oidc?error=access_denied");
        assertThat(http.get("/anmelden").body()).contains("Signing in was not completed");
        http.get("/anmelden?lang=de");
        assertThat(http.get("/anmelden").body()).as("a first load says nothing of it")
            .doesNotContain("nicht abgeschlossen", "role=\"alert\"");
        // the address that said it ("?abgebrochen"), typed, bookmarked or sent: says nothing, as a first load
        for (Http reader : new Http[] {http, new Http(server, json)}) {
            HttpResponse<String> typed = reader.get("/anmelden?abgebrochen");
            assertThat(typed.statusCode()).isEqualTo(200);
            assertThat(typed.body()).contains("Anmelden").doesNotContain("nicht abgeschlossen", "role=\"alert\"");
        }
    }

    /**
     * The callback's address opened a second time (the browser's back button or a reload on it after signing in, a
     * link to it saved): the provider's code is used up, the ID token it answers no longer matches the sign-in's nonce,
     * and Micronaut Security answered {@code 401} with an empty body — a blank page, in no language, with no way on.
     * Now the person who is signed in goes on to their workspace; one who is not, back to the sign-in page, which says
     * that signing in was not completed.
     */
    @Test
    void aCallbackOpenedAgainLeadsOnInsteadOfToABlankPage() {
        Http http = new Http(server, json);
        String callback = callbackOf(http, STAFF_SUBJECT, STAFF_EMAIL);
        HttpResponse<String> first = http.get(callback);
        assertThat(first.statusCode()).isEqualTo(303);
        assertThat(first.headers().firstValue("Location")).hasValue("/workspace");

        HttpResponse<String> again = http.get(callback);
        assertThat(again.statusCode()).as("the callback again, signed in").isEqualTo(303);
        assertThat(again.headers().firstValue("Location")).hasValue("/workspace");
        assertThat(http.get("/agentur").statusCode()).as("still signed in").isEqualTo(200);

        // not signed in (the session ended meanwhile), with the sign-in's cookies: the sign-in page says why
        Http other = new Http(server, json);
        String stale = callbackOf(other, "callback-again-other", "nobody-invited@example.org");
        other.get(stale);
        HttpResponse<String> replayed = other.get(stale);
        assertThat(replayed.statusCode()).as("the callback again, not signed in").isEqualTo(303);
        assertThat(replayed.headers().firstValue("Location")).hasValue("/anmelden");
        assertThat(other.get("/anmelden").body()).contains("role=\"alert\"", "Die Anmeldung wurde nicht abgeschlossen");
    }

    /**
     * A callback whose state belongs to another sign-in (begun in a second tab, finished in the first) or has none:
     * Micronaut refuses it as a failed authentication, which went to the "not invited" page — wrong for an invited
     * person. Now back to the sign-in page, which says once that signing in was not completed; the directory's own
     * refusal still goes to the "not invited" page.
     */
    @Test
    void aCallbackOfAnotherSignInLeadsBackToTheSignInPageNotToNotInvited() {
        Http http = new Http(server, json);
        // the provider answers the token request with the next user queued: the first tab's is never asked for
        String first = callbackOf(http);
        String second = callbackOf(http, STAFF_SUBJECT, STAFF_EMAIL);
        assertThat(first).isNotEqualTo(second);
        for (String callback : new String[] {first, "/oauth/callback/oidc?code=x"}) {
            HttpResponse<String> answer = http.get(callback);
            assertThat(answer.statusCode()).as(callback).isEqualTo(303);
            assertThat(answer.headers().firstValue("Location")).as(callback).hasValue("/anmelden");
            assertThat(http.get("/anmelden").body()).as(callback)
                .contains("role=\"alert\"", "Die Anmeldung wurde nicht abgeschlossen");
        }
        HttpResponse<String> finished = http.get(second);
        assertThat(finished.headers().firstValue("Location")).as("the second tab's sign-in").hasValue("/workspace");

        Http stranger = new Http(server, json);
        HttpResponse<String> refused = stranger.get(callbackOf(stranger, "two-tabs-nobody", "nobody@example.org"));
        assertThat(refused.headers().firstValue("Location")).as("the directory's refusal").hasValue("/anmelden/abgelehnt");
    }

    /** The portal's callback address (path and query) the provider sends the browser to, not yet followed. */
    private String callbackOf(Http http, String subject, String email) {
        provider.nextUser(subject, Map.of("email", email, "email_verified", true, "name", subject));
        return callbackOf(http);
    }

    /** As above, for a user the provider is given by the caller (or never asked for). */
    private String callbackOf(Http http) {
        String authorize = http.get("/oauth/login/oidc").headers().firstValue("Location").orElseThrow();
        URI back = URI.create(http.getAbsolute(authorize).headers().firstValue("Location").orElseThrow());
        return back.getRawPath() + "?" + back.getRawQuery();
    }

    private String rawPost(String path, String form) throws IOException {
        try (Socket socket = new Socket("127.0.0.1", server.getPort())) {
            OutputStream out = socket.getOutputStream();
            out.write(("POST " + path + " HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/x-www-form-urlencoded"
                + "\r\nContent-Length: " + form.length() + "\r\nConnection: close\r\n\r\n" + form)
                .getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            return new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    /** A request with exactly these headers (an HTTP client library would not send a forged Host). */
    private String rawGet(String path, String headers) throws IOException {
        try (Socket socket = new Socket("127.0.0.1", server.getPort())) {
            OutputStream out = socket.getOutputStream();
            out.write(("GET " + path + " HTTP/1.1\r\n" + headers + "\r\nConnection: close\r\n\r\n")
                .getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            return new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
