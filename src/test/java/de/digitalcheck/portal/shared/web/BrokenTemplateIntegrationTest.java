package de.digitalcheck.portal.shared.web;

import de.digitalcheck.portal.support.Http;
import io.micronaut.context.annotation.Property;
import io.micronaut.context.annotation.Requires;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.json.JsonMapper;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.views.ModelAndView;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.net.http.HttpResponse;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A template that fails while it is rendered answers with the 500 error page at once (Micronaut Views alone logs the
 * error and never ends the answer); a page that renders is answered as before.
 */
@MicronautTest
@Property(name = "spec.name", value = "BrokenTemplateIntegrationTest")
class BrokenTemplateIntegrationTest {

    @Inject
    EmbeddedServer server;
    @Inject
    JsonMapper json;

    @Test
    @Timeout(value = 20, unit = TimeUnit.SECONDS)
    void aTemplateErrorIsTheErrorPageNotAnAnswerThatNeverEnds() {
        Http http = new Http(server, json);
        HttpResponse<String> broken = http.get("/test-only/broken");
        assertThat(broken.statusCode()).isEqualTo(500);
        assertThat(broken.headers().firstValue("Content-Type").orElse("")).startsWith("text/html");
        assertThat(broken.body()).contains("</html>").doesNotContain("notThere", "Exception");
        HttpResponse<String> fine = http.get("/");
        assertThat(fine.statusCode()).isEqualTo(200);
        assertThat(fine.body()).contains("</html>");
    }

    @Controller("/test-only")
    @Requires(property = "spec.name", value = "BrokenTemplateIntegrationTest")
    @Secured(SecurityRule.IS_ANONYMOUS)
    static class BrokenPage {

        @Get("/broken")
        ModelAndView<Map<String, Object>> broken() {
            return new ModelAndView<>("test/broken", Map.of("thing", "a string has no such method"));
        }
    }
}
