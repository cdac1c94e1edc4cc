package de.digitalcheck.portal.leads.internal;

import de.digitalcheck.portal.readiness.Questionnaires;
import de.digitalcheck.portal.shared.i18n.Language;
import de.digitalcheck.portal.shared.privacy.PersonalDataRequests;
import de.digitalcheck.portal.support.CompletedChecks;
import de.digitalcheck.portal.support.Database;
import de.digitalcheck.portal.support.Http;
import io.micronaut.json.JsonMapper;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The history of a lead in the company's export ("Mein Unternehmen") says in words what happened, in German and in
 * English, beside the trail's codes, which stay for programs: it listed only codes ({@code STAGE}, {@code NEW} →
 * {@code CONTACTED}, {@code HELD FOLLOW_UP PROGRAMME=…}). Every kind of entry the portal writes is exported once here,
 * with values as the code writes them; the kinds are the code's constants, and they are all the kinds the lead page
 * names. An entry of a kind the export does not know, or with a value it cannot read, does not break the export. No
 * staff member's or coach's name appears, in words or codes.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class LeadHistoryExportIntegrationTest {

    private static final String EMAIL = "hilde@verlauf-in-worten.example.org";

    @Inject
    EmbeddedServer server;
    @Inject
    JsonMapper json;
    @Inject
    Questionnaires questionnaires;
    @Inject
    javax.sql.DataSource dataSource;
    @Inject
    PersonalDataRequests personalData;

    /** Every kind of entry the portal writes on a lead's trail, from the code that writes them. */
    static final List<String> KINDS = kinds();

    private static List<String> kinds() {
        List<String> kinds = new ArrayList<>(List.of(LeadAuditRow.STAGE, LeadAuditRow.ASSIGN, LeadAuditRow.FORWARD,
            LeadAuditRow.ESCALATE, LeadAuditRow.RESULT, LeadAssignment.NOTE, BookingLeads.ACTION_BOOKING,
            BookingLeads.ACTION_MOVED, BookingLeads.ACTION_CANCELLED, BookingLeads.ACTION_OUTCOME));
        kinds.addAll(ConsentTrail.ACTIONS);
        return List.copyOf(kinds);
    }

    private record Entry(String actorName, String action, String from, String to, String note, String german,
                         String english) {
    }

    /** One entry of each kind (an assignment in its three forms), as the code writes it, and its words. */
    private static final List<Entry> ENTRIES = List.of(
        new Entry("Stefan Sachbearbeiter", "STAGE", "NEW", "CONTACTED", "Rückruf am Montag",
            "Bearbeitungsstand: neu → kontaktiert", "Progress: new → contacted"),
        new Entry("Stefan Sachbearbeiter", "ASSIGN", null, "Carla Coach", null,
            "Zuständigkeit: einer Person zugewiesen", "Assignee: assigned to someone"),
        new Entry("Stefan Sachbearbeiter", "ASSIGN", "Carla Coach", "Stefan Sachbearbeiter", null,
            "Zuständigkeit: einer anderen Person zugewiesen", "Assignee: assigned to someone else"),
        new Entry(null, "ASSIGN", "Stefan Sachbearbeiter", null, null,
            "Zuständigkeit: niemandem mehr zugewiesen", "Assignee: no longer assigned to anyone"),
        new Entry("Stefan Sachbearbeiter", "FORWARD", "Wirtschaftsförderung Dortmund", "EN-Agentur", null,
            "Weitergeleitet: Wirtschaftsförderung Dortmund → EN-Agentur",
            "Forwarded: Wirtschaftsförderung Dortmund → EN-Agentur"),
        new Entry(null, "ESCALATE", null, null, null,
            "Frist überschritten, Erinnerung gemailt", "Deadline passed, reminder mailed"),
        new Entry(null, "RESULT", "2.8", "3.1", null,
            "Ergebnis (Selbstcheck vom Unternehmen geändert): 2,8 → 3,1",
            "Result (self-check changed by the company): 2.8 → 3.1"),
        new Entry("Stefan Sachbearbeiter", "NOTE", null, null, "Unterlagen per Post geschickt", "Notiz", "Note"),
        new Entry(null, "BOOKING", null, "22.12.2026 09:00 TYPE=erstgespraech COACH=Carla Coach", null,
            "Termin gebucht: 22.12.2026, 09:00", "Appointment booked: 22 Dec 2026, 09:00"),
        new Entry("Stefan Sachbearbeiter", "BOOKING_MOVED", "22.12.2026 09:00", "23.12.2026 10:30", null,
            "Termin verschoben: 22.12.2026, 09:00 → 23.12.2026, 10:30",
            "Appointment moved: 22 Dec 2026, 09:00 → 23 Dec 2026, 10:30"),
        new Entry("Carla Coach", "OUTCOME", "23.12.2026 10:30", "HELD FOLLOW_UP PROGRAMME=innoscheck-ruhr", null,
            "Ergebnis des Termins vom 23.12.2026, 10:30: Ja, der Termin hat stattgefunden · Folgetermin nötig"
                + " · Empfehlung: InnoScheck.Ruhr",
            "Outcome of the appointment on 23 Dec 2026, 10:30: Yes, the appointment took place · follow-up needed"
                + " · recommended: InnoScheck.Ruhr innovation voucher"),
        new Entry(null, "BOOKING_CANCELLED", "23.12.2026 10:30", null, null,
            "Termin abgesagt: 23.12.2026, 10:30", "Appointment cancelled: 23 Dec 2026, 10:30"),
        new Entry(null, "DATA_COMPANY", "Verlauf GmbH", "Verlauf in Worten GmbH", null,
            "Unternehmensname geändert (erneute Einwilligung): Verlauf GmbH → Verlauf in Worten GmbH",
            "Company name changed (consent given again): Verlauf GmbH → Verlauf in Worten GmbH"),
        new Entry(null, "DATA_LOCATION", "58452 Witten", "58453 Witten", null,
            "Standort geändert (erneute Einwilligung): 58452 Witten → 58453 Witten",
            "Location changed (consent given again): 58452 Witten → 58453 Witten"),
        new Entry(null, "DATA_CONTACT", "Otto Vorgänger", "Hilde Verlauf", null,
            "Ansprechperson geändert (erneute Einwilligung)", "Contact person changed (consent given again)"),
        new Entry(null, "DATA_PHONE", "0231 111111", "0231 222222", null,
            "Telefonnummer geändert (erneute Einwilligung)", "Phone number changed (consent given again)"),
        new Entry(null, "DATA_EMAIL", "otto@verlauf-in-worten.example.org", EMAIL, null,
            "E-Mail-Adresse geändert (erneute Einwilligung zum selben Selbstcheck)",
            "Email address changed (consent given again for the same self-check)"),
        new Entry(null, "DATA_CHECK", "20.11.2026 10:00", "22.12.2026 09:00", null,
            "Ergebnis eines anderen Selbstchecks (erneute Einwilligung): 20.11.2026, 10:00 → 22.12.2026, 09:00",
            "Result of another self-check (consent given again): 20 Nov 2026, 10:00 → 22 Dec 2026, 09:00"),
        new Entry(null, "DATA_OTHER_COMPANY", "Verlauf in Worten GmbH", "Fremdfirma AG", null,
            "Anderer Unternehmensname angegeben (erneute Einwilligung, nicht übernommen)",
            "Other company name given (consent given again, not taken over)"),
        new Entry(null, "DATA_OTHER_LOCATION", "58453 Witten", "44135 Dortmund", null,
            "Anderer Standort angegeben (erneute Einwilligung, nicht übernommen)",
            "Other location given (consent given again, not taken over)"),
        new Entry(null, "DATA_OTHER_CONTACT", "Hilde Verlauf", "Fritz Fremd", null,
            "Andere Ansprechperson angegeben (erneute Einwilligung, nicht übernommen)",
            "Other contact person given (consent given again, not taken over)"),
        new Entry(null, "DATA_OTHER_PHONE", "0231 222222", "0231 333333", null,
            "Andere Telefonnummer angegeben (erneute Einwilligung, nicht übernommen)",
            "Other phone number given (consent given again, not taken over)"),
        new Entry(null, "DATA_OTHER_CHECK", "22.12.2026 09:00", "24.12.2026 08:00", null,
            "Selbstcheck eines anderen Unternehmens oder Standorts (erneute Einwilligung, nicht übernommen)",
            "Self-check of another company or location (consent given again, not taken over)"),
        // a kind of entry this export does not know yet, and a known kind with a value it cannot read
        new Entry("Stefan Sachbearbeiter", "SOMETHING_NEW", "alt", "neu", null, "Sonstige Änderung", "Other change"),
        new Entry(null, "BOOKING_MOVED", "99.99.2026 99:99", "23.12.2026 10:30", null,
            "Termin verschoben", "Appointment moved"));

    String leadId;

    @BeforeAll
    void leadWithEveryKindOfEntry() {
        CompletedChecks.Completed check = CompletedChecks.of(questionnaires.current()).named("Verlauf in Worten GmbH")
            .at("58452").contact("Hilde Verlauf", EMAIL).sharedWithAgency().submit(new Http(server, json));
        leadId = (String) ((Map<?, ?>) check.document().get("lead")).get("id");
        Database db = new Database(dataSource);
        db.execute("DELETE FROM lead_audit WHERE lead_id = ?", leadId);
        Instant at = Instant.parse("2026-12-01T09:00:00Z");
        for (Entry e : ENTRIES) {
            at = at.plusSeconds(60);
            db.execute("INSERT INTO lead_audit (id, lead_id, at, actor_id, actor_name, action, from_value, to_value, note) "
                    + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)", UUID.randomUUID().toString(), leadId, Timestamp.from(at),
                e.actorName() == null ? null : "staff-1", e.actorName(), e.action(), e.from(), e.to(), e.note());
        }
    }

    /** The kinds the code writes are the kinds the lead page has words for, and this test exports each of them. */
    @Test
    void everyKindOfEntryTheCodeWritesIsExportedHere() {
        assertThat(KINDS).doesNotHaveDuplicates();
        Set<String> named = labelledKinds("i18n/messages.properties");
        assertThat(named).as("the German labels").containsExactlyInAnyOrderElementsOf(KINDS);
        assertThat(labelledKinds("i18n/messages_en.properties")).as("the English labels").isEqualTo(named);
        assertThat(ENTRIES.stream().map(Entry::action).collect(Collectors.toSet())).containsAll(KINDS);
    }

    @Test
    void eachEntryOfTheExportedHistorySaysInGermanWhatHappened() {
        assertWords(Language.DE, "agency", "Wirtschaftsförderung");
    }

    @Test
    void eachEntryOfTheExportedHistorySaysInEnglishWhatHappened() {
        assertWords(Language.EN, "agency", "Economic development agency");
    }

    /** The export without a language (as before) speaks German. */
    @Test
    void anExportWithoutALanguageIsGerman() {
        Map<String, Object> export = personalData.export(EMAIL);
        assertThat(export).containsEntry("language", "de");
        assertThat(history(export).get(0)).containsEntry("text", ENTRIES.get(0).german());
    }

    @SuppressWarnings("unchecked")
    private void assertWords(Language language, String agencyCode, String agencyWords) {
        Map<String, Object> export = personalData.export(EMAIL, language);
        assertThat(export).containsEntry("language", language.code());
        List<Map<String, Object>> history = history(export);
        assertThat(history).extracting(h -> h.get("action")).containsExactlyElementsOf(
            ENTRIES.stream().map(Entry::action).toList());
        assertThat(history).extracting(h -> h.get("text")).containsExactlyElementsOf(
            ENTRIES.stream().map(e -> language == Language.DE ? e.german() : e.english()).toList());
        // who, in words beside the code
        for (Map<String, Object> h : history) {
            String by = (String) h.get("by");
            assertThat(h.get("byText")).as(h.get("action") + " by " + by).isEqualTo(switch (by) {
                case "agency" -> agencyWords;
                case "company" -> language == Language.DE ? "Unternehmen" : "Company";
                default -> "Portal";
            });
        }
        assertThat(history.get(0)).containsEntry("by", agencyCode).containsEntry("from", "NEW")
            .containsEntry("to", "CONTACTED").containsEntry("note", "Rückruf am Montag");
        assertThat(history.stream().filter(h -> "RESULT".equals(h.get("action"))).findFirst().orElseThrow())
            .containsEntry("by", "company");
        assertThat(history.stream().filter(h -> "ESCALATE".equals(h.get("action"))).findFirst().orElseThrow())
            .containsEntry("by", "portal");
        // the codes stay as they were: the unknown kind's too
        assertThat(history.get(ENTRIES.size() - 2)).containsEntry("action", "SOMETHING_NEW")
            .containsEntry("from", "alt").containsEntry("to", "neu").containsEntry("by", "agency");
        // nobody's name, no message key, no code in the words
        String all = json(export);
        assertThat(all).doesNotContain("Stefan", "Sachbearbeiter", "Carla", "staff-1", "Otto", "Fritz", "Fremdfirma",
            "0231", "otto@", "leads.audit", "company.export", "??");
        for (Map<String, Object> h : history) {
            assertThat((String) h.get("text")).as("words of " + h.get("action"))
                .doesNotContain("TYPE=", "COACH=", "PROGRAMME=", "HELD", "NEW", "CONTACTED")
                .isNotEqualTo(h.get("action"));
        }
    }

    @SuppressWarnings("unchecked")
    private List<Map<String, Object>> history(Map<String, Object> export) {
        return (List<Map<String, Object>>) ((List<Map<String, Object>>) export.get("leads")).stream()
            .filter(l -> leadId.equals(l.get("id"))).findFirst().orElseThrow().get("history");
    }

    private String json(Object value) {
        try {
            return new String(json.writeValueAsBytes(value), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The kinds of trail entry a message bundle has a label for ({@code leads.audit.action.…}). */
    private static Set<String> labelledKinds(String bundle) {
        Properties messages = new Properties();
        try (InputStream in = LeadHistoryExportIntegrationTest.class.getClassLoader().getResourceAsStream(bundle)) {
            messages.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        String prefix = "leads.audit.action.";
        return messages.stringPropertyNames().stream().filter(k -> k.startsWith(prefix))
            .map(k -> k.substring(prefix.length())).collect(Collectors.toCollection(LinkedHashSet::new));
    }
}
