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

    /** The log line of a page that failed names its route, never the path: a private link's path is its token. */
    @Test
    @Timeout(value = 20, unit = TimeUnit.SECONDS)
    void aTemplateErrorOnAPrivateLinkIsLoggedWithoutTheToken() {
        String token = "Zq3_" + "k".repeat(35) + "9-Xy";
        ch.qos.logback.classic.Logger logger = (ch.qos.logback.classic.Logger) org.slf4j.LoggerFactory
            .getLogger(EagerRendering.class);
        ch.qos.logback.core.read.ListAppender<ch.qos.logback.classic.spi.ILoggingEvent> appender =
            new ch.qos.logback.core.read.ListAppender<>();
        appender.start();
        logger.addAppender(appender);
        try {
            assertThat(new Http(server, json).get("/test-only/broken/" + token).statusCode()).isEqualTo(500);
        } finally {
            logger.detachAppender(appender);
        }
        assertThat(appender.list).hasSize(1);
        assertThat(appender.list.get(0).getFormattedMessage()).doesNotContain(token)
            .isEqualTo("The page for GET /test-only/broken/{token} could not be rendered");
    }

    @Controller("/test-only")
    @Requires(property = "spec.name", value = "BrokenTemplateIntegrationTest")
    @Secured(SecurityRule.IS_ANONYMOUS)
    static class BrokenPage {

        @Get("/broken")
        ModelAndView<Map<String, Object>> broken() {
            return new ModelAndView<>("test/broken", Map.of("thing", "a string has no such method"));
        }

        @Get("/broken/{token}")
        ModelAndView<Map<String, Object>> brokenPrivate(String token) {
            return broken();
        }
    }
}
