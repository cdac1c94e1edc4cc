package de.digitalcheck.portal.readiness.web;

import de.digitalcheck.portal.readiness.Questionnaires;
import de.digitalcheck.portal.support.CompletedChecks;
import de.digitalcheck.portal.support.Database;
import de.digitalcheck.portal.support.Http;
import io.micronaut.json.JsonMapper;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;
import java.net.http.HttpResponse;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * "Check again" makes a new row each time: at most five copies of one check a day (issue 11, item 3), then a 429 page
 * in the visitor's language; other checks are not affected.
 */
@MicronautTest(transactional = false)
class CheckCopiesLimitIntegrationTest {

    @Inject
    EmbeddedServer server;
    @Inject
    JsonMapper json;
    @Inject
    Questionnaires questionnaires;
    @Inject
    DataSource dataSource;

    @Test
    void theSixthCopyOfACheckInADayIsRefusedWithAPageInTheVisitorsLanguage() {
        Http http = new Http(server, json);
        CompletedChecks.Completed check = CompletedChecks.of(questionnaires.current()).named("Kopierwerk").submit(http);
        String again = "/check/" + check.token() + "/again";
        for (int i = 0; i < 5; i++) {
            HttpResponse<String> copy = http.postForm(again, Map.of());
            assertThat(copy.statusCode()).as("copy " + (i + 1)).isEqualTo(303);
            assertThat(copy.headers().firstValue("Location").orElseThrow()).contains("/step/");
        }
        HttpResponse<String> sixth = http.postForm(again, Map.of());
        assertThat(sixth.statusCode()).isEqualTo(429);
        assertThat(sixth.headers().firstValue("Retry-After")).isPresent();
        assertThat(sixth.body()).contains("Heute keine weitere Kopie dieses Selbstchecks",
            "heute schon 5 neue Durchläufe gestartet", "href=\"/check/" + check.token() + "/result\"");
        HttpResponse<String> english = http.postForm(again + "?lang=en", Map.of());
        assertThat(english.statusCode()).isEqualTo(429);
        assertThat(english.body()).contains("No further copy of this self-check today");
        assertThat(new Database(dataSource).rows("SELECT id FROM assessment WHERE previous_id = ?", check.id()))
            .as("nothing stored for the refused copies").hasSize(5);

        CompletedChecks.Completed other = CompletedChecks.of(questionnaires.current()).named("Anderes Werk").submit(http);
        assertThat(http.postForm("/check/" + other.token() + "/again", Map.of()).statusCode()).isEqualTo(303);
    }
}
