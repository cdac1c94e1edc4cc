package de.digitalcheck.portal.leads;

import de.digitalcheck.portal.leads.internal.LeadRow;
import de.digitalcheck.portal.leads.internal.LeadRows;
import de.digitalcheck.portal.leads.internal.WebhookDispatcher;
import de.digitalcheck.portal.leads.internal.Webhooks;
import de.digitalcheck.portal.readiness.AgencyLeads;
import de.digitalcheck.portal.readiness.Questionnaires;
import de.digitalcheck.portal.shared.privacy.PersonalDataRequests;
import de.digitalcheck.portal.support.CompletedChecks;
import de.digitalcheck.portal.support.Database;
import de.digitalcheck.portal.support.Http;
import de.digitalcheck.portal.support.Mails;
import de.digitalcheck.portal.support.SmtpServer;
import de.digitalcheck.portal.support.WebhookReceiver;
import io.micronaut.json.JsonMapper;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Leads (issue 12): a consent makes a lead at the agency of the longest AGS prefix (or the fallback queue) in the
 * transaction of the check, with the agency's mail and a signed webhook; consenting again updates the open lead;
 * withdrawal stops what was not delivered and tells the agency; erasure anonymises the lead there too. Bad input
 * stores nothing. Run against H2 and against MySQL/MariaDB by the subclasses.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class LeadsContract implements TestPropertyProvider {

    static final String DORTMUND = "44135";
    static final String BERLIN = "10115";

    final SmtpServer smtp = new SmtpServer();
    WebhookReceiver receiver;

    @Inject
    EmbeddedServer server;
    @Inject
    JsonMapper json;
    @Inject
    javax.sql.DataSource dataSource;
    @Inject
    Questionnaires questionnaires;
    @Inject
    Webhooks webhooks;
    @Inject
    WebhookDispatcher dispatcher;
    @Inject
    AgencyLeads leads;
    @Inject
    PersonalDataRequests personalData;
    @Inject
    LeadRows leadRows;
    @Inject
    de.digitalcheck.portal.leads.internal.LeadEvents relay;
    @Inject
    de.digitalcheck.portal.leads.internal.LeadWork work;
    @Inject
    de.digitalcheck.portal.leads.internal.LeadForwarding forwarding;
    @Inject
    de.digitalcheck.portal.leads.internal.LeadFeed feed;
    @Inject
    de.digitalcheck.portal.leads.internal.LeadInbox inbox;
    @Inject
    de.digitalcheck.portal.leads.internal.LeadChanges changes;

    Http http;
    Database db;
    String secret;

    @Override
    public Map<String, String> getProperties() {
        return smtp.portalProperties();
    }

    @AfterAll
    void stop() {
        smtp.stop();
        if (receiver != null) {
            receiver.close();
        }
    }

    @BeforeEach
    void setUp() throws Exception {
        http = new Http(server, json);
        db = new Database(dataSource);
        if (receiver == null) {
            receiver = new WebhookReceiver();
            secret = webhooks.setUrl("wf-dortmund", receiver.url()).orElseThrow();
            receiver.trust(secret);
        }
        receiver.answer(n -> WebhookReceiver.Answer.ok());
        dispatcher.awaitWakeUps(); // the earlier tests' events relayed: counts of rows stay put unless this test moves them
    }

    CompletedChecks check(String email) {
        return CompletedChecks.of(questionnaires.current()).named("Muster Metallbau GmbH").at(DORTMUND)
            .contact("Mia Muster", email);
    }

    static void await(String what, BooleanSupplier condition) throws InterruptedException {
        long until = System.currentTimeMillis() + 10_000;
        while (!condition.getAsBoolean()) {
            assertThat(System.currentTimeMillis()).as("waiting for: " + what).isLessThan(until);
            Thread.sleep(50);
        }
    }

    List<WebhookReceiver.Received> events(String leadId) {
        return receiver.received().stream().filter(r -> r.body().contains(leadId)).toList();
    }

    Map<String, Object> row(String sql, Object... params) {
        return db.rows(sql, params).get(0);
    }

    @Test
    void aConsentInTheApiMakesALeadAtTheAgencyWithItsMailAndASignedWebhook() throws Exception {
        CompletedChecks.Completed check = check("mia@metallbau.example.org").sharedWithAgency().submit(http);
        @SuppressWarnings("unchecked")
        Map<String, Object> lead = (Map<String, Object>) check.document().get("lead");
        assertThat(lead).as("the answer carries lead.id").containsKey("id");
        String leadId = (String) lead.get("id");
        assertThat(lead.get("agencyName")).isEqualTo("Wirtschaftsförderung Dortmund");
        assertThat(lead.get("fallback")).isEqualTo(false);

        Map<String, Object> stored = row("SELECT * FROM agency_lead WHERE id = ?", leadId);
        assertThat(stored.get("agency_id")).isEqualTo("wf-dortmund");
        assertThat(stored.get("status")).isEqualTo("OPEN");
        assertThat(stored.get("contact_email")).isEqualTo("mia@metallbau.example.org");
        assertThat(stored.get("assessment_id")).isEqualTo(check.id());
        Map<String, Object> consent = row("SELECT * FROM lead_consent WHERE lead_id = ?", leadId);
        assertThat(consent.get("text_version")).isEqualTo(AgencyLeads.CONSENT_VERSION);
        assertThat(consent.get("language")).isEqualTo("de");
        assertThat(consent.get("given_at")).isNotNull();

        MimeMessage mail = awaitMailTo("kontakt@dortmund.example.org", leadId);
        String text = Mails.text(mail);
        assertThat(mail.getSubject()).isEqualTo("Neue Anfrage im Digitalcheck");
        assertThat(text).contains("Muster Metallbau GmbH", "http://localhost/agentur/leads/" + leadId,
                "Erstkontakt bis: ")
            .as("no private check link, no contact data").doesNotContain(check.token(), "mia@metallbau.example.org");

        await("lead.created at the receiver", () -> !events(leadId).isEmpty());
        WebhookReceiver.Received created = events(leadId).get(0);
        assertThat(created.signatureValid()).as("signature verifies").isTrue();
        assertThat(created.id()).startsWith("msg_");
        Map<String, Object> body = json.readValue(created.body(), Map.class);
        assertThat(body.get("type")).isEqualTo("lead.created");
        assertThat(body.get("data").toString()).contains("mia@metallbau.example.org", "Muster Metallbau GmbH");
        assertThat((Map<String, Object>) body.get("data")).as("the stage and who works it, as the agency API")
            .containsEntry("stage", "NEW").containsEntry("assignee", null);
        await("the log says delivered", () -> "DELIVERED".equals(db.value(
            "SELECT state FROM webhook_delivery WHERE id = ?", created.id())));

        HttpResponse<String> read = http.get("/api/v1/assessments/" + check.id() + "?token=" + check.token());
        assertThat(http.map(read).get("lead").toString()).contains(leadId);
    }

    /** The first mail to {@code to} whose text contains all of {@code containing}, waiting for it. */
    MimeMessage awaitMailTo(String to, String... containing) throws Exception {
        long until = System.currentTimeMillis() + 10_000;
        while (System.currentTimeMillis() < until) {
            for (MimeMessage m : smtp.received()) {
                String text = Mails.text(m);
                if (Arrays.stream(m.getAllRecipients()).anyMatch(a -> a.toString().equals(to))
                    && Arrays.stream(containing).allMatch(text::contains)) {
                    return m;
                }
            }
            Thread.sleep(50);
        }
        throw new AssertionError("no mail to " + to);
    }

    @Test
    void aConsentWithoutContactIsRefusedAndStoresNothing() {
        long checks = db.count("assessment");
        long leadsBefore = db.count("agency_lead");
        long consents = db.count("lead_consent");
        long deliveries = db.count("webhook_delivery");
        Map<String, Object> body = new HashMap<>(CompletedChecks.of(questionnaires.current()).at(DORTMUND)
            .sharedWithAgency().body());
        HttpResponse<String> refused = http.postJson("/api/v1/assessments", http.write(body));
        assertThat(refused.statusCode()).isEqualTo(422);
        assertThat(refused.headers().firstValue("content-type").orElse("")).contains("application/problem+json");
        assertThat(refused.body()).contains("contact.email", "contact.name", "brauchen wir Ihren Namen.",
            "brauchen wir Ihre E-Mail-Adresse.");
        body.put("consent", Map.of("shareWithAgency", "yes"));
        HttpResponse<String> wrongType = http.postJson("/api/v1/assessments", http.write(body));
        assertThat(wrongType.statusCode()).isEqualTo(422);
        assertThat(wrongType.body()).contains("consent.shareWithAgency");
        assertThat(db.count("assessment")).as("no check").isEqualTo(checks);
        assertThat(db.count("agency_lead")).isEqualTo(leadsBefore);
        assertThat(db.count("lead_consent")).isEqualTo(consents);
        assertThat(db.count("webhook_delivery")).isEqualTo(deliveries);
    }

    @Test
    void withoutConsentNoLeadAndNothingLeavesThePortal() {
        long leadsBefore = db.count("agency_lead");
        long deliveries = db.count("webhook_delivery");
        CompletedChecks.Completed check = check("nolead@metallbau.example.org").submit(http);
        assertThat(check.document()).doesNotContainKey("lead");
        assertThat(db.count("agency_lead")).isEqualTo(leadsBefore);
        assertThat(db.count("webhook_delivery")).isEqualTo(deliveries);
    }

    @Test
    void aLocationNoTerritoryCoversGoesToTheFallbackQueue() throws Exception {
        CompletedChecks.Completed check = CompletedChecks.of(questionnaires.current()).named("Spree Software GmbH")
            .at(BERLIN).sized("J", 12).contact("Bea Berlin", "bea@spree.example.org").sharedWithAgency().submit(http);
        @SuppressWarnings("unchecked")
        Map<String, Object> lead = (Map<String, Object>) check.document().get("lead");
        assertThat(lead.get("fallback")).isEqualTo(true);
        assertThat(lead.get("agencyName")).isEqualTo("InDieRegionRuhr4.0");
        Map<String, Object> stored = row("SELECT * FROM agency_lead WHERE id = ?", lead.get("id"));
        assertThat(stored.get("agency_id")).as("the fallback queue").isNull();
        assertThat(db.value("SELECT COUNT(*) FROM webhook_delivery WHERE lead_id = ?", lead.get("id")).toString())
            .as("no agency, no webhook").isEqualTo("0");
        // the network admins, who work the fallback queue, are told (nothing falls through the cracks)
        MimeMessage mail = awaitMailTo("admin@digitalcheck.example.org", (String) lead.get("id"));
        assertThat(mail.getSubject()).isEqualTo("Neue Anfrage in der Auffangwarteschlange");
        assertThat(Mails.text(mail)).contains("Spree Software GmbH", "10115", "InDieRegionRuhr4.0",
                "http://localhost/admin/leads/" + lead.get("id"))
            .as("no private check link, no contact data").doesNotContain(check.token(), "bea@spree.example.org", "Bea");
    }

    /** Each network admin is told of a lead in the fallback queue in the language they were invited in. */
    @Test
    void theFallbackQueuesMailIsInEachAdminsLanguage() throws Exception {
        String english = "en-admin-" + java.util.UUID.randomUUID() + "@digitalcheck.example.org";
        String adminId = java.util.UUID.randomUUID().toString();
        db.execute("INSERT INTO account (id, email, name, role, invited_at, language) VALUES (?, ?, ?, ?, ?, ?)", adminId,
            english, "Erin English", "NETWORK_ADMIN", java.sql.Timestamp.from(java.time.Instant.now()), "en");
        try {
            CompletedChecks.Completed check = CompletedChecks.of(questionnaires.current()).named("Havel Hardware GmbH")
                .at(BERLIN).sized("J", 12).contact("Hanna Havel", "hanna@havel.example.org").sharedWithAgency()
                .submit(http);
            String leadId = (String) ((Map<?, ?>) check.document().get("lead")).get("id");
            MimeMessage mail = awaitMailTo(english, leadId);
            assertThat(mail.getSubject()).isEqualTo("New lead in the fallback queue");
            assertThat(mail.getContentLanguage()).containsExactly("en");
            assertThat(Mails.text(mail)).contains("Hello,", "Company: Havel Hardware GmbH", "First contact by: ")
                .doesNotContain("Guten Tag", "Erstkontakt");
            MimeMessage german = awaitMailTo("admin@digitalcheck.example.org", leadId);
            assertThat(german.getSubject()).isEqualTo("Neue Anfrage in der Auffangwarteschlange");
            assertThat(german.getContentLanguage()).containsExactly("de");
        } finally {
            db.execute("DELETE FROM account WHERE id = ?", adminId);
        }
    }

    /**
     * A consent given again writes the lead it read a moment before; a stage staff set in between must survive (the
     * consent's write used to be the whole row, read before the staff's change: a lost update).
     */
    @Test
    void aConsentGivenAgainKeepsTheStageStaffSetAfterItWasRead() {
        String email = "kept-" + java.util.UUID.randomUUID() + "@metallbau.example.org";
        String leadId = (String) ((Map<?, ?>) check(email).sharedWithAgency().submit(http).document().get("lead"))
            .get("id");
        LeadRow read = leadRows.findById(leadId).orElseThrow();
        java.time.Instant now = java.time.Instant.now().truncatedTo(java.time.temporal.ChronoUnit.MILLIS);
        assertThat(read.stage()).isEqualTo(LeadRow.NEW);
        assertThat(leadRows.changeStage(leadId, read.lockVersion(), "CONTACTED", now, null, now)).as("staff's change")
            .isEqualTo(1);
        LeadRow again = new LeadRow(read.id(), read.agencyId(), read.openKey(), read.status(), read.source(),
            read.assessmentId(), "Muster Metallbau Neu GmbH", read.postalCode(), read.municipality(), read.ags(),
            read.sector(), read.employees(), read.companyType(), read.contactName(), read.contactEmail(),
            read.contactPhone(), read.score(), read.overallLevel(), read.consentVersion(), read.consentLanguage(), now,
            read.contactDueAt(), null, read.createdAt(), now, read.stage(), read.assigneeId(), read.assigneeName(),
            read.firstContactAt(), read.escalatedAt(), read.closedAt(), read.lockVersion() + 1);
        assertThat(leadRows.reconsent(again)).isTrue();

        Map<String, Object> stored = row("SELECT * FROM agency_lead WHERE id = ?", leadId);
        assertThat(stored.get("stage")).as("the staff's stage kept").isEqualTo("CONTACTED");
        assertThat(stored.get("first_contact_at")).as("and its first contact").isNotNull();
        assertThat(stored.get("company_name")).as("the consent's values written").isEqualTo("Muster Metallbau Neu GmbH");
        assertThat(((Number) stored.get("lock_version")).intValue()).as("both changes counted")
            .isEqualTo(read.lockVersion() + 2);
    }

    @Test
    void consentingAgainUpdatesTheOpenLeadAtThatAgency() throws Exception {
        CompletedChecks.Completed first = check("again@metallbau.example.org").sharedWithAgency().submit(http);
        CompletedChecks.Completed second = check("Again@Metallbau.example.org").level(3).sharedWithAgency().submit(http);
        String leadId = (String) ((Map<?, ?>) first.document().get("lead")).get("id");
        assertThat(((Map<?, ?>) second.document().get("lead")).get("id")).as("the same lead").isEqualTo(leadId);
        assertThat(db.value("SELECT COUNT(*) FROM agency_lead WHERE contact_email = ?", "again@metallbau.example.org")
            .toString()).isEqualTo("1");
        assertThat(db.value("SELECT COUNT(*) FROM lead_consent WHERE lead_id = ?", leadId).toString()).isEqualTo("2");
        assertThat(row("SELECT assessment_id FROM agency_lead WHERE id = ?", leadId).get("assessment_id"))
            .isEqualTo(second.id());
        await("created and updated", () -> events(leadId).size() >= 2);
        assertThat(events(leadId).stream().map(r -> r.body().contains("lead.updated")).toList()).contains(true);
    }

    /**
     * A consent is keyed by the contact's email, which nobody proves to own: a later check in another company's name
     * (or at another place, or with another contact) takes nothing over — the lead keeps its company, location,
     * contact and check, and the trail records what was given, one entry per differing value, as not taken over. The
     * same company at the same place doing the check again brings its newer result. A withdrawal drops those values
     * (the company's data) and keeps that they were given.
     */
    @Test
    void aConsentGivenAgainWithOtherDataTakesNothingOverAndRecordsItInTheTrail() {
        String email = "uebernahme-" + java.util.UUID.randomUUID() + "@metallbau.example.org";
        CompletedChecks.Completed first = check(email).sharedWithAgency().submit(http);
        String leadId = (String) ((Map<?, ?>) first.document().get("lead")).get("id");
        assertThat(db.rows("SELECT * FROM lead_audit WHERE lead_id = ?", leadId)).as("a new lead: no change yet")
            .isEmpty();
        Map<String, Object> before = row("SELECT * FROM agency_lead WHERE id = ?", leadId);

        CompletedChecks.Completed other = CompletedChecks.of(questionnaires.current()).named("Fremde Firma AG")
            .at("44137").contact("Max Fremd", email.toUpperCase(java.util.Locale.ROOT)).sharedWithAgency().submit(http);
        assertThat(((Map<?, ?>) other.document().get("lead")).get("id")).isEqualTo(leadId);
        Map<String, Object> after = row("SELECT * FROM agency_lead WHERE id = ?", leadId);
        for (String column : List.of("company_name", "postal_code", "municipality", "contact_name", "contact_email",
            "contact_phone", "assessment_id", "score", "overall_level")) {
            assertThat(after.get(column)).as(column + " kept").isEqualTo(before.get(column));
        }
        assertThat(after.get("assessment_id")).isEqualTo(first.id());
        assertThat(db.value("SELECT COUNT(*) FROM lead_consent WHERE lead_id = ?", leadId).toString())
            .as("the consent itself is logged").isEqualTo("2");
        Map<String, List<Object>> trail = trail(leadId);
        assertThat(trail).containsOnlyKeys("DATA_OTHER_COMPANY", "DATA_OTHER_LOCATION", "DATA_OTHER_CONTACT",
            "DATA_OTHER_CHECK");
        assertThat(trail.get("DATA_OTHER_COMPANY")).containsExactly("Muster Metallbau GmbH", "Fremde Firma AG", null,
            null);
        assertThat(trail.get("DATA_OTHER_LOCATION")).containsExactly("44135 Dortmund", "44137 Dortmund", null, null);
        assertThat(trail.get("DATA_OTHER_CONTACT")).containsExactly("Mia Muster", "Max Fremd", null, null);
        assertThat(trail.get("DATA_OTHER_CHECK").get(0)).as("the lead's check's completion").asString()
            .matches("\\d{2}\\.\\d{2}\\.\\d{4} \\d{2}:\\d{2}");
        assertThat(trail.get("DATA_OTHER_CHECK").get(1)).asString().matches("\\d{2}\\.\\d{2}\\.\\d{4} \\d{2}:\\d{2}");

        CompletedChecks.Completed again = check(email).level(3).sharedWithAgency().submit(http);
        assertThat(row("SELECT assessment_id FROM agency_lead WHERE id = ?", leadId).get("assessment_id"))
            .as("the same company at the same place: its newer check").isEqualTo(again.id());
        assertThat(db.rows("SELECT action FROM lead_audit WHERE lead_id = ?", leadId))
            .as("only the check changed").hasSize(5)
            .filteredOn(r -> "DATA_CHECK".equals(r.get("action"))).hasSize(1);

        leads.withdraw(email, leadId);
        assertThat(db.rows("SELECT action, from_value, to_value FROM lead_audit WHERE lead_id = ?", leadId))
            .as("that other data was given stays, not what it was").hasSize(5)
            .allSatisfy(r -> assertThat(r.get("from_value")).isNull())
            .allSatisfy(r -> assertThat(r.get("to_value")).isNull());
    }

    /** The lead's trail by action: from, to, actor, note (the first entry of each action). */
    private Map<String, List<Object>> trail(String leadId) {
        Map<String, List<Object>> byAction = new java.util.LinkedHashMap<>();
        for (Map<String, Object> r : db.rows("SELECT * FROM lead_audit WHERE lead_id = ? ORDER BY id", leadId)) {
            byAction.putIfAbsent((String) r.get("action"), java.util.Arrays.asList(r.get("from_value"),
                r.get("to_value"), r.get("actor_id"), r.get("note")));
        }
        return byAction;
    }

    /**
     * The same company consents twice at the very same moment (two checks sent at once, a double click): both are
     * answered 201 with the one open lead, which carries both consents; neither is refused for the other.
     */
    @Test
    void consentsGivenAtTheSameMomentMakeOneLead() throws Exception {
        for (int round = 0; round < 3; round++) {
            String email = "gleichzeitig" + round + "@metallbau.example.org";
            List<String> ids = consentsAtOnce(4, email);
            assertThat(ids).as("one lead for the four consents").containsOnly(ids.get(0));
            assertThat(db.value("SELECT COUNT(*) FROM agency_lead WHERE contact_email = ?", email).toString())
                .isEqualTo("1");
            assertThat(db.value("SELECT COUNT(*) FROM lead_consent WHERE lead_id = ?", ids.get(0)).toString())
                .isEqualTo("4");
            // and again at once, now that the lead exists: each updates it
            List<String> again = consentsAtOnce(4, email);
            assertThat(again).as("the same lead").containsOnly(ids.get(0));
            assertThat(db.value("SELECT COUNT(*) FROM agency_lead WHERE contact_email = ?", email).toString())
                .isEqualTo("1");
            assertThat(db.value("SELECT COUNT(*) FROM lead_consent WHERE lead_id = ?", ids.get(0)).toString())
                .isEqualTo("8");
        }
    }

    /** {@code times} checks of {@code email} with consent sent at once; the lead id each answer names. */
    private List<String> consentsAtOnce(int times, String email) throws Exception {
        return de.digitalcheck.portal.support.AtOnce.times(times, () ->
            (String) ((Map<?, ?>) check(email).sharedWithAgency().submit(http).document().get("lead")).get("id"));
    }

    /**
     * The consent's transaction writes the outbox as one {@code lead_event} row, not yet the mail and webhook row; the
     * relay turns each event into exactly one agency mail and one webhook row whose id is the event's, even with two
     * relays at work on the same events at once.
     */
    @Test
    void aConsentsEventIsRelayedOnceToTheAgencysMailAndWebhookEvenByTwoRelaysAtOnce() throws Exception {
        List<String> leadIds = new java.util.ArrayList<>();
        Map<String, String> eventIds = new HashMap<>();
        try (AutoCloseable held = dispatcher.hold()) { // this replica's own relay waits: only the two below relay
            for (int i = 0; i < 12; i++) {
                String leadId = (String) ((Map<?, ?>) check("relay-" + i + "-" + java.util.UUID.randomUUID()
                    + "@metallbau.example.org").sharedWithAgency().submit(http).document().get("lead")).get("id");
                leadIds.add(leadId);
                Map<String, Object> event = row("SELECT id, agency_id, event_type FROM lead_event WHERE lead_id = ?", leadId);
                assertThat(event.get("agency_id")).isEqualTo("wf-dortmund");
                assertThat(event.get("event_type")).isEqualTo("lead.created");
                eventIds.put(leadId, (String) event.get("id"));
                assertThat(db.value("SELECT COUNT(*) FROM webhook_delivery WHERE lead_id = ?", leadId).toString())
                    .as("no webhook row before the relay").isEqualTo("0");
                assertThat(db.value("SELECT COUNT(*) FROM mail_outbox WHERE body LIKE ?", "%" + leadId + "%").toString())
                    .as("no mail before the relay").isEqualTo("0");
            }
            List<Integer> relayed = de.digitalcheck.portal.support.AtOnce.times(2, relay::relayDue);
            assertThat(relayed.stream().mapToInt(Integer::intValue).sum()).as("all 12 relayed, by one or the other")
                .isGreaterThanOrEqualTo(12);
        }
        for (String leadId : leadIds) {
            assertThat(db.value("SELECT COUNT(*) FROM lead_event WHERE lead_id = ?", leadId).toString()).isEqualTo("0");
            List<Map<String, Object>> rows = db.rows("SELECT id, event_type FROM webhook_delivery WHERE lead_id = ?", leadId);
            assertThat(rows).as("one webhook row per event").hasSize(1);
            assertThat(rows.get(0).get("id")).as("the event's id is the webhook-id").isEqualTo(eventIds.get(leadId));
            assertThat(rows.get(0).get("event_type")).isEqualTo("lead.created");
            awaitMailTo("kontakt@dortmund.example.org", leadId);
        }
        Thread.sleep(500); // a second mail would have arrived by now
        for (String leadId : leadIds) {
            assertThat(Arrays.stream(smtp.received()).filter(m -> Mails.text(m).contains(leadId)).count())
                .as("one mail per event").isEqualTo(1);
        }
    }

    /**
     * An event its replica never relayed (written a minute ago by a replica that stopped right after the commit) is
     * relayed by another replica's sweep, once.
     */
    @Test
    void anEventItsReplicaLeftIsRelayedByTheSweep() throws Exception {
        String email = "orphan-" + java.util.UUID.randomUUID() + "@metallbau.example.org";
        String leadId = (String) ((Map<?, ?>) check(email).sharedWithAgency().submit(http).document().get("lead")).get("id");
        String orphan = "msg_" + java.util.UUID.randomUUID().toString().replace("-", "");
        db.execute("INSERT INTO lead_event (id, lead_id, agency_id, event_type, created_at) VALUES (?, ?, ?, ?, ?)", orphan,
            leadId, "wf-dortmund", "lead.updated", java.sql.Timestamp.from(java.time.Instant.now().minusSeconds(60)));
        await("relayed by the sweep", () -> db.value("SELECT COUNT(*) FROM lead_event WHERE id = ?", orphan).toString()
            .equals("0"));
        assertThat(db.rows("SELECT event_type FROM webhook_delivery WHERE id = ?", orphan))
            .extracting(r -> r.get("event_type")).containsExactly("lead.updated");
        await("delivered", () -> receiver.accepted().stream().anyMatch(r -> orphan.equals(r.id())));
        Thread.sleep(500);
        assertThat(receiver.received().stream().filter(r -> orphan.equals(r.id())).count()).as("once").isEqualTo(1);
    }

    /** An event whose lead was withdrawn before the relay came is dropped: only the withdrawal reaches the agency. */
    @Test
    void anEventOfALeadWithdrawnBeforeItsRelayIsDropped() throws Exception {
        String email = "early-" + java.util.UUID.randomUUID() + "@metallbau.example.org";
        String leadId;
        try (AutoCloseable held = dispatcher.hold()) {
            leadId = (String) ((Map<?, ?>) check(email).sharedWithAgency().submit(http).document().get("lead")).get("id");
            leads.withdraw(email, leadId);
            assertThat(db.value("SELECT COUNT(*) FROM lead_event WHERE lead_id = ?", leadId).toString()).isEqualTo("1");
            relay.relayDue();
        }
        assertThat(db.value("SELECT COUNT(*) FROM lead_event WHERE lead_id = ?", leadId).toString()).isEqualTo("0");
        assertThat(db.rows("SELECT event_type FROM webhook_delivery WHERE lead_id = ?", leadId))
            .extracting(r -> r.get("event_type")).containsExactly("lead.withdrawn");
        awaitMailTo("kontakt@dortmund.example.org", "widerrufen", leadId);
        assertThat(Arrays.stream(smtp.received()).filter(m -> Mails.text(m).contains(leadId))
            .map(m -> { try { return m.getSubject(); } catch (jakarta.mail.MessagingException e) { throw new IllegalStateException(e); } })
            .toList()).as("no mail of the dropped event").containsExactly("Einwilligung widerrufen");
    }

    @Test
    void withdrawalStopsUndeliveredEventsAndTellsTheAgency() throws Exception {
        // 503 with Retry-After: the event waits for its next attempt (the tests' own retry waits would otherwise use
        // up every attempt within three seconds on a slow machine, and the event would have failed, not stopped)
        receiver.answer(n -> new WebhookReceiver.Answer(503, 0, false, "60"));
        CompletedChecks.Completed check = check("withdraw@metallbau.example.org").sharedWithAgency().submit(http);
        String leadId = (String) ((Map<?, ?>) check.document().get("lead")).get("id");
        await("a failed attempt", () -> !events(leadId).isEmpty());
        leads.withdraw("withdraw@metallbau.example.org", leadId);
        // from now on the receiver takes everything: only an attempt already in flight at the withdrawal may still land
        receiver.answer(n -> WebhookReceiver.Answer.ok());
        assertThat(row("SELECT status FROM agency_lead WHERE id = ?", leadId).get("status")).isEqualTo("WITHDRAWN");
        assertThat(db.rows("SELECT state FROM webhook_delivery WHERE lead_id = ? AND event_type = 'lead.created'", leadId)
            .get(0).get("state")).as("the undelivered event stops").isIn("CANCELLED", "DELIVERED");
        await("lead.withdrawn delivered", () -> receiver.accepted().stream()
            .anyMatch(r -> r.body().contains(leadId) && r.body().contains("lead.withdrawn")));
        int createdAttempts = (int) events(leadId).stream().filter(r -> r.body().contains("lead.created")).count();
        Thread.sleep(1_500); // longer than the retry waits of the tests
        assertThat(events(leadId).stream().filter(r -> r.body().contains("lead.created")).count())
            .as("the stopped event is not tried any more").isLessThanOrEqualTo(createdAttempts);
        MimeMessage withdrawn = awaitMailTo("kontakt@dortmund.example.org", "widerrufen", leadId);
        assertThat(withdrawn.getSubject()).isEqualTo("Einwilligung widerrufen");
        assertThat(Mails.text(withdrawn)).contains(leadId).doesNotContain("withdraw@metallbau.example.org");
        assertThat(row("SELECT withdrawn_at FROM lead_consent WHERE lead_id = ?", leadId).get("withdrawn_at")).isNotNull();
    }

    @Test
    void erasureAnonymisesTheLeadAndTellsTheAgency() throws Exception {
        CompletedChecks.Completed check = check("erase@metallbau.example.org").sharedWithAgency().submit(http);
        String leadId = (String) ((Map<?, ?>) check.document().get("lead")).get("id");
        await("lead.created delivered", () -> !receiver.accepted().stream().filter(r -> r.body().contains(leadId)).toList().isEmpty());
        Map<String, Object> export = (Map<String, Object>) personalData.export("erase@metallbau.example.org");
        assertThat(export.get("leads").toString()).contains(leadId, "Mia Muster");
        Map<String, Object> consent = (Map<String, Object>) ((List<?>) ((Map<String, Object>) ((List<?>) export.get("leads"))
            .get(0)).get("consents")).get(0);
        assertThat(consent).containsKey("withdrawnAt").containsEntry("withdrawnAt", null); // not withdrawn: null, not ""
        LeadRow lead = leadRows.findById(leadId).orElseThrow();
        work.changeStage(lead.agencyId(), leadId, lead.lockVersion(), "CONTACTED", "Mia Muster ruft zurück",
            new de.digitalcheck.portal.leads.internal.LeadWork.Actor("staff-1", "Sam Staff"));
        CompletedChecks.of(questionnaires.current()).named("Muster Metallbau Neu GmbH").at(DORTMUND)
            .contact("Mia Muster", "erase@metallbau.example.org").sharedWithAgency().submit(http);
        assertThat(db.rows("SELECT from_value FROM lead_audit WHERE lead_id = ? AND action = 'DATA_OTHER_COMPANY'",
            leadId)).as("the consent given again logged the other name beside the lead's").singleElement()
            .satisfies(r -> assertThat(r.get("from_value")).isEqualTo("Muster Metallbau GmbH"));
        personalData.erase("erase@metallbau.example.org");
        assertThat(db.rows("SELECT note FROM lead_audit WHERE lead_id = ? AND note IS NOT NULL", leadId))
            .as("staff's notes on the lead may name the company's people: dropped").isEmpty();
        assertThat(db.rows("SELECT action FROM lead_audit WHERE lead_id = ? AND (from_value IS NOT NULL OR to_value IS "
            + "NOT NULL) AND action <> 'STAGE'", leadId)).as("the company's earlier data in the trail: dropped").isEmpty();
        assertThat(db.rows("SELECT action FROM lead_audit WHERE lead_id = ?", leadId)).as("who did what stays").hasSize(3);
        Map<String, Object> stored = row("SELECT * FROM agency_lead WHERE id = ?", leadId);
        assertThat(stored.get("status")).isEqualTo("ERASED");
        assertThat(stored.get("contact_email")).isNull();
        assertThat(stored.get("company_name")).isNull();
        assertThat(stored.get("ags")).as("not even the district's key: it located the company").isNull();
        await("lead.erased delivered", () -> receiver.accepted().stream()
            .anyMatch(r -> r.body().contains(leadId) && r.body().contains("lead.erased")));
        assertThat(db.rows("SELECT payload FROM webhook_delivery WHERE lead_id = ?", leadId))
            .as("the log keeps no personal data").allSatisfy(r -> assertThat(r.get("payload").toString())
                .doesNotContain("erase@metallbau.example.org", "Mia Muster", "Muster Metallbau"));
    }

    @Test
    void theResultPageAsksForConsentAndSaysWhoGetsInTouchByWhen() {
        CompletedChecks.Completed check = CompletedChecks.of(questionnaires.current()).at(DORTMUND).submit(http);
        String consentPath = "/check/" + check.token() + "/einwilligung";
        String page = http.get(check.resultPath()).body();
        assertThat(page).contains("Ergebnis an Wirtschaftsförderung Dortmund weitergeben", "id=\"consent-share\"")
            .doesNotContain("error-summary");
        assertThat(page).as("unticked").doesNotContainPattern("id=\"consent-share\"[^>]*checked");
        long leadsBefore = db.count("agency_lead");

        HttpResponse<String> unticked = http.postForm(consentPath, Map.of("consentName", "Pia Page",
            "consentEmail", "pia@page.example.org"));
        assertThat(unticked.statusCode()).isEqualTo(422);
        assertThat(unticked.body()).contains("error-summary", "Bitte setzen Sie das Häkchen", "value=\"pia@page.example.org\"");
        HttpResponse<String> noContact = http.postForm(consentPath, Map.of("consentName", "", "consentEmail", "",
            "shareWithAgency", "on"));
        assertThat(noContact.statusCode()).isEqualTo(422);
        String summary = noContact.body().substring(noContact.body().indexOf("id=\"error-summary\""));
        summary = summary.substring(0, summary.indexOf("</ul>"));
        assertThat(summary).as("each field's problem once, linking to its field")
            .contains("href=\"#consent-name\">Für die Weitergabe brauchen wir Ihren Namen.</a>",
                "href=\"#consent-email\">Für die Weitergabe brauchen wir Ihre E-Mail-Adresse.</a>")
            .doesNotContain("Namen und Ihre E-Mail-Adresse");
        assertThat(noContact.body()).as("the tick is kept").containsPattern("id=\"consent-share\"[^>]*checked");
        HttpResponse<String> badEmail = http.postForm(consentPath, Map.of("consentName", "Pia Page",
            "consentEmail", "pia-at-page", "shareWithAgency", "on"));
        assertThat(badEmail.statusCode()).isEqualTo(422);
        assertThat(badEmail.body()).as("nothing typed is lost").contains("value=\"Pia Page\"", "value=\"pia-at-page\"")
            .containsPattern("id=\"consent-share\"[^>]*checked");
        assertThat(unticked.body()).as("an unticked box stays unticked")
            .doesNotContainPattern("id=\"consent-share\"[^>]*checked");
        // only the ticked box's own value consents: a crafted "false" or "off" is no tick (a lead was made of them)
        for (String notATick : new String[] {"false", "off", "0", "no", "ON "}) {
            HttpResponse<String> forged = http.postForm(consentPath, Map.of("consentName", "Pia Page",
                "consentEmail", "pia@page.example.org", "shareWithAgency", notATick));
            assertThat(forged.statusCode()).as(notATick).isEqualTo(422);
            assertThat(forged.body()).as(notATick).contains("Bitte setzen Sie das Häkchen")
                .doesNotContainPattern("id=\"consent-share\"[^>]*checked");
        }
        assertThat(db.count("agency_lead")).as("nothing stored").isEqualTo(leadsBefore);
        assertThat(db.value("SELECT contact_email FROM assessment WHERE id = ?", check.id())).isNull();

        HttpResponse<String> given = http.postForm(consentPath, Map.of("consentName", "Pia Page",
            "consentEmail", "pia@page.example.org", "shareWithAgency", "on"));
        assertThat(given.statusCode()).isEqualTo(303);
        assertThat(db.count("agency_lead")).isEqualTo(leadsBefore + 1);
        String after = http.get(check.resultPath()).body();
        assertThat(after).contains("Wirtschaftsförderung Dortmund meldet sich bis spätestens")
            .doesNotContain("id=\"consent-share\"");

        // the same consent once more (a second tab still showing the form): it stands, nothing new is logged or sent
        long consents = db.count("lead_consent");
        Object version = db.value("SELECT lock_version FROM agency_lead WHERE assessment_id = ?", check.id());
        HttpResponse<String> again = http.postForm(consentPath, Map.of("consentName", "Pia Page",
            "consentEmail", "PIA@page.example.org", "shareWithAgency", "on"));
        assertThat(again.statusCode()).isEqualTo(303);
        assertThat(again.headers().firstValue("Location").orElseThrow()).endsWith("/result?consent=given#consent-shared");
        assertThat(db.count("lead_consent")).as("no second consent").isEqualTo(consents);
        assertThat(db.value("SELECT lock_version FROM agency_lead WHERE assessment_id = ?", check.id()))
            .as("the lead not updated for nothing (no lead.updated)").isEqualTo(version);
        assertThat(db.count("agency_lead")).isEqualTo(leadsBefore + 1);
    }

    /**
     * A company that shared its result and then moved its location to another agency's territory: its lead stays at
     * the first agency (the consent named it), and every page says so — the result page names who holds the data and
     * offers the consent for the agency responsible now, which makes a lead there and keeps the first; the profile page
     * says a change does not reach them. Not before the move, not twice, and never a second lead without a consent.
     */
    @Test
    void aLeadStaysAtItsAgencyWhenTheLocationMovesAndThePageOffersTheConsentForTheAgencyResponsibleNow() {
        String email = "mo@umzug.example.org";
        CompletedChecks.Completed check = CompletedChecks.of(questionnaires.current()).named("Umzug Metall GmbH")
            .at(DORTMUND).contact("Mo Umzug", email).sharedWithAgency().submit(http);
        String first = (String) ((Map<?, ?>) check.document().get("lead")).get("id");
        String before = http.get(check.resultPath()).body();
        assertThat(before).contains("Wirtschaftsförderung Dortmund meldet sich bis spätestens")
            .doesNotContain("id=\"consent-share\"", "id=\"consent-moved\"");
        assertThat(http.get("/check/" + check.token() + "/profile").body())
            .contains("id=\"profile-shared\"", "an Wirtschaftsförderung Dortmund weitergegeben");

        // the company moves to Bochum (the profile page, the only place its location can change)
        Map<String, String> profile = new HashMap<>(Map.of("name", "Umzug Metall GmbH", "postalCode", "44787",
            "ags", "", "sector", "C", "employees", "42", "companyType", "OWN_PRODUCTS", "contactName", "Mo Umzug",
            "contactEmail", email));
        assertThat(http.postForm("/check/" + check.token() + "/profile", profile).statusCode()).isEqualTo(303);
        long leads = db.count("agency_lead");
        long consents = db.count("lead_consent");
        assertThat(row("SELECT agency_id, postal_code FROM agency_lead WHERE id = ?", first))
            .as("the lead stays where the consent sent it, as it was shared")
            .containsEntry("agency_id", "wf-dortmund").containsEntry("postal_code", DORTMUND);

        String moved = http.get(check.resultPath()).body();
        String consent = moved.substring(moved.indexOf("id=\"consent\""), moved.indexOf("id=\"funding\""));
        assertThat(consent).as("who holds the data, and who is responsible now")
            .contains("id=\"consent-moved\"", "Wirtschaftsförderung Dortmund hat Ihr Ergebnis seit dem",
                "Für Ihren jetzigen Standort 44787 Bochum ist WirtschaftsEntwicklungsGesellschaft Bochum zuständig",
                "Ergebnis an WirtschaftsEntwicklungsGesellschaft Bochum weitergeben", "id=\"consent-share\"")
            .as("not as if Bochum had it").doesNotContain("WirtschaftsEntwicklungsGesellschaft Bochum meldet sich");
        assertThat(moved).contains("Für Ihren Standort 44787 Bochum ist zuständig");
        assertThat(db.count("agency_lead")).as("no lead without a consent").isEqualTo(leads);
        // the API says the same: the agency responsible now, and the lead where it is
        Map<String, Object> document = http.map(http.get("/api/v1/assessments/" + check.id() + "?token=" + check.token()));
        assertThat(((Map<?, ?>) document.get("agency")).get("name")).isEqualTo("WirtschaftsEntwicklungsGesellschaft Bochum");
        assertThat(((Map<?, ?>) document.get("lead")).get("agencyName")).isEqualTo("Wirtschaftsförderung Dortmund");

        // the same contact consents for Bochum: not taken for the consent that stands at Dortmund
        HttpResponse<String> given = http.postForm("/check/" + check.token() + "/einwilligung", Map.of(
            "consentName", "Mo Umzug", "consentEmail", email, "shareWithAgency", "on"));
        assertThat(given.statusCode()).isEqualTo(303);
        assertThat(db.count("agency_lead")).isEqualTo(leads + 1);
        assertThat(db.count("lead_consent")).isEqualTo(consents + 1);
        assertThat(row("SELECT agency_id, status FROM agency_lead WHERE assessment_id = ? AND id <> ?", check.id(), first))
            .containsEntry("agency_id", "weg-bochum").containsEntry("status", "OPEN");
        assertThat(row("SELECT status FROM agency_lead WHERE id = ?", first)).containsEntry("status", "OPEN");
        Map<String, Object> shared = http.map(http.get("/api/v1/assessments/" + check.id() + "?token=" + check.token()));
        assertThat(((Map<?, ?>) shared.get("lead")).get("agencyName")).isEqualTo("WirtschaftsEntwicklungsGesellschaft Bochum");
        String both = http.get(check.resultPath()).body();
        assertThat(both.substring(both.indexOf("id=\"consent\""), both.indexOf("id=\"funding\"")))
            .contains("WirtschaftsEntwicklungsGesellschaft Bochum meldet sich bis spätestens",
                "Wirtschaftsförderung Dortmund hat Ihr Ergebnis seit dem", "„Mein Unternehmen“ widerrufen")
            .doesNotContain("id=\"consent-share\"", "id=\"consent-moved\"");
        assertThat(http.get("/check/" + check.token() + "/profile").body())
            .contains("an WirtschaftsEntwicklungsGesellschaft Bochum und Wirtschaftsförderung Dortmund weitergegeben");
        // once more (a second tab): it stands now, nothing new
        http.postForm("/check/" + check.token() + "/einwilligung", Map.of(
            "consentName", "Mo Umzug", "consentEmail", email, "shareWithAgency", "on"));
        assertThat(db.count("lead_consent")).isEqualTo(consents + 1);

        // and into no territory at all: the network's team, said so
        profile.put("postalCode", BERLIN);
        assertThat(http.postForm("/check/" + check.token() + "/profile", profile).statusCode()).isEqualTo(303);
        String away = http.get(check.resultPath()).body();
        assertThat(away.substring(away.indexOf("id=\"consent\""), away.indexOf("id=\"funding\"")))
            .contains("Für Ihren jetzigen Standort 10115 Berlin ist keine Wirtschaftsförderung des Netzwerks zuständig",
                "Das Team von InDieRegionRuhr4.0 erhält Ihr Ergebnis nur", "id=\"consent-share\"",
                "WirtschaftsEntwicklungsGesellschaft Bochum hat Ihr Ergebnis seit dem",
                "Wirtschaftsförderung Dortmund hat Ihr Ergebnis seit dem");
    }

    /** A lead that staff forwarded to another agency is named where it is; the location did not move: no new consent. */
    @Test
    void aForwardedLeadIsNamedWhereItIsAndNoConsentIsOfferedForTheAgencyThatForwardedIt() {
        CompletedChecks.Completed check = check("fwd@metallbau.example.org").sharedWithAgency().submit(http);
        String lead = (String) ((Map<?, ?>) check.document().get("lead")).get("id");
        db.execute("UPDATE agency_lead SET agency_id = 'weg-bochum', open_key = ? WHERE id = ?",
            "weg-bochum|fwd@metallbau.example.org", lead);
        String page = http.get(check.resultPath()).body();
        assertThat(page.substring(page.indexOf("id=\"consent\""), page.indexOf("id=\"funding\"")))
            .contains("WirtschaftsEntwicklungsGesellschaft Bochum meldet sich bis spätestens")
            .doesNotContain("id=\"consent-share\"", "id=\"consent-moved\"");
    }

    /**
     * A forward is the sender's departure, written in the forward's transaction: listed for the sender only, oldest
     * first, in pages that follow each other; a forward refused (a stale version) leaves none.
     */
    @Test
    void aForwardIsListedAsTheSendersDepartureInPages() {
        java.time.Instant since = java.time.Instant.now().minusSeconds(1);
        var actor = new de.digitalcheck.portal.leads.internal.LeadWork.Actor("contract", "Contract");
        List<String> forwarded = new java.util.ArrayList<>();
        for (String email : List.of("away1@metallbau.example.org", "away2@metallbau.example.org")) {
            String lead = (String) ((Map<?, ?>) check(email).sharedWithAgency().submit(http).document().get("lead"))
                .get("id");
            forwarding.forward("wf-dortmund", false, lead, 0, "weg-bochum", "Standort in Bochum", actor);
            forwarded.add(lead);
        }
        String stale = (String) ((Map<?, ?>) check("stale@metallbau.example.org").sharedWithAgency().submit(http)
            .document().get("lead")).get("id");
        long rows = db.count("lead_departure");
        assertThatThrownBy(() -> forwarding.forward("wf-dortmund", false, stale, 7, "weg-bochum", "alt", actor))
            .isInstanceOf(de.digitalcheck.portal.leads.internal.LeadWork.StaleLead.class);
        assertThat(db.count("lead_departure")).as("a refused forward leaves no departure").isEqualTo(rows);

        var first = feed.departures("wf-dortmund", since, null, 1);
        assertThat(first.items()).hasSize(1);
        assertThat(first.next()).isNotNull();
        var second = feed.departures("wf-dortmund", since, first.next(), 1);
        assertThat(second.items()).hasSize(1);
        assertThat(second.next()).isNull();
        var one = first.items().get(0);
        var two = second.items().get(0);
        assertThat(List.of(one.leadId(), two.leadId())).as("each forward once").containsExactlyInAnyOrderElementsOf(forwarded);
        // oldest first, then by the entry (Connector/J stores whole seconds on MariaDB, which it takes for 5.5: both
        // forwards may carry one time)
        assertThat(two.forwardedAt()).isAfterOrEqualTo(one.forwardedAt()).isAfterOrEqualTo(since.truncatedTo(
            java.time.temporal.ChronoUnit.SECONDS));
        if (two.forwardedAt().equals(one.forwardedAt())) {
            assertThat(two.id()).isGreaterThan(one.id());
        }
        assertThat(two.forwardedTo()).isEqualTo("weg-bochum");
        assertThat(feed.departures("weg-bochum", since, null, 50).items()).as("the receiver has no departure").isEmpty();
        assertThat(feed.departures("wf-dortmund", java.time.Instant.now().plusSeconds(60), null, 50).items()).isEmpty();
        assertThat(feed.page("wf-dortmund", null, since, null, 200).items()).extracting(LeadRow::id)
            .as("they left the sender's list").doesNotContainAnyElementsOf(forwarded).contains(stale);
    }

    /**
     * A change to the value a lead has already writes no entry for it on any database: the assignee it has (nobody
     * included) with a note is the note alone (it was an assignment "– → –"), the same status with a note likewise;
     * without a note nothing is stored and the version stays.
     */
    @Test
    void aChangeToTheSameValueIsNoAssignmentOnTheTrail() {
        var actor = new de.digitalcheck.portal.leads.internal.LeadWork.Actor("contract", "Contract");
        String lead = (String) ((Map<?, ?>) check("same@metallbau.example.org").sharedWithAgency().submit(http)
            .document().get("lead")).get("id");
        String trail = "SELECT action, from_value, to_value, note FROM lead_audit WHERE lead_id = ? ORDER BY at, id";
        LeadRow noted = changes.apply("wf-dortmund", lead, 0,
            new de.digitalcheck.portal.leads.internal.LeadChanges.Change("NEW", true, null, "nur notiert"), actor);
        assertThat(noted.lockVersion()).isEqualTo(1);
        assertThat(noted.assigneeId()).isNull();
        assertThat(db.rows(trail, lead)).extracting(r -> r.get("action"), r -> r.get("note"))
            .containsExactly(org.assertj.core.groups.Tuple.tuple("NOTE", "nur notiert"));
        LeadRow same = changes.apply("wf-dortmund", lead, 1,
            new de.digitalcheck.portal.leads.internal.LeadChanges.Change("NEW", true, null, null), actor);
        assertThat(same.lockVersion()).as("nothing changed").isEqualTo(1);
        assertThat(db.rows(trail, lead)).hasSize(1);
    }

    /** The ids of the agency's leads that the inbox's place filter finds for {@code typed}. */
    private List<String> placeFilter(String agencyId, String typed) {
        List<String> found = new java.util.ArrayList<>();
        inbox.each(new de.digitalcheck.portal.leads.internal.LeadInbox.Scope(agencyId),
            new de.digitalcheck.portal.leads.internal.LeadInbox.Filter(null, null, false, null, null, typed, null,
                de.digitalcheck.portal.leads.internal.LeadInbox.Sort.NEWEST, 1), item -> found.add(item.id()));
        return found;
    }

    /**
     * The inbox's place filter finds the same on every database: the beginning of the place's name in any case,
     * umlauts included (H2 compared exactly, MariaDB's collation ignored the case), within the agency only; a
     * {@code %} or {@code _} typed stands for itself.
     */
    @Test
    void theInboxsPlaceFilterMatchesTheBeginningInAnyCaseOnEveryDatabase() {
        String dortmund = (String) ((Map<?, ?>) check("ort@metallbau.example.org").sharedWithAgency().submit(http)
            .document().get("lead")).get("id");
        String luenen = (String) ((Map<?, ?>) CompletedChecks.of(questionnaires.current()).named("Lüner Lack GmbH")
            .at("44532").contact("Lea Lack", "ort@lack.example.org").sharedWithAgency().submit(http).document()
            .get("lead")).get("id");
        assertThat(row("SELECT municipality FROM agency_lead WHERE id = ?", luenen).get("municipality"))
            .isEqualTo("Lünen");
        for (String typed : List.of("Dortmund", "dortmund", "DORT", "dOrTmUnD")) {
            assertThat(placeFilter("wf-dortmund", typed)).as(typed).contains(dortmund);
        }
        for (String typed : List.of("ortmund", "D%", "D_rtmund", "Dortmunder", "%")) {
            assertThat(placeFilter("wf-dortmund", typed)).as(typed).doesNotContain(dortmund);
        }
        assertThat(placeFilter("wfg-kreis-unna", "LÜN")).contains(luenen);
        assertThat(placeFilter("wfg-kreis-unna", "lünen")).contains(luenen);
        assertThat(placeFilter("en-agentur", "dort")).as("another agency's").doesNotContain(dortmund);
    }

    /**
     * A forwarded lead's mail to the receiving agency says who forwarded it and why (it said the company had shared its
     * result with the receiver, which the company never did).
     */
    @Test
    void aForwardedLeadsMailSaysWhoForwardedItAndWhy() throws Exception {
        var actor = new de.digitalcheck.portal.leads.internal.LeadWork.Actor("contract", "Contract");
        String lead = (String) ((Map<?, ?>) check("weiter@metallbau.example.org").sharedWithAgency().submit(http)
            .document().get("lead")).get("id");
        awaitMailTo("kontakt@dortmund.example.org", lead);
        forwarding.forward("wf-dortmund", false, lead, 0, "weg-bochum",
            "Der Betrieb sitzt in Bochum.\nBitte übernehmen.", actor);
        MimeMessage mail = awaitMailTo("kontakt@bochum.example.org", lead);
        String text = Mails.text(mail).replace("\r\n", "\n");
        assertThat(mail.getSubject()).isEqualTo("Weitergeleitete Anfrage im Digitalcheck");
        assertThat(text).contains("Wirtschaftsförderung Dortmund hat eine Anfrage an "
                + "WirtschaftsEntwicklungsGesellschaft Bochum weitergeleitet",
                "Grund der Weiterleitung:\nDer Betrieb sitzt in Bochum.\nBitte übernehmen.",
                "Muster Metallbau GmbH", "http://localhost/agentur/leads/" + lead)
            .doesNotContain("hat sein Ergebnis im Digitalcheck mit", "weiter@metallbau.example.org");
    }
}
