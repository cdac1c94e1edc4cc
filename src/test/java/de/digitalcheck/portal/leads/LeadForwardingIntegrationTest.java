package de.digitalcheck.portal.leads;

import de.digitalcheck.portal.readiness.Questionnaires;
import de.digitalcheck.portal.support.CompletedChecks;
import de.digitalcheck.portal.support.Database;
import de.digitalcheck.portal.support.Http;
import de.digitalcheck.portal.support.Mails;
import de.digitalcheck.portal.support.SmtpServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;
import java.util.HashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Forwarding a lead to another agency (issue 13): a reason is required, the lead arrives as new at the receiving
 * agency (stage reset, nobody assigned, a new deadline) with its history and the new-lead mail, the sender's webhook
 * learns that it left and the sender gets 404 from then on (409 for a change posted from the lead's page, saying where
 * it went); a stale form, an unknown agency or an open lead of the
 * same contact at the receiver store nothing. Network admins forward fallback-queue leads.
 */
@MicronautTest(transactional = false)
class LeadForwardingIntegrationTest extends de.digitalcheck.portal.support.SignedInTests {

    @Inject
    Questionnaires questionnaires;
    @Inject
    javax.sql.DataSource dataSource;
    @Inject
    de.digitalcheck.portal.leads.internal.WebhookDispatcher dispatcher;
    @Inject
    de.digitalcheck.portal.readiness.AgencyLeads agencyLeads;
    @Inject
    de.digitalcheck.portal.shared.privacy.PersonalDataRequests personalData;

    final SmtpServer smtp = new SmtpServer();
    Map<String, Http> users;
    Database db;

    @Override
    public Map<String, String> getProperties() {
        Map<String, String> properties = new HashMap<>(super.getProperties());
        properties.putAll(smtp.portalProperties());
        return properties;
    }

    @BeforeAll
    void users() {
        users = everyDemoUser("forward-");
        db = new Database(dataSource);
    }

    @AfterAll
    void stopSmtp() {
        smtp.stop();
    }

    private String lead(String company, String postalCode, String email) {
        return (String) ((Map<?, ?>) CompletedChecks.of(questionnaires.current()).named(company).at(postalCode)
            .contact("Fritz Forward", email).sharedWithAgency().submit(new Http(server, json)).document().get("lead"))
            .get("id");
    }

    private String version(String id) {
        return String.valueOf(((Number) db.value("SELECT lock_version FROM agency_lead WHERE id = ?", id)).intValue());
    }

    private Object column(String column, String id) {
        return db.value("SELECT " + column + " FROM agency_lead WHERE id = ?", id);
    }

