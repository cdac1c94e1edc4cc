package de.digitalcheck.portal.accounts;

import de.digitalcheck.portal.support.SignedInTests;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
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
