package de.digitalcheck.portal.leads;

import de.digitalcheck.portal.readiness.CompanyType;
import de.digitalcheck.portal.readiness.Questionnaire;
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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A company that changes its answers after sharing its result: the open lead takes the new score and level (the
 * inbox, its filters, the export and the API showed the old one while the lead's page showed the new), with a trail
 * entry; a lead withdrawn before keeps what it had, and saving the same answers again changes nothing.
 */
@MicronautTest(transactional = false)
class RevisedCheckLeadIntegrationTest {

    @Inject
    EmbeddedServer server;
    @Inject
    JsonMapper json;
    @Inject
    DataSource dataSource;
    @Inject
    Questionnaires questionnaires;
    @Inject
    de.digitalcheck.portal.leads.internal.TrailValues trailValues;

    @Test
    void theOpenLeadFollowsTheRevisedResult() {
        Http http = new Http(server, json);
        Database db = new Database(dataSource);
        Questionnaire q = questionnaires.current();
        String email = "revise-" + UUID.randomUUID().toString().substring(0, 8) + "@example.org";
        CompletedChecks.Completed check = CompletedChecks.of(q).named("Revise GmbH").at("44135").level(2)
            .contact("Rita Revise", email).submit(http);
        assertThat(http.postForm("/check/" + check.token() + "/einwilligung", Map.of("consentName", "Rita Revise",
            "consentEmail", email, "shareWithAgency", "on")).statusCode()).isEqualTo(303);
        Map<String, Object> before = db.rows("SELECT * FROM agency_lead WHERE assessment_id = ?", check.id()).get(0);
        String leadId = (String) before.get("id");
        assertThat(((Number) before.get("score")).doubleValue()).isEqualTo(2.0);

        Map<String, String> top = new LinkedHashMap<>();
        q.questions().stream().filter(x -> x.dimension().equals("strategy") && x.appliesTo(CompanyType.OWN_PRODUCTS))
            .forEach(x -> top.put("q." + x.id(), x.options().stream()
                .filter(o -> o.level() != null).max((a, b) -> Integer.compare(a.level(), b.level())).orElseThrow().id()));
        top.put("nav", "next");
        assertThat(http.postForm("/check/" + check.token() + "/step/strategy", top).statusCode()).isEqualTo(303);

        Map<String, Object> after = db.rows("SELECT * FROM agency_lead WHERE id = ?", leadId).get(0);
        double score = ((Number) after.get("score")).doubleValue();
        assertThat(score).as("the lead's score follows the check's").isGreaterThan(2.0);
        assertThat(db.value("SELECT score FROM assessment WHERE id = ?", check.id()).toString())
            .isEqualTo(after.get("score").toString());
        assertThat(((Number) after.get("lock_version")).intValue())
            .isGreaterThan(((Number) before.get("lock_version")).intValue());
        assertThat(after).containsEntry("contact_email", email).containsEntry("company_name", "Revise GmbH");
        List<Map<String, Object>> trail = db.rows("SELECT * FROM lead_audit WHERE lead_id = ? AND action = 'RESULT'",
            leadId);
        assertThat(trail).singleElement().satisfies(t -> assertThat(t).containsEntry("from_value", "2.0")
            .containsEntry("actor_id", null));
        assertThat(Objects.toString(trail.get(0).get("to_value"))).isEqualTo(Double.toString(score));
        // shown as the result page shows a score, in the reader's language
        var entry = new de.digitalcheck.portal.leads.internal.LeadAuditRow("x", leadId, java.time.Instant.now(), null,
            null, "RESULT", "2.0", Double.toString(score), null);
        assertThat(trailValues.from(entry, "de")).isEqualTo("2,0");
        assertThat(trailValues.from(entry, "en")).isEqualTo("2.0");
        assertThat(trailValues.to(entry, "de")).isEqualTo(Double.toString(score).replace('.', ','));

        // the same answers again: nothing changes, no second entry
        assertThat(http.postForm("/check/" + check.token() + "/step/strategy", top).statusCode()).isEqualTo(303);
        assertThat(db.rows("SELECT * FROM lead_audit WHERE lead_id = ? AND action = 'RESULT'", leadId)).hasSize(1);

        // withdrawn: the lead keeps what it had when it was withdrawn
        db.execute("UPDATE agency_lead SET status = 'WITHDRAWN' WHERE id = ?", leadId);
        Map<String, String> low = new LinkedHashMap<>(top);
        q.questions().stream().filter(x -> x.dimension().equals("strategy") && x.appliesTo(CompanyType.OWN_PRODUCTS))
            .forEach(x -> low.put("q." + x.id(), x.options().stream()
                .filter(o -> o.level() != null).min((a, b) -> Integer.compare(a.level(), b.level())).orElseThrow().id()));
        assertThat(http.postForm("/check/" + check.token() + "/step/strategy", low).statusCode()).isEqualTo(303);
        assertThat(db.value("SELECT score FROM agency_lead WHERE id = ?", leadId).toString())
            .isEqualTo(after.get("score").toString());
    }
}