    @Test
    void aForwardedLeadArrivesAsNewWithItsHistoryAndTheSenderLosesIt() throws Exception {
        String id = lead("Weiterleitung Walzwerk GmbH", "44135", "walz@forward.example.org");
        Http dortmund = users.get("do-staff");
        Http en = users.get("en-staff");
        assertThat(dortmund.get("/agentur/leads/" + id).body()).contains("An eine andere Wirtschaftsförderung weiterleiten",
            "name=\"reason\"").doesNotContain("error-summary");
        assertThat(dortmund.postForm("/agentur/leads/" + id + "/status",
            Map.of("stage", "CONTACTED", "note", "angerufen", "version", version(id))).statusCode()).isEqualTo(303);
        db.execute("INSERT INTO webhook_endpoint (agency_id, url, secret, enabled, updated_at) VALUES "
            + "('wf-dortmund', 'https://crm.dortmund.example.org/hook', 'whsec_dGVzdHRlc3R0ZXN0dGVzdA==', FALSE, CURRENT_TIMESTAMP)");
        db.execute("INSERT INTO webhook_endpoint (agency_id, url, secret, enabled, updated_at) VALUES "
            + "('en-agentur', 'https://crm.en.example.org/hook', 'whsec_dGVzdHRlc3R0ZXN0dGVzdA==', FALSE, CURRENT_TIMESTAMP)");
        smtp.purge();

        HttpResponse<String> forwarded = dortmund.postForm("/agentur/leads/" + id + "/weiterleiten",
            Map.of("agency", "en-agentur", "reason", "Betrieb liegt in Witten", "version", version(id)));
        assertThat(forwarded.statusCode()).isEqualTo(303);
        assertThat(forwarded.headers().firstValue("Location").orElseThrow()).startsWith("/agentur/leads/weitergeleitet");
        assertThat(dortmund.get(forwarded.headers().firstValue("Location").orElseThrow()).body())
            .contains("EN-Agentur", "weitergeleitet");

        assertThat(column("agency_id", id)).isEqualTo("en-agentur");
        assertThat(column("stage", id)).isEqualTo("NEW");
        assertThat(column("first_contact_at", id)).isNull();
        assertThat(column("open_key", id)).isEqualTo("en-agentur|walz@forward.example.org");
        assertThat(dortmund.get("/agentur/leads/" + id).statusCode()).as("the sender no longer sees it").isEqualTo(404);
        assertThat(dortmund.get("/agentur/leads").body()).doesNotContain("Weiterleitung Walzwerk GmbH");
        // the forward's form sent again (a reload, a second tab), or another change from the lead's page read before:
        // the lead exists, it has left — 409 saying where it went and when, nothing changed (it was "page not found")
        Object trail = db.value("SELECT COUNT(*) FROM lead_audit WHERE lead_id = ?", id);
        Object versionThere = column("lock_version", id);
        HttpResponse<String> again = dortmund.postForm("/agentur/leads/" + id + "/weiterleiten",
            Map.of("agency", "en-agentur", "reason", "Betrieb liegt in Witten", "version", version(id)));
        assertThat(again.statusCode()).isEqualTo(409);
        assertThat(again.body()).contains("<title>Anfrage schon weitergeleitet – ", "id=\"forwarded-already\"",
            "Diese Anfrage wurde an Wirtschaftsförderungsagentur Ennepe-Ruhr „EN-Agentur“ weitergeleitet (am ",
            "Ihre Eingabe wurde nicht gespeichert").doesNotContain("Seite nicht gefunden", "Weiterleitung Walzwerk");
        HttpResponse<String> stage = dortmund.postForm("/agentur/leads/" + id + "/status?lang=en",
            Map.of("stage", "CONTACTED", "note", "zu spät", "version", "1"));
        assertThat(stage.statusCode()).isEqualTo(409);
        assertThat(stage.body()).contains("This lead was forwarded to", "what you entered was not saved");
        dortmund.get("/agentur/leads?lang=de");
        HttpResponse<String> assign = dortmund.postForm("/agentur/leads/" + id + "/zuweisen",
            Map.of("assignee", "", "note", "zu spät", "version", "1"));
        assertThat(assign.statusCode()).isEqualTo(409);
        assertThat(assign.body()).contains("Anfrage schon weitergeleitet");
        assertThat(column("agency_id", id)).isEqualTo("en-agentur");
        assertThat(column("lock_version", id)).as("nothing changed").isEqualTo(versionThere);
        assertThat(db.value("SELECT COUNT(*) FROM lead_audit WHERE lead_id = ?", id)).isEqualTo(trail);

        String received = en.get("/agentur/leads/" + id).body();
        assertThat(received).contains("Weiterleitung Walzwerk GmbH", "Weitergeleitet", "Betrieb liegt in Witten",
            "Wirtschaftsförderung Dortmund", "angerufen", "Doris Dortmund");
        assertThat(en.get("/agentur/leads?status=NEW").body()).contains("Weiterleitung Walzwerk GmbH");

        dispatcher.awaitWakeUps(); // the deliveries the forward queued in its transaction, sent after its commit

        assertThat(db.value("SELECT COUNT(*) FROM webhook_delivery WHERE agency_id = 'wf-dortmund' AND lead_id = ? "
            + "AND event_type = 'lead.updated' AND payload LIKE '%forwarded%'", id)).isEqualTo(1L);
        assertThat(db.value("SELECT payload FROM webhook_delivery WHERE agency_id = 'wf-dortmund' AND lead_id = ? "
            + "AND payload LIKE '%forwarded%'", id).toString()).doesNotContain("walz@forward.example.org");
        assertThat(db.value("SELECT COUNT(*) FROM webhook_delivery WHERE agency_id = 'en-agentur' AND lead_id = ? "
            + "AND event_type = 'lead.created' AND payload LIKE '%walz@forward.example.org%'", id))
            .as("the receiver's webhook gets the lead as created").isEqualTo(1L);
        String enAddress = (String) db.value("SELECT COALESCE(lead_email, email) FROM agency WHERE id = 'en-agentur'");
        String mail = awaitMail(enAddress, id);
        assertThat(mail).as("the receiving agency's mail says who forwarded it and why")
            .contains("Wirtschaftsförderung Dortmund hat eine Anfrage an Wirtschaftsförderungsagentur Ennepe-Ruhr "
                + "„EN-Agentur“ weitergeleitet", "Grund der Weiterleitung:\nBetrieb liegt in Witten",
                "Weiterleitung Walzwerk GmbH")
            .doesNotContain("hat sein Ergebnis im Digitalcheck mit");
    }

