package de.digitalcheck.portal.shared.web;

import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
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

    /**
     * An error answered to a routable {@code HEAD} — a page or API path that does not exist, an API path that takes
     * no GET, an API query that cannot be read, an API path that asks for a token — is its status and headers, never
     * its body: the next answer on the connection follows the head at once.
     */
    @Test
    void aHeadAnsweredWithAnErrorHasNoBody() throws IOException {
        for (String[] target : new String[][] {{"/gibt-es-nicht", "404", "text/html"},
            {"/api/v1/nothing", "404", "application/problem+json"}, {"/api/v1/bookings", "405", "application/problem+json"},
            {"/api/v1/slots?agency=x&type=y&from=someday&to=never", "400", "application/problem+json"},
            {"/api/v1/agency/leads", "401", "application/problem+json"}}) {
            String both = pipelined("HEAD " + target[0], "GET /impressum");
            int second = both.indexOf("HTTP/1.1 ", 1);
            assertThat(second).as(both).isPositive();
            String head = both.substring(0, second);
            assertThat(head).as(target[0]).startsWith("HTTP/1.1 " + target[1] + " ").endsWith("\r\n\r\n");
            assertThat(header(head, "Content-Type")).as(target[0]).startsWith(target[2]);
            assertThat(both.substring(second)).as(target[0]).startsWith("HTTP/1.1 200 OK\r\n");
            // the GET of the same path gets the body
            String get = pipelined("GET " + target[0], "GET /impressum");
            String getBody = get.substring(get.indexOf("\r\n\r\n") + 4, get.indexOf("HTTP/1.1 ", 1));
            assertThat(getBody).as(target[0]).isNotEmpty();
        }
    }

    /**
     * A {@code HEAD} the portal answers itself before routing ({@code UnreadableTargets}: a target that cannot be read,
     * a request line too long, headers too large, bare line feeds) gets the status and headers of the answer its
     * {@code GET} would get, Content-Length the GET body's, and not one byte of body, under {@code /api/} (problem+json)
     * as on a page; the GET still gets its body. A client reading on would take such a body for the next answer.
     */
    @Test
    void aHeadAnsweredBeforeRoutingHasNoBody() throws IOException {
        String large = "Cookie: a=" + "x".repeat(9000) + "\r\n";
        for (String path : new String[] {"/check", "/api/v1/agencies"}) {
            boolean api = path.startsWith("/api/");
            String type = api ? "application/problem+json" : "text/html";
            java.util.Map<String, String[]> cases = new java.util.LinkedHashMap<>();
            cases.put("unreadable target", new String[] {" " + path + "?x=%ZZ HTTP/1.1\r\n", "", "400"});
            cases.put("line too long", new String[] {" " + path + "?q=" + "x".repeat(5000) + " HTTP/1.1\r\n", "", "414"});
            cases.put("line cut off", new String[] {" " + path + "?q=" + "x".repeat(70_000) + " HTTP/1.1\r\n", "", "414"});
            cases.put("headers too large", new String[] {" " + path + " HTTP/1.1\r\n", large, "431"});
            cases.put("bare line feed", new String[] {" " + path + " HTTP/1.1\n", "", "400"});
            for (var c : cases.entrySet()) {
                String as = c.getKey() + " " + path;
                String eol = c.getKey().equals("bare line feed") ? "\n" : "\r\n";
                String rest = "Host: localhost" + eol + "Accept-Language: en" + eol + c.getValue()[1] + "Connection: close"
                    + eol + eol;
                String head = once("HEAD" + c.getValue()[0] + rest);
                String get = once("GET" + c.getValue()[0] + rest);
                for (String answer : List.of(head, get)) {
                    assertThat(answer).as(as).startsWith("HTTP/1.1 " + c.getValue()[2] + " ");
                    assertThat(header(answer, "Content-Type")).as(as).startsWith(type);
                    assertThat(header(answer, "Content-Language")).as(as).isEqualTo("en");
                }
                byte[] getBody = body(get);
                assertThat(getBody.length).as(as).isPositive().isEqualTo(Integer.parseInt(header(get, "Content-Length")));
                assertThat(body(head)).as(as + ": no body").isEmpty();
                assertThat(header(head, "Content-Length")).as(as).isEqualTo(header(get, "Content-Length"));
            }
        }
    }

    /** One request exactly as written, on its own connection; everything the server wrote back. */
    private String once(String request) throws IOException {
        try (Socket socket = new Socket("127.0.0.1", server.getPort())) {
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            out.write(request.getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            return new String(socket.getInputStream().readAllBytes(), StandardCharsets.ISO_8859_1);
        }
    }

    private static byte[] body(String response) {
        return response.substring(response.indexOf("\r\n\r\n") + 4).getBytes(StandardCharsets.ISO_8859_1);
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
