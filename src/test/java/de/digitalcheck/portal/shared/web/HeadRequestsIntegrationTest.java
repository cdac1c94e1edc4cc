package de.digitalcheck.portal.shared.web;

import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A {@code HEAD} request is answered with the headers its {@code GET} would have — the type and length of the page or
 * document — and no body, on a connection kept open for the next request. Micronaut's own {@code HEAD} answer left out
 * Content-Type and Content-Length and closed the connection (micronaut-core#3685); {@code UnreadableTargets} now passes
 * a {@code HEAD} on as the {@code GET} it asks about, and the codec, which read the {@code HEAD}, drops the body.
 */
@MicronautTest(transactional = false)
class HeadRequestsIntegrationTest {

    @Inject
    EmbeddedServer server;

    @Test
    void aHeadGetsTheGetsHeadersWithoutABodyAndTheConnectionStaysOpen() throws IOException {
        for (String[] target : new String[][] {{"/impressum", "text/html"}, {"/api/v1/questionnaire", "application/json"},
            {"/check", "text/html"}}) {
            String both = pipelined("HEAD " + target[0], "GET " + target[0]);
            // the first answer's head, then at once the second answer: no body between them, the connection open
            int second = both.indexOf("HTTP/1.1 ", 1);
            assertThat(second).as(both).isPositive();
            String head = both.substring(0, second);
            String get = both.substring(second);
            assertThat(head).as(target[0]).startsWith("HTTP/1.1 200 OK\r\n").endsWith("\r\n\r\n")
                .doesNotContainIgnoringCase("connection: close");
            assertThat(header(head, "Content-Type")).as(target[0]).startsWith(target[1]);
            assertThat(header(head, "Content-Type")).isEqualTo(header(get, "Content-Type"));
            long length = Long.parseLong(header(head, "Content-Length"));
            assertThat(length).as(target[0]).isPositive();
            if (target[0].startsWith("/api/")) {
                // the same document both times: the same length
                assertThat(length).isEqualTo(Long.parseLong(header(get, "Content-Length")));
            }
            assertThat(get.substring(get.indexOf("\r\n\r\n") + 4).getBytes(StandardCharsets.UTF_8).length)
                .isEqualTo(Integer.parseInt(header(get, "Content-Length")));
        }
    }

    @Test
    void aHeadOfWhatDoesNotExistOrIsNotAllowedIsAnsweredAsItsGetWithoutABody() throws IOException {
        String missing = pipelined("HEAD /gibt-es-nicht", "GET /impressum");
        assertThat(missing).startsWith("HTTP/1.1 404 ");
        assertThat(missing.substring(missing.indexOf("\r\n\r\n") + 4)).startsWith("HTTP/1.1 200 OK\r\n");
        // a staff page signed out: the way to sign in, as for GET
        String staff = pipelined("HEAD /agentur/leads", "GET /impressum");
        assertThat(staff).matches("(?s)HTTP/1.1 (303|302|401)[^\\n]*\\r\\n.*");
        assertThat(staff.substring(staff.indexOf("\r\n\r\n") + 4)).startsWith("HTTP/1.1 200 OK\r\n");
    }

    /** Two requests on one connection, the second closing it; everything the server wrote back. */
    private String pipelined(String first, String second) throws IOException {
        try (Socket socket = new Socket("127.0.0.1", server.getPort())) {
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            out.write((first + " HTTP/1.1\r\nHost: localhost\r\nAccept-Language: de\r\n\r\n"
                + second + " HTTP/1.1\r\nHost: localhost\r\nAccept-Language: de\r\nConnection: close\r\n\r\n")
                .getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            return new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private static String header(String response, String name) {
        Matcher m = Pattern.compile("(?im)^" + name + ": *([^\\r\\n]*)").matcher(response.substring(0,
            response.indexOf("\r\n\r\n") + 2));
        assertThat(m.find()).as(name + " in " + response.substring(0, Math.min(response.length(), 600))).isTrue();
        return m.group(1);
    }
}
