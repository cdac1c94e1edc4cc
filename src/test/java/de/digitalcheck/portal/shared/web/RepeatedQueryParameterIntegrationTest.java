package de.digitalcheck.portal.shared.web;

import de.digitalcheck.portal.support.Http;
import io.micronaut.json.JsonMapper;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A query parameter given more than once gets one answer on every GET of the public API: a 400 problem+json whose
 * {@code errors} name the parameter and say it was given more than once, in the caller's language (docs/api.md,
 * Conventions). Before, each operation read the values Micronaut joined ("a,b") as its own kind of error: a
 * malformed date (400), a postal code of the wrong form (422), an unknown agency or token (404).
 */
@MicronautTest(transactional = false)
class RepeatedQueryParameterIntegrationTest {

    static final String NO_ID = "00000000-0000-0000-0000-000000000000";

    @Inject
    EmbeddedServer server;
    @Inject
    JsonMapper json;

    @Test
    void aParameterGivenTwiceIsABadRequestNamingIt() {
        Http http = new Http(server, json);
        String slots = "/api/v1/slots?agency=en-agentur&type=t&from=2026-12-07&to=2026-12-08";
        Map<String, String> repeated = new LinkedHashMap<>();
        repeated.put(slots + "&from=2026-12-09", "from");
        repeated.put("/api/v1/slots?agency=en-agentur&agency=wf-dortmund&type=t&from=2026-12-07&to=2026-12-08",
            "agency");
        repeated.put(slots + "&type=u", "type");
        repeated.put(slots + "&to=2026-12-09", "to");
        repeated.put(slots + "&coach=a&coach=b", "coach");
        repeated.put("/api/v1/routing?postalCode=44135&postalCode=58452", "postalCode");
        repeated.put("/api/v1/appointment-types?agency=en-agentur&agency=wf-dortmund", "agency");
        repeated.put("/api/v1/bookings/" + NO_ID + "?token=a&token=b", "token");
        repeated.put("/api/v1/assessments/" + NO_ID + "?token=a&token=b", "token");
        repeated.put("/api/v1/assessments/" + NO_ID + "/report?token=a&token=b", "token");
        repeated.forEach((path, field) -> {
            HttpResponse<String> refused = http.get(path, "Accept-Language", "en");
            assertThat(refused.statusCode()).as(path).isEqualTo(400);
            assertThat(refused.headers().firstValue("Content-Type")).as(path)
                .hasValueSatisfying(t -> assertThat(t).startsWith("application/problem+json"));
            Map<String, Object> problem = http.map(refused);
            assertThat(problem).as(path).containsEntry("status", 400).containsEntry("title", "Bad request");
            assertThat(problem.get("errors")).as(path).isEqualTo(List.of(Map.of("field", field,
                "message", field + " was given more than once but may be given only once; for several values make "
                    + "one request each.")));
        });
        HttpResponse<String> german = http.get("/api/v1/routing?postalCode=44135&postalCode=58452");
        assertThat(german.statusCode()).isEqualTo(400);
        assertThat(german.body()).contains("postalCode wurde mehrfach angegeben");
        // two parameters given twice: both named, and nothing else of the request judged
        HttpResponse<String> two = http.get(slots + "&from=x&to=y&lang=en");
        List<?> errors = (List<?>) http.map(two).get("errors");
        assertThat(errors.stream().map(e -> (Object) ((Map<?, ?>) e).get("field")).toList())
            .containsExactly("from", "to");
    }

    /** What must not change: each parameter once is answered as before; lang given twice counts its first value. */
    @Test
    void eachParameterOnceAndARepeatedLangAreAnsweredAsBefore() {
        Http http = new Http(server, json);
        assertThat(http.get("/api/v1/routing?postalCode=44135").statusCode()).isEqualTo(200);
        assertThat(http.get("/api/v1/routing?postalCode=44135&lang=en&lang=de").statusCode()).isEqualTo(200);
        HttpResponse<String> malformed = http.get("/api/v1/routing?postalCode=4413&lang=en&lang=de");
        assertThat(malformed.statusCode()).isEqualTo(422);
        assertThat(malformed.body()).contains("five digits");
        HttpResponse<String> unknown = http.get("/api/v1/appointment-types?agency=no-such-agency&lang=en");
        assertThat(unknown.statusCode()).isEqualTo(404);
        assertThat(http.get("/api/v1/assessments/" + NO_ID + "?token=a").statusCode()).isEqualTo(404);
        HttpResponse<String> date = http.get("/api/v1/slots?agency=a&type=t&from=tomorrow&to=2026-12-08&lang=en");
        assertThat(date.statusCode()).isEqualTo(400);
        assertThat(date.body()).contains("\"field\":\"from\"").doesNotContain("more than once");
    }
}
