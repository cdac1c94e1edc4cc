package de.digitalcheck.portal.shared.web;

import de.digitalcheck.portal.shared.config.PortalSettings;
import de.digitalcheck.portal.support.Http;
import io.micronaut.json.JsonMapper;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.io.IOException;
import java.io.InputStream;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.Properties;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The footer's "API" opens a page for people, in the site's layout, German and English: purpose, base URL,
 * authentication, errors, the configured rate limit, every operation of the OpenAPI document with its own text, and
 * the link to the document. {@code /openapi} stays the machine-readable YAML for tools.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ApiPageIntegrationTest implements TestPropertyProvider {

    @Inject
    EmbeddedServer server;
    @Inject
    JsonMapper json;
    @Inject
    PortalSettings settings;
    @Inject
    OpenApiDocument document;

    @Override
    public Map<String, String> getProperties() {
        return Map.of("portal.rate-limits.public-posts.enabled", "true",
            "portal.rate-limits.public-posts.requests", "17", "portal.rate-limits.public-posts.window", "7m");
    }

    private static Properties bundle(String name) throws IOException {
        Properties properties = new Properties();
        try (InputStream in = ApiPageIntegrationTest.class.getResourceAsStream("/i18n/" + name + ".properties")) {
            properties.load(new java.io.InputStreamReader(in, java.nio.charset.StandardCharsets.UTF_8));
        }
        return properties;
    }

    @Test
    void theFooterLinksToTheApiPageNotToTheYaml() {
        String home = new Http(server, json).get("/impressum").body();
        assertThat(home).contains("href=\"/schnittstelle\"").doesNotContain("href=\"/openapi\"");
    }

    @Test
    void theGermanPageExplainsTheApiAndListsEveryOperationOfTheDocument() {
        HttpResponse<String> page = new Http(server, json).get("/schnittstelle?lang=de");
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.headers().firstValue("Content-Type").orElse("")).startsWith("text/html");
        String html = page.body();
        assertThat(html).contains("<h1 class=\"kern-heading-large\">Öffentliche Schnittstelle (API v1)</h1>",
            "<footer", settings.link("/api/v1/"), "application/problem+json", "Authorization: Bearer",
            "höchstens 17 Anfragen in 7 Minuten", "href=\"/openapi\"");
        List<OpenApiOperations.Operation> operations = document.operations();
        assertThat(operations).extracting(OpenApiOperations.Operation::id)
            .contains("getQuestionnaire", "submitAssessment", "createBooking", "changeAgencyLead")
            .as("a webhook is sent, not called: it is no operation of the page").doesNotContain("leadEvent");
        for (OpenApiOperations.Operation o : operations) {
            assertThat(html).as(o.id()).contains("<code>" + o.method() + " " + o.path() + "</code>")
                .doesNotContain(o.summary());
        }
        assertThat(html).contains("Zugangstoken der Agentur", "öffentlich");
    }

    @Test
    void theEnglishPageSaysTheSameInEnglish() {
        String html = new Http(server, json).get("/schnittstelle?lang=en").body();
        assertThat(html).contains("<html lang=\"en\"", "Public API v1", "Base URL", "Authentication", "Rate limit",
            "at most 17 requests in 7 minutes", "agency access token", "OpenAPI document (YAML)")
            .doesNotContain("Öffentliche Schnittstelle", "Zugangstoken der Agentur");
    }

    @Test
    void everyOperationOfTheDocumentHasItsTextInBothLanguages() throws IOException {
        for (String name : List.of("messages", "messages_de", "messages_en")) {
            Properties bundle = bundle(name);
            for (OpenApiOperations.Operation o : document.operations()) {
                assertThat(bundle.getProperty("apiPage.operation." + o.id())).as(name + ": " + o.id()).isNotBlank();
            }
        }
    }

    @Test
    void theOpenApiDocumentStaysYamlForTools() {
        HttpResponse<String> yaml = new Http(server, json).get("/openapi");
        assertThat(yaml.statusCode()).isEqualTo(200);
        assertThat(yaml.headers().firstValue("Content-Type").orElse("")).startsWith("application/yaml");
        assertThat(yaml.body()).startsWith("openapi: 3.0").doesNotContain("<html");
    }

    /**
     * The document is YAML only. A program that asks for JSON gets {@code 406} as problem+json saying so, in its
     * language, with no cookie: it got the HTML error page, which said the address serves nothing it could use, and a
     * CSRF cookie. A method the address does not take is problem+json too. Browsers and tools that take YAML or
     * anything ({@code *}{@code /*}) get the document, and a page asked for JSON keeps its error page.
     */
    @Test
    void theOpenApiDocumentRefusesAnotherTypeAsProblemJson() {
        Http http = new Http(server, json);
        for (String accept : List.of("application/json", "application/json, text/html", "text/csv")) {
            HttpResponse<String> refused = http.get("/openapi", "Accept", accept, "Accept-Language", "en");
            assertThat(refused.statusCode()).as(accept).isEqualTo(406);
            assertThat(refused.headers().firstValue("Content-Type").orElse("")).as(accept)
                .startsWith("application/problem+json");
            assertThat(http.map(refused)).as(accept).containsEntry("status", 406)
                .containsEntry("title", "Not acceptable").containsEntry("detail",
                    "This address serves the OpenAPI document as application/yaml only; the request’s Accept header "
                        + "does not allow it.");
            assertThat(refused.headers().allValues("Set-Cookie")).as(accept).isEmpty();
            assertThat(refused.headers().firstValue("Cache-Control")).hasValue("no-store");
        }
        assertThat(http.map(http.get("/openapi?lang=de", "Accept", "application/json", "Accept-Language", "en")))
            .containsEntry("title", "Nicht lieferbar");
        HttpResponse<String> post = http.send("POST", "/openapi", "{}", "Content-Type", "application/json");
        assertThat(post.statusCode()).isEqualTo(405);
        assertThat(post.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
        assertThat(post.headers().firstValue("Allow")).hasValue("GET, HEAD");
        for (String accept : List.of("application/yaml", "*/*", "text/html,application/xhtml+xml,*/*;q=0.8",
            "application/json, application/yaml;q=0.5")) {
            HttpResponse<String> yaml = http.get("/openapi", "Accept", accept);
            assertThat(yaml.statusCode()).as(accept).isEqualTo(200);
            assertThat(yaml.body()).as(accept).startsWith("openapi: 3.0");
        }
        HttpResponse<String> page = http.get("/impressum", "Accept", "application/json");
        assertThat(page.headers().firstValue("Content-Type").orElse("")).as("a page's error stays a page")
            .doesNotStartWith("application/problem+json");
    }

    /**
     * The document's address weighs {@code Accept} as the API does (RFC 9110 §12.5.1, docs/api.md): {@code q=0} means
     * "not acceptable", so a header that gives YAML (or everything) the weight 0 gets the {@code 406} problem+json that
     * {@code Accept: application/json} gets — it was served the YAML, weights ignored. A weight outside the grammar is
     * a {@code 400} naming {@code Accept}, as on the API; a YAML weight above 0 is served.
     */
    @Test
    void theOpenApiDocumentWeighsAcceptAsTheApiDoes() {
        Http http = new Http(server, json);
        for (String accept : List.of("application/yaml;q=0, application/json", "*/*;q=0", "application/*;q=0",
            "application/yaml;q=0, */*", "application/yaml;q=0", "application/json, */*;q=0")) {
            HttpResponse<String> refused = http.get("/openapi", "Accept", accept, "Accept-Language", "en");
            assertThat(refused.statusCode()).as(accept).isEqualTo(406);
            assertThat(refused.headers().firstValue("Content-Type").orElse("")).as(accept)
                .startsWith("application/problem+json");
            assertThat(http.map(refused)).as(accept).containsEntry("status", 406)
                .containsEntry("title", "Not acceptable").containsEntry("detail",
                    "This address serves the OpenAPI document as application/yaml only; the request’s Accept header "
                        + "does not allow it.");
            assertThat(refused.headers().firstValue("Cache-Control")).as(accept).hasValue("no-store");
            assertThat(refused.headers().firstValue("Content-Security-Policy")).as(accept).isPresent();
            assertThat(refused.headers().allValues("Set-Cookie")).as(accept).isEmpty();
        }
        assertThat(http.map(http.get("/openapi", "Accept", "*/*;q=0", "Accept-Language", "de")))
            .containsEntry("title", "Nicht lieferbar");
        HttpResponse<String> malformed = http.get("/openapi", "Accept", "application/yaml;q=2", "Accept-Language", "en");
        assertThat(malformed.statusCode()).isEqualTo(400);
        assertThat(malformed.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
        assertThat(malformed.body()).contains("\"field\":\"Accept\"");
        for (String accept : List.of("*/*;q=0.1", "application/json, application/yaml;q=0.001",
            "application/*;q=0, application/yaml")) {
            HttpResponse<String> yaml = http.get("/openapi", "Accept", accept);
            assertThat(yaml.statusCode()).as(accept).isEqualTo(200);
            assertThat(yaml.body()).as(accept).startsWith("openapi: 3.0");
        }
    }
}