    /**
     * The sender's confirmation named whatever agency its address said ({@code ?an=wf-dortmund}), also when nothing was
     * forwarded: a link could make the portal say that a lead went where it never did. It names the agency now only for
     * a lead that the signed-in staff's agency forwarded, from the forward's record; any other address is not found.
     */
    @Test
    void theForwardsConfirmationNamesTheAgencyOnlyForALeadTheAgencyForwarded() {
        String id = lead("Bestätigung Blechbau GmbH", "44141", "blech@forward.example.org");
        String kept = lead("Nicht Weitergeleitet KG", "44143", "nicht@forward.example.org");
        Http dortmund = users.get("do-staff");
        HttpResponse<String> forwarded = dortmund.postForm("/agentur/leads/" + id + "/weiterleiten",
            Map.of("agency", "en-agentur", "reason", "Standort Witten", "version", version(id)));
        String location = forwarded.headers().firstValue("Location").orElseThrow();
        assertThat(location).isEqualTo("/agentur/leads/weitergeleitet?anfrage=" + id);
        assertThat(dortmund.get(location).body()).contains("Die Anfrage wurde an Wirtschaftsförderungsagentur "
            + "Ennepe-Ruhr „EN-Agentur“ weitergeleitet.");
        // the address names no agency: the record does
        assertThat(dortmund.get(location + "&an=weg-bochum").body()).contains("„EN-Agentur“ weitergeleitet.")
            .doesNotContain("Bochum weitergeleitet");
        for (String forged : new String[] {"?an=wf-dortmund", "?an=weg-bochum&anfrage=" + kept, "?anfrage=" + kept,
            "?anfrage=unbekannt", "", "?anfrage=" + id + "&anfrage=" + kept}) {
            HttpResponse<String> page = dortmund.get("/agentur/leads/weitergeleitet" + forged);
            assertThat(page.statusCode()).as(forged).isEqualTo(404);
            assertThat(page.body()).as(forged).doesNotContain("Die Anfrage wurde an");
        }
        assertThat(users.get("en-staff").get(location).statusCode()).as("the receiver did not forward it")
            .isEqualTo(404);
    }


    @Test
    void aForwardWithoutReasonOrAgencyOrFromAStaleFormStoresNothing() {
        String id = lead("Fehlerfall Feinmechanik", "44137", "fein@forward.example.org");
        Http dortmund = users.get("do-staff");
        HttpResponse<String> empty = dortmund.postForm("/agentur/leads/" + id + "/weiterleiten",
            Map.of("agency", "", "reason", "  ", "version", version(id)));
        assertThat(empty.statusCode()).isEqualTo(422);
        assertThat(empty.body()).contains("error-summary", "Die Anfrage wurde nicht weitergeleitet",
            "Bitte wählen Sie die Wirtschaftsförderung", "Bitte geben Sie den Grund", "href=\"#forward-reason\"");
        HttpResponse<String> unknown = dortmund.postForm("/agentur/leads/" + id + "/weiterleiten",
            Map.of("agency", "nirgendwo", "reason", "Mein Grund bleibt", "version", version(id)));
        assertThat(unknown.statusCode()).isEqualTo(422);
        assertThat(unknown.body()).contains("Diese Wirtschaftsförderung gibt es nicht", ">Mein Grund bleibt</textarea>");
        HttpResponse<String> same = dortmund.postForm("/agentur/leads/" + id + "/weiterleiten",
            Map.of("agency", "wf-dortmund", "reason", "x", "version", version(id)));
        assertThat(same.statusCode()).isEqualTo(422);
        HttpResponse<String> stale = dortmund.postForm("/agentur/leads/" + id + "/weiterleiten",
            Map.of("agency", "en-agentur", "reason", "veraltet", "version", "99"));
        assertThat(stale.statusCode()).isEqualTo(409);
        assertThat(stale.body()).contains("Jemand anderes hat diese Anfrage inzwischen geändert", ">veraltet</textarea>");
        assertThat(dortmund.postForm("/agentur/leads/" + id + "/weiterleiten",
            Map.of("agency", "en-agentur", "reason", "x", "version", "kaputt")).statusCode()).isEqualTo(400);
        assertThat(users.get("en-staff").postForm("/agentur/leads/" + id + "/weiterleiten",
            Map.of("agency", "en-agentur", "reason", "meins", "version", version(id))).statusCode())
            .as("another agency's lead").isEqualTo(404);
        assertThat(column("agency_id", id)).isEqualTo("wf-dortmund");
        assertThat(db.value("SELECT COUNT(*) FROM lead_audit WHERE lead_id = ?", id)).isEqualTo(0L);
    }

