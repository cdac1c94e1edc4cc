package de.digitalcheck.portal.report;

import de.digitalcheck.portal.readiness.Assessment;
import de.digitalcheck.portal.readiness.Assessments;
import de.digitalcheck.portal.readiness.Questionnaires;
import de.digitalcheck.portal.shared.i18n.Language;
import de.digitalcheck.portal.support.CompletedChecks;
import de.digitalcheck.portal.support.Http;
import de.digitalcheck.portal.support.PdfText;
import io.micronaut.json.JsonMapper;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The PDF is rendered once per check, revision, language and link (issue 11, item 3): a second download is the same
 * bytes from memory; a change of the check makes a new one; erasing the check's data forgets its PDFs at once.
 */
@MicronautTest(transactional = false)
class ReportCacheIntegrationTest {

    @Inject
    EmbeddedServer server;
    @Inject
    JsonMapper json;
    @Inject
    Questionnaires questionnaires;
    @Inject
    Assessments assessments;
    @Inject
    Reports reports;

    @Test
    void aPdfIsMadeOncePerRevisionAndForgottenWithTheCheck() {
        Http http = new Http(server, json);
        String token = CompletedChecks.of(questionnaires.current()).named("Zwischenspeicher GmbH").submit(http).token();
        Assessment check = assessments.byLink(token);
        long before = reports.cached();

        Reports.Report first = reports.of(check, token, Language.DE);
        assertThat(reports.of(check, token, Language.DE)).as("from memory").isSameAs(first);
        assertThat(reports.of(check, token, Language.EN)).as("another language is another PDF").isNotSameAs(first);
        assertThat(reports.cached()).isEqualTo(before + 2);
        assertThat(http.getBytes("/check/" + token + "/report.pdf").body()).as("the download is the cached PDF")
            .isEqualTo(first.pdf());

        Map<String, String> profile = new LinkedHashMap<>();
        profile.put("name", "Umbenannt GmbH");
        profile.put("postalCode", "44135");
        profile.put("sector", "C");
        profile.put("employees", "42");
        profile.put("companyType", "OWN_PRODUCTS");
        assertThat(http.postForm("/check/" + token + "/profile", profile).statusCode()).isEqualTo(303);
        Assessment changed = assessments.byLink(token);
        assertThat(changed.revision()).isGreaterThan(check.revision());
        Reports.Report renamed = reports.of(changed, token, Language.DE);
        assertThat(renamed).isNotSameAs(first);
        assertThat(PdfText.of(renamed.pdf())).contains("Umbenannt GmbH").doesNotContain("Zwischenspeicher");

        assertThat(http.postForm("/check/" + token + "/loeschen", Map.of()).statusCode()).isEqualTo(200);
        assertThat(reports.cached()).as("the erased check's PDFs are gone").isEqualTo(before);
    }
}
