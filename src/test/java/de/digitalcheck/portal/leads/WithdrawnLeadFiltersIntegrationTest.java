package de.digitalcheck.portal.leads;

import de.digitalcheck.portal.readiness.AgencyLeads;
import de.digitalcheck.portal.readiness.Questionnaires;
import de.digitalcheck.portal.support.CompletedChecks;
import de.digitalcheck.portal.support.Http;
import de.digitalcheck.portal.support.SignedInTests;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A withdrawn lead's result is not shown to its agency, and no filter finds it by it either: the inbox's and the
 * export's level filter list only leads still shared (trying each level told which one the withdrawn lead had).
 */
@MicronautTest(transactional = false)
class WithdrawnLeadFiltersIntegrationTest extends SignedInTests {

    static final String COMPANY = "Widerruf Wägetechnik GmbH";
    static final String EMAIL = "waege@withdrawn-filters.example.org";

    @Inject
    Questionnaires questionnaires;
    @Inject
    AgencyLeads leads;

    @Test
    void theLevelFilterFindsNoWithdrawnLead() {
        Map<?, ?> document = CompletedChecks.of(questionnaires.current()).named(COMPANY).at("44135").level(4)
            .contact("Wanda Widerruf", EMAIL).sharedWithAgency().submit(new Http(server, json)).document();
        String id = (String) ((Map<?, ?>) document.get("lead")).get("id");
        Http staff = as("withdrawn-filters-staff", "staff@dortmund.example.org");
        assertThat(staff.get("/agentur/leads?level=4").body()).as("while shared").contains(COMPANY);

        leads.withdraw(EMAIL, id);

        assertThat(staff.get("/agentur/leads?status=WITHDRAWN").body()).as("listed as withdrawn").contains(COMPANY);
        for (int level = 0; level <= 5; level++) {
            assertThat(staff.get("/agentur/leads?level=" + level).body()).as("inbox, level " + level)
                .doesNotContain(COMPANY);
            assertThat(staff.get("/agentur/leads?status=WITHDRAWN&level=" + level).body())
                .as("withdrawn inbox, level " + level).doesNotContain(COMPANY);
            assertThat(staff.get("/agentur/leads.csv?status=WITHDRAWN&level=" + level).body())
                .as("export, level " + level).doesNotContain(COMPANY);
        }
    }
}