    @Test
    void aReceiverWithAnOpenLeadOfTheSameContactIsRefusedWithAClearMessage() {
        String email = "doppelt@forward.example.org";
        String atEn = lead("Doppel Drahtzug", "58452", email);
        String atDortmund = lead("Doppel Drahtzug", "44139", email);
        HttpResponse<String> refused = users.get("do-staff").postForm("/agentur/leads/" + atDortmund + "/weiterleiten",
            Map.of("agency", "en-agentur", "reason", "gehört nach Witten", "version", version(atDortmund)));
        assertThat(refused.statusCode()).isEqualTo(422);
        assertThat(refused.body()).contains("hat bereits eine offene Anfrage dieses Unternehmens");
        assertThat(column("agency_id", atDortmund)).isEqualTo("wf-dortmund");
        assertThat(column("agency_id", atEn)).isEqualTo("en-agentur");
    }

    @Test
    void networkAdminsForwardFallbackLeadsAndStaffCannot() throws Exception {
        String id = lead("Berliner Brücke", "10115", "bruecke@forward.example.org");
        Http admin = users.get("admin");
        assertThat(admin.get("/admin/leads/" + id).body()).contains("Berliner Brücke", "Warteschlange",
            "name=\"agency\"", "href=\"/admin/leads\"").doesNotContain("href=\"/agentur/leads\"");
        assertThat(users.get("do-staff").postForm("/admin/leads/" + id + "/weiterleiten",
            Map.of("agency", "wf-dortmund", "reason", "x", "version", version(id))).statusCode()).isEqualTo(403);
        HttpResponse<String> done = admin.postForm("/admin/leads/" + id + "/weiterleiten",
            Map.of("agency", "wf-dortmund", "reason", "Standort in Dortmund laut Telefonat", "version", version(id)));
        assertThat(done.statusCode()).isEqualTo(303);
        assertThat(column("agency_id", id)).isEqualTo("wf-dortmund");
        assertThat(users.get("do-staff").get("/agentur/leads/" + id).body()).contains("Standort in Dortmund laut Telefonat",
            "Nora Netzwerk");
        assertThat(admin.get("/admin/leads").body()).doesNotContain("Berliner Brücke");
        String dortmundAddress = (String) db.value(
            "SELECT COALESCE(lead_email, email) FROM agency WHERE id = 'wf-dortmund'");
        assertThat(awaitMail(dortmundAddress, id)).contains("Das Team des Netzwerks InDieRegionRuhr4.0 hat eine "
            + "Anfrage an Wirtschaftsförderung Dortmund weitergeleitet", "Standort in Dortmund laut Telefonat");
    }

