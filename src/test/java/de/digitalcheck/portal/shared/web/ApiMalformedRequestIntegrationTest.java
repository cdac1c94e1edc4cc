package de.digitalcheck.portal.shared.web;

import io.micronaut.http.HttpMethod;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.web.router.Router;
import io.micronaut.web.router.UriRouteInfo;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A request to the API that cannot be read is answered as the API answers: problem+json with a message that says
 * what is wrong, never a page and never "an unexpected error". Every GET route of the API is asked with a query
 * string that is no valid percent-encoding, a path of the same kind, and an {@code Accept} the API cannot serve.
 */
@MicronautTest(transactional = false)
class ApiMalformedRequestIntegrationTest {

    @Inject
    EmbeddedServer server;
    @Inject
    Router router;

    private List<String> apiGetPaths() {
        List<String> paths = router.uriRoutes()
            .filter(r -> r.getHttpMethod() == HttpMethod.GET)
            .map(UriRouteInfo::getUriMatchTemplate)
            .map(t -> t.expand(java.util.Map.of("id", "00000000-0000-0000-0000-000000000000", "token", "x",
                "dimension", "strategy")))
            .filter(p -> p.startsWith("/api/"))
            .distinct()
            .toList();
        assertThat(paths).as("the API's GET routes").hasSizeGreaterThan(3);
        return paths;
    }

    @Test
    void aQueryOrPathThatIsNoValidEncodingIsABadRequestAsProblemJson() throws IOException {
        for (String path : apiGetPaths()) {
            for (String target : List.of(path + "?x=%ZZ", path + "?lang=%E0%A4%A", path + "?%ZZ=1")) {
                String response = rawGet(target, "application/json", "en");
                assertThat(statusLine(response)).as(target).isEqualTo("HTTP/1.1 400 Bad Request");
                assertThat(header(response, "content-type")).as(target).startsWith("application/problem+json");
                assertThat(response).as(target).contains("\"status\":400").doesNotContain("unexpected");
            }
        }
        String response = rawGet("/api/v1/%ZZ", "application/json", "de");
        assertThat(statusLine(response)).isEqualTo("HTTP/1.1 400 Bad Request");
        assertThat(header(response, "content-type")).startsWith("application/problem+json");
    }

    @Test
    void anAcceptTheApiCannotServeIsNotAcceptableAndSaysWhatItServes() throws IOException {
        for (String path : apiGetPaths()) {
            String response = rawGet(path, "application/xml", "en");
            if (statusLine(response).startsWith("HTTP/1.1 406")) {
                assertThat(header(response, "content-type")).as(path).startsWith("application/problem+json");
                assertThat(response).as(path).contains("application/json").doesNotContain("unexpected");
            } else {
                // a route that answers anyway (the PDF's route ignores Accept) must not fail
                assertThat(statusLine(response)).as(path).doesNotContain(" 500 ");
            }
        }
        String agencies = rawGet("/api/v1/agencies", "application/xml", "de");
        assertThat(statusLine(agencies)).isEqualTo("HTTP/1.1 406 Not Acceptable");
        assertThat(agencies).contains("application/json").doesNotContain("unerwarteter");
    }

    /**
     * A request line or headers too long for the server to read (Netty hands such a request on without its path and
     * headers): 414 and 431 with the error page's text, for a page as for the API, never a server error.
     */
    @Test
    void aRequestTooLongToReadIsAClientErrorNeverAServerError() throws IOException {
        String longQuery = "?suche=" + "x".repeat(5000);
        for (String path : List.of("/agentur/leads", "/api/v1/agencies", "/")) {
            String response = rawGet(path + longQuery, "text/html", "de", "");
            assertThat(statusLine(response)).as(path).matches("HTTP/1\\.[01] 414 .*");
            assertThat(response).as(path).contains("Die Adresse war zu lang").doesNotContain("unerwarteter");
            // the language switch cannot lead back to the address (too long) nor to Netty's stand-in for it
            assertThat(response).as(path).contains("href=\"/?lang=en\"").doesNotContain("bad-request");
        }
        String cookies = rawGet("/", "text/html", "de", "Cookie: a=" + "x".repeat(9000) + "\r\n");
        assertThat(statusLine(cookies)).matches("HTTP/1\\.[01] 431 .*");
        assertThat(cookies).contains("Cookies dieser Seite").doesNotContain("unerwarteter").doesNotContain("bad-request");
        // just under the limits: read and answered as usual
        assertThat(statusLine(rawGet("/?x=" + "x".repeat(3500), "text/html", "de", ""))).isEqualTo("HTTP/1.1 200 OK");
    }

    private static String statusLine(String response) {
        return response.lines().findFirst().orElse("");
    }

    private static String header(String response, String name) {
        return response.lines().takeWhile(l -> !l.isEmpty())
            .filter(l -> l.toLowerCase().startsWith(name + ":"))
            .map(l -> l.substring(name.length() + 1).trim()).findFirst().orElse("");
    }

    /** The request exactly as written: an HTTP client library would refuse or re-encode the target. */
    private String rawGet(String target, String accept, String language) throws IOException {
        return rawGet(target, accept, language, "");
    }

    private String rawGet(String target, String accept, String language, String headers) throws IOException {
        try (Socket socket = new Socket("127.0.0.1", server.getPort())) {
            OutputStream out = socket.getOutputStream();
            out.write(("GET " + target + " HTTP/1.1\r\nHost: localhost\r\nAccept: " + accept + "\r\nAccept-Language: "
                + language + "\r\n" + headers + "Connection: close\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            InputStream in = socket.getInputStream();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
