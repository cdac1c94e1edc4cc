package de.digitalcheck.portal.shared.web;

import de.digitalcheck.portal.support.Http;
import io.micronaut.json.JsonMapper;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The public API uses no cookie (docs/api.md), and neither does the OpenAPI document: {@code ?lang=en} on an API call or
 * on {@code /openapi} answered {@code Set-Cookie: lang=en} for a year, which switched the pages of the browser a script
 * ran in to English. Decided by the route the router matched ({@code /api/v1/agencies/} too); an answer no route made
 * under {@code /api/} (an unknown address, a method it does not take, an {@code Accept} refused) sets none either. A
 * page's {@code ?lang=} is still remembered.
 */
@MicronautTest(transactional = false)
class ApiLanguageCookieIntegrationTest {

    @Inject
    EmbeddedServer server;
    @Inject
    JsonMapper json;
    @Inject
    OpenApiDocument document;

    @Test
    void noApiAnswerAndNotTheOpenApiDocumentSetsTheLanguageCookie() {
        Http http = new Http(server, json);
        List<String> asked = new ArrayList<>();
        for (OpenApiOperations.Operation operation : document.operations()) {
            String path = operation.path().replaceAll("\\{[^}]+}", "x");
            for (String query : List.of("?lang=en", "/?lang=en", "?lang=de&agency=en-agentur&postalCode=58452")) {
                String target = path + query;
                HttpResponse<String> answer = operation.method().equals("GET") ? http.get(target)
                    : http.send(operation.method(), target, "{}", "Content-Type", "application/json");
                assertThat(answer.headers().allValues("Set-Cookie")).as(operation.method() + " " + target + " → "
                    + answer.statusCode()).noneMatch(c -> c.startsWith("lang="));
                asked.add(operation.method() + " " + target + " " + answer.statusCode());
            }
        }
        assertThat(asked).as("answered, successes among them").anyMatch(a -> a.endsWith(" 200"));
        for (HttpResponse<String> answer : List.of(
            http.get("/api/v1/agencies?lang=en"),
            http.get("/api/v1/agencies/?lang=en"),
            http.get("/api/v1/questionnaire?lang=en"),
            http.get("/api/v1/nothing-here?lang=en"),
            http.get("//api/v1/agencies?lang=en"),
            http.send("DELETE", "/api/v1/agencies?lang=en"),
            http.get("/api/v1/agencies?lang=en", "Accept", "text/html"),
            http.get("/openapi?lang=en"),
            http.get("/openapi/?lang=en"),
            http.get("/openapi?lang=en", "Accept", "application/json"))) {
            assertThat(answer.headers().allValues("Set-Cookie")).as(answer.request().method() + " "
                + answer.uri() + " → " + answer.statusCode()).noneMatch(c -> c.startsWith("lang="));
        }
        assertThat(http.get("/api/v1/agencies?lang=en").statusCode()).isEqualTo(200);
        assertThat(http.get("/openapi?lang=en").statusCode()).isEqualTo(200);
        assertThat(http.cookie("lang")).as("nothing remembered").isEmpty();
    }

    @Test
    void aPageStillRemembersTheChosenLanguage() {
        Http http = new Http(server, json);
        for (String page : List.of("/impressum?lang=en", "/impressum/?lang=en", "/check?lang=en", "/nichts?lang=en",
            "/schnittstelle?lang=en")) {
            assertThat(http.get(page).headers().allValues("Set-Cookie")).as(page)
                .anyMatch(c -> c.startsWith("lang=en;") && c.contains("Max-Age=31536000"));
        }
    }
}