    /**
     * A lead forwarded from Dortmund to EN, then withdrawn by the company: Dortmund had its data first, so it is told
     * too (the company is told that whoever received its data was): a mail without a link (the lead is no longer
     * Dortmund's to open) and a {@code lead.withdrawn} webhook with ids only; only EN was told before. An erased lead
     * forwarded so tells the agency it left as well ({@code lead.erased}).
     */
    @Test
    void aWithdrawalOrErasureReachesTheAgenciesTheLeadWasForwardedFrom() throws Exception {
        for (String agency : java.util.List.of("wf-dortmund", "en-agentur")) {
            if (((Number) db.value("SELECT COUNT(*) FROM webhook_endpoint WHERE agency_id = ?", agency)).intValue() == 0) {
                db.execute("INSERT INTO webhook_endpoint (agency_id, url, secret, enabled, updated_at) VALUES (?, "
                    + "'https://crm.example.org/hook', 'whsec_dGVzdHRlc3R0ZXN0dGVzdA==', FALSE, CURRENT_TIMESTAMP)", agency);
            }
        }
        String email = "widerruf@forward.example.org";
        String id = lead("Widerruf Walzwerk GmbH", "44135", email);
        Http dortmund = users.get("do-staff");
        assertThat(dortmund.postForm("/agentur/leads/" + id + "/weiterleiten", Map.of("agency", "en-agentur",
            "reason", "Betrieb liegt in Witten", "version", version(id))).statusCode()).isEqualTo(303);
        dispatcher.awaitWakeUps();
        smtp.purge();

        agencyLeads.withdraw(email, id);
        dispatcher.awaitWakeUps();
        String dortmundAddress = (String) db.value("SELECT COALESCE(lead_email, email) FROM agency WHERE id = 'wf-dortmund'");
        String enAddress = (String) db.value("SELECT COALESCE(lead_email, email) FROM agency WHERE id = 'en-agentur'");
        // the withdrawal's mails (the lead's first mails may still arrive after the purge on a busy machine)
        String told = awaitMail(dortmundAddress, "Widerruf Walzwerk GmbH", "keinen Kontakt mehr");
        assertThat(told).contains("ein Unternehmen hat seine Einwilligung widerrufen. Seine Anfrage hatte "
            + "Wirtschaftsförderung Dortmund erreicht und wurde weitergeleitet; sie liegt jetzt bei "
            + "Wirtschaftsförderungsagentur Ennepe-Ruhr „EN-Agentur“.", "löschen Sie übernommene Daten", "Ort: 44135 Dortmund")
            .doesNotContain("/agentur/leads/", email);
        assertThat(awaitMail(enAddress, "Widerruf Walzwerk GmbH", "keinen Kontakt mehr"))
            .contains("/agentur/leads/" + id);
        String withdrawn = (String) db.value("SELECT payload FROM webhook_delivery WHERE agency_id = 'wf-dortmund' AND "
            + "lead_id = ? AND event_type = 'lead.withdrawn'", id);
        assertThat(withdrawn).contains("\"agencyId\":\"wf-dortmund\"", "\"status\":\"withdrawn\"",
            "\"forwardedTo\":\"en-agentur\"").doesNotContain(email, "url", "Walzwerk");
        assertThat(db.value("SELECT COUNT(*) FROM webhook_delivery WHERE agency_id = 'en-agentur' AND lead_id = ? AND "
            + "event_type = 'lead.withdrawn'", id)).isEqualTo(1L);

        String erasedEmail = "loeschen@forward.example.org";
        String erased = lead("Löschung Walzwerk GmbH", "44135", erasedEmail);
        assertThat(dortmund.postForm("/agentur/leads/" + erased + "/weiterleiten", Map.of("agency", "en-agentur",
            "reason", "Betrieb liegt in Witten", "version", version(erased))).statusCode()).isEqualTo(303);
        personalData.erase(erasedEmail);
        assertThat(db.value("SELECT payload FROM webhook_delivery WHERE agency_id = 'wf-dortmund' AND lead_id = ? AND "
            + "event_type = 'lead.erased'", erased).toString()).contains("\"status\":\"erased\"",
            "\"forwardedTo\":\"en-agentur\"").doesNotContain(erasedEmail);
        assertThat(db.value("SELECT COUNT(*) FROM webhook_delivery WHERE agency_id = 'en-agentur' AND lead_id = ? AND "
            + "event_type = 'lead.erased'", erased)).isEqualTo(1L);
        // a lead never forwarded tells its agency only
        String plain = lead("Ohne Weiterleitung GmbH", "44135", "ohne@forward.example.org");
        agencyLeads.withdraw("ohne@forward.example.org", plain);
        assertThat(db.value("SELECT COUNT(*) FROM webhook_delivery WHERE lead_id = ? AND event_type = 'lead.withdrawn'",
            plain)).isEqualTo(1L);
    }

    /** The text of the first mail to {@code recipient} that contains {@code text}, waiting for it. */
    private String awaitMail(String recipient, String... texts) throws Exception {
        long until = System.currentTimeMillis() + 10_000;
        while (System.currentTimeMillis() < until) {
            for (MimeMessage m : smtp.received()) {
                String body = Mails.text(m);
                if (m.getAllRecipients()[0].toString().equals(recipient)
                    && java.util.Arrays.stream(texts).allMatch(body::contains)) {
                    return Mails.text(m).replace("\r\n", "\n");
                }
            }
            Thread.sleep(50);
        }
        throw new AssertionError("no mail to " + recipient + " with " + String.join(", ", texts));
    }
}
