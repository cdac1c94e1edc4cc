package de.digitalcheck.portal.shared.web;

import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The language switch is built from the request's path; on an error page that path is whatever was asked for. It
 * must stay a link within the portal: {@code GET //evil.example/x} used to render
 * {@code <a href="//evil.example/x?lang=en">}, a link to another site.
 */
@MicronautTest(transactional = false)
class LanguageSwitchLinkIntegrationTest {

    private static final Pattern SWITCH = Pattern.compile("href=\"([^\"]*)\\?lang=en\"");

    @Inject
    EmbeddedServer server;

    @Test
    void theSwitchOnAnErrorPageIsASameOriginPathWhateverThePath() throws IOException {
        for (String path : new String[] {"//evil.example/x", "///evil.example/x", "/\\evil.example/x", "/%5Cevil.example/x",
            "/%2F%2Fevil.example/x", "/%09/evil.example/x", "//evil.example/%0d%0aSet-Cookie:x"}) {
            String response = rawGet(path);
            Matcher link = SWITCH.matcher(response);
            assertThat(link.find()).as(path + ": " + response.lines().findFirst().orElse("")).isTrue();
            String href = link.group(1);
            assertThat(href).as(path).startsWith("/").doesNotStartWith("//").doesNotContain("\\", "\t", "\r", "\n");
            assertThat(response).as(path).doesNotStartWith("HTTP/1.1 500");
        }
        // an ordinary page keeps its own path
        Matcher home = SWITCH.matcher(rawGet("/impressum"));
        assertThat(home.find()).isTrue();
        assertThat(home.group(1)).isEqualTo("/impressum");
    }

    /**
     * A page reached with a query (a booking's page with its private token, the inbox with its filters) switches
     * language as the same page: the query is kept, encoded anew, the old language left out.
     */
    @Test
    void theSwitchKeepsThePagesQuery() throws IOException {
        String response = rawGet("/impressum?token=abc-123_X&lang=de&note=a%20%3Cb%3E&token=second");
        Matcher link = Pattern.compile("href=\"(/impressum\\?[^\"]*)\"").matcher(response);
        assertThat(link.find()).as(response).isTrue();
        assertThat(link.group(1)).isEqualTo("/impressum?token=abc-123_X&amp;token=second&amp;note=a+%3Cb%3E&amp;lang=en");
        // nothing of the query leaves the attribute
        assertThat(response).doesNotContain("<b>", "note=a <");
    }

    @Test
    void pathsBecomeOneLeadingSlashAndEncodedCharacters() {
        assertThat(LayoutModel.sameOriginPath("//evil.example/x")).isEqualTo("/evil.example/x");
        assertThat(LayoutModel.sameOriginPath("/\\/\t\nevil.example")).isEqualTo("/evil.example");
        assertThat(LayoutModel.sameOriginPath("/check/a b\"<>")).isEqualTo("/check/a%20b%22%3C%3E");
        assertThat(LayoutModel.sameOriginPath("/prüfung")).isEqualTo("/pr%C3%BCfung");
        assertThat(LayoutModel.sameOriginPath("")).isEqualTo("/");
        assertThat(LayoutModel.sameOriginPath("/check/abc/step/strategy")).isEqualTo("/check/abc/step/strategy");
    }

    /** A request as a client may send it, the path exactly as written (an HTTP client library would normalise it). */
    private String rawGet(String path) throws IOException {
        try (Socket socket = new Socket("127.0.0.1", server.getPort())) {
            OutputStream out = socket.getOutputStream();
            out.write(("GET " + path + " HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n")
                .getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            InputStream in = socket.getInputStream();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
