package de.digitalcheck.portal.shared.web;

import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The portal's own files are read with GET and HEAD only: a POST, DELETE, PUT, PATCH, OPTIONS or a made-up method got
 * the style sheet with 200 (Micronaut serves a static file for a request no route matched, whatever its method). Now
 * 405 with {@code Allow: GET, HEAD} and the error page in the reader's language, for every spelling of the path that
 * serves the file; a file that does not exist stays 404, and reading works as before.
 */
@MicronautTest(transactional = false)
class StaticFileMethodsIntegrationTest {

    @Inject
    EmbeddedServer server;

    final HttpClient client = HttpClient.newHttpClient();

    HttpResponse<String> send(String method, String path, String language) throws IOException, InterruptedException {
        HttpRequest.BodyPublisher body = method.equals("GET") || method.equals("HEAD")
            ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString("a=b");
        return client.send(HttpRequest.newBuilder(URI.create("http://localhost:" + server.getPort() + path))
            .method(method, body).header("Accept-Language", language)
            .header("Content-Type", "application/x-www-form-urlencoded").build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void aFileIsReadWithGetAndHeadAndAnythingElseIsNotAllowed() throws Exception {
        HttpResponse<String> css = send("GET", "/assets/app.css", "de");
        assertThat(css.statusCode()).isEqualTo(200);
        assertThat(css.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("text/css"));
        assertThat(send("HEAD", "/assets/app.css", "de").statusCode()).isEqualTo(200);
        assertThat(send("GET", "/assets/favicon.svg", "de").statusCode()).isEqualTo(200);

        for (String method : List.of("POST", "PUT", "DELETE", "PATCH", "OPTIONS", "FOO")) {
            for (String path : List.of("/assets/app.css", "/assets/favicon.svg", "/assets/fonts.css")) {
                HttpResponse<String> refused = send(method, path, "de");
                assertThat(refused.statusCode()).as(method + " " + path).isEqualTo(405);
                assertThat(refused.headers().firstValue("Allow")).as(method + " " + path).contains("GET, HEAD");
                assertThat(refused.headers().firstValue("Content-Type")).hasValueSatisfying(
                    t -> assertThat(t).startsWith("text/html"));
                assertThat(refused.body()).as(method + " " + path).contains("Diese Aktion ist hier nicht möglich.")
                    .doesNotContain("--kern-");
            }
        }
        assertThat(send("DELETE", "/assets/app.css", "en").body()).contains("This action is not possible here.");
    }

    @Test
    void everySpellingThatServesTheFileRefusesOtherMethodsAndAMissingFileStaysNotFound() throws Exception {
        for (String path : List.of("/assets//app.css", "//assets/app.css", "/assets/./app.css", "/assets/app.css?x=1",
            "/assets/%61pp.css")) {
            int read = send("GET", path, "de").statusCode();
            int posted = send("POST", path, "de").statusCode();
            assertThat(posted).as("POST " + path + " (GET answers " + read + ")").isEqualTo(read == 200 ? 405 : read);
        }
        assertThat(send("POST", "/assets/gibt-es-nicht.css", "de").statusCode()).isEqualTo(404);
        assertThat(send("GET", "/assets/gibt-es-nicht.css", "de").statusCode()).isEqualTo(404);
    }
}
