package de.digitalcheck.portal.shared.web;

import de.digitalcheck.portal.support.Http;
import io.micronaut.context.annotation.Property;
import io.micronaut.json.JsonMapper;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;

import static org.assertj.core.api.Assertions.assertThat;

/** A portal reached over https: the token cookie carries the {@code __Host-} prefix, and HSTS is sent. */
@MicronautTest(transactional = false)
@Property(name = "portal.base-url", value = "https://digitalcheck.example.org")
class HttpsPortalIntegrationTest {

    @Inject
    EmbeddedServer server;
    @Inject
    JsonMapper json;

    @Test
    void theTokenCookieIsAHostCookieAndBrowsersAreToldToStayOnHttps() {
        HttpResponse<String> page = new Http(server, json).get("/check");
        assertThat(page.headers().allValues("Set-Cookie")).anySatisfy(c -> assertThat(c)
            .startsWith("__Host-csrf=").contains("Path=/").containsIgnoringCase("Secure")
            .containsIgnoringCase("HttpOnly").containsIgnoringCase("SameSite=Strict").doesNotContainIgnoringCase("Domain="));
        assertThat(page.headers().allValues("Set-Cookie")).noneSatisfy(c -> assertThat(c).startsWith("csrf="));
        assertThat(page.headers().firstValue("Strict-Transport-Security")).contains("max-age=31536000");
    }
}
