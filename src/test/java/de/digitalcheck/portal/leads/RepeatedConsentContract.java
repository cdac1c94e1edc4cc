package de.digitalcheck.portal.leads;

import de.digitalcheck.portal.leads.internal.WebhookDispatcher;
import de.digitalcheck.portal.leads.internal.Webhooks;
import de.digitalcheck.portal.readiness.Questionnaires;
import de.digitalcheck.portal.support.AtOnce;
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
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.BooleanSupplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The result page's consent given again — at the same moment (a double click: six posts at once) or later with a
 * corrected contact: one check has at most one open lead per agency, which takes the contact given last (name,
 * email), keeps what staff did with it, records the change in its trail and tells the agency ({@code lead.updated});
 * the posts are answered with the result, never a 500. A lead another check made is not this check's to change, and
 * an email under which the agency has another open lead is refused with nothing changed. Run against H2 and against
 * MySQL/MariaDB by the subclasses.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class RepeatedConsentContract implements TestPropertyProvider {

    static final String DORTMUND = "44135";
    static final String GIVEN = "/result?consent=given#consent-shared";

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
    de.digitalcheck.portal.readiness.AgencyLeads leads;
    @Inject
    de.digitalcheck.portal.shared.privacy.PersonalDataRequests personalData;

    Http http;
    Database db;

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
        http.csrfToken(); // one form token for the posts at once (each would fetch its own, and the cookie only one)
        db = new Database(dataSource);
        if (receiver == null) {
            receiver = new WebhookReceiver();
            receiver.trust(webhooks.setUrl("wf-dortmund", receiver.url()).orElseThrow());
        }
        receiver.answer(n -> WebhookReceiver.Answer.ok());
        dispatcher.awaitWakeUps();
    }

    /** A completed check at Dortmund with this contact, not shared. */
    CompletedChecks.Completed check(String name, String email) {
        return CompletedChecks.of(questionnaires.current()).named("Anna Test Metall GmbH").at(DORTMUND)
            .contact(name, email).submit(http);
    }

    HttpResponse<String> consent(CompletedChecks.Completed check, String name, String email) {
        return http.postForm("/check/" + check.token() + "/einwilligung", Map.of("consentName", name,
            "consentEmail", email, "shareWithAgency", "on"));
    }

    static String unique(String local) {
        return local + "-" + UUID.randomUUID().toString().substring(0, 8) + "@example.org";
    }

    /** The open leads that consents to share this check went into. */
    List<Map<String, Object>> openLeadsOf(String checkId) {
        return db.rows("SELECT * FROM agency_lead WHERE status = 'OPEN' AND id IN "
            + "(SELECT lead_id FROM lead_consent WHERE assessment_id = ?)", checkId);
    }

    long consentsOf(String checkId) {
        return ((Number) db.value("SELECT COUNT(*) FROM lead_consent WHERE assessment_id = ?", checkId)).longValue();
    }

    List<Map<String, Object>> trail(String leadId, String action) {
        return db.rows("SELECT * FROM lead_audit WHERE lead_id = ? AND action = ?", leadId, action);
    }

    static void await(String what, BooleanSupplier condition) throws InterruptedException {
        long until = System.currentTimeMillis() + 10_000;
        while (!condition.getAsBoolean()) {
            assertThat(System.currentTimeMillis()).as("waiting for: " + what).isLessThan(until);
            Thread.sleep(50);
        }
    }

    /**
     * A check sent through the API with a phone number, then shared on its result page (whose form has no phone field)
     * with a corrected name: the number stays with the check and reaches the lead (the consent erased it).
     */
    @Test
    void aConsentOnTheResultPageKeepsThePhoneNumberTheApiSent() {
        String email = unique("phone");
        CompletedChecks.Completed check = CompletedChecks.of(questionnaires.current()).named("Anna Test Metall GmbH")
            .at(DORTMUND).contact("Anna Tset", email, "+49 231 1234567").submit(http);
        assertThat(consent(check, "Anna Test", email).statusCode()).isEqualTo(303);
        assertThat(db.rows("SELECT contact_name, contact_phone FROM assessment WHERE id = ?", check.id()).get(0))
            .containsEntry("contact_name", "Anna Test").containsEntry("contact_phone", "+49 231 1234567");
        List<Map<String, Object>> leads = openLeadsOf(check.id());
        assertThat(leads).hasSize(1);
        assertThat(leads.get(0)).containsEntry("contact_phone", "+49 231 1234567");
    }

    /**
     * The tester's rounds: a check completed with one contact, its consent posted six times at once with another (a
     * double click). Each post is answered 303 to the result (it was 303 303 303 500 500 500: the check's optimistic
     * lock lost inside the consent's transaction, tried again there, and the commit refused); the check takes the new
     * contact, and the posts after the first find the consent given, as a post repeated later does: one lead, one
     * consent.
     */
    @Test
    void aConsentPostedSixTimesAtOnceWithAnotherContactIsGivenOnceAndEveryPostIsAnsweredWithTheResult()
        throws Exception {
        for (int round = 0; round < 5; round++) {
            CompletedChecks.Completed check = check("Anna Test", unique("anna"));
            String email = unique("anna1");
            List<HttpResponse<String>> posts = AtOnce.times(6, () -> consent(check, "Anna Q1", email));

            assertThat(posts).as("round " + round).extracting(HttpResponse::statusCode).containsOnly(303);
            assertThat(posts).allSatisfy(p -> assertThat(p.headers().firstValue("Location").orElseThrow())
                .endsWith(GIVEN));
            Map<String, Object> stored = db.rows("SELECT * FROM assessment WHERE id = ?", check.id()).get(0);
            assertThat(stored.get("contact_email")).isEqualTo(email);
            assertThat(stored.get("contact_name")).isEqualTo("Anna Q1");
            List<Map<String, Object>> leads = openLeadsOf(check.id());
            assertThat(leads).as("one lead").hasSize(1);
            assertThat(leads.get(0).get("contact_email")).isEqualTo(email);
            assertThat(consentsOf(check.id())).as("one consent: a double click is one").isEqualTo(1);
        }
    }

    /**
     * The same, for a check already shared: six posts at once with a corrected email. The one lead takes it once (one
     * consent more, one trail entry), and every post is answered with the result.
     */
    @Test
    void aCorrectedEmailPostedSixTimesAtOnceChangesTheChecksOneLeadOnce() throws Exception {
        for (int round = 0; round < 3; round++) {
            String first = unique("anna");
            CompletedChecks.Completed check = check("Anna Test", first);
            assertThat(consent(check, "Anna Test", first).statusCode()).isEqualTo(303);
            String leadId = (String) openLeadsOf(check.id()).get(0).get("id");
            String corrected = unique("anna2");

            List<HttpResponse<String>> posts = AtOnce.times(6, () -> consent(check, "Anna Test", corrected));

            assertThat(posts).as("round " + round).extracting(HttpResponse::statusCode).containsOnly(303);
            List<Map<String, Object>> leads = openLeadsOf(check.id());
            assertThat(leads).as("still one lead").hasSize(1);
            assertThat(leads.get(0)).containsEntry("id", leadId).containsEntry("contact_email", corrected);
            assertThat(consentsOf(check.id())).isEqualTo(2);
            assertThat(trail(leadId, "DATA_EMAIL")).hasSize(1);
            assertThat(db.value("SELECT COUNT(*) FROM agency_lead WHERE contact_email IN (?, ?)", first, corrected)
                .toString()).as("no lead of either address besides").isEqualTo("1");
        }
    }

    /**
     * The tester's sequence: shared with anna@, then again from the same result page with a corrected address, five
     * times. One open lead, the same one, with the last contact; its stage and assignee kept; each consent logged and
     * each change in the trail; the agency told ({@code lead.updated} with the new contact). "Mein Unternehmen" of the
     * last address reaches the lead and withdraws it; the first address, which no longer names anything, gets no link.
     */
    @Test
    void aCheckSharedAgainWithCorrectedEmailsKeepsOneLeadWhichTheLastAddressCanWithdraw() throws Exception {
        String first = unique("anna");
        CompletedChecks.Completed check = check("Anna Test", first);
        assertThat(consent(check, "Anna Test", first).statusCode()).isEqualTo(303);
        Map<String, Object> lead = openLeadsOf(check.id()).get(0);
        String leadId = (String) lead.get("id");
        int version = ((Number) lead.get("lock_version")).intValue();
        db.execute("UPDATE agency_lead SET stage = 'CONTACTED', assignee_id = 'staff-1', assignee_name = 'Doris "
            + "Dortmund', lock_version = lock_version + 1 WHERE id = ?", leadId);
        await("lead.created", () -> receiver.received().stream().anyMatch(r -> r.body().contains(leadId)));

        String second = unique("anna2");
        HttpResponse<String> again = consent(check, "Anna Zwei", second);

        assertThat(again.statusCode()).isEqualTo(303);
        assertThat(again.headers().firstValue("Location").orElseThrow()).endsWith(GIVEN);
        List<Map<String, Object>> leads = openLeadsOf(check.id());
        assertThat(leads).as("one open lead for the check").hasSize(1);
        Map<String, Object> now = leads.get(0);
        assertThat(now).containsEntry("id", leadId).containsEntry("contact_email", second)
            .containsEntry("contact_name", "Anna Zwei").containsEntry("open_key", "wf-dortmund|" + second)
            .containsEntry("status", "OPEN").containsEntry("stage", "CONTACTED")
            .containsEntry("assignee_id", "staff-1").containsEntry("assignee_name", "Doris Dortmund")
            .containsEntry("created_at", lead.get("created_at"))
            .containsEntry("contact_due_at", lead.get("contact_due_at"));
        assertThat(((Number) now.get("lock_version")).intValue()).isEqualTo(version + 2);
        assertThat(db.value("SELECT COUNT(*) FROM agency_lead WHERE contact_email = ?", first).toString())
            .as("no lead left under the first address").isEqualTo("0");
        assertThat(db.rows("SELECT assessment_id FROM lead_consent WHERE lead_id = ?", leadId))
            .as("both consents logged, both for the check").hasSize(2)
            .allSatisfy(c -> assertThat(c.get("assessment_id")).isEqualTo(check.id()));
        assertThat(trail(leadId, "DATA_EMAIL")).singleElement()
            .satisfies(e -> assertThat(e).containsEntry("from_value", first).containsEntry("to_value", second));
        assertThat(trail(leadId, "DATA_CONTACT")).singleElement()
            .satisfies(e -> assertThat(e).containsEntry("from_value", "Anna Test")
                .containsEntry("to_value", "Anna Zwei"));
        assertThat(trail(leadId, "DATA_OTHER_CONTACT")).as("taken over, not only given").isEmpty();
        await("lead.updated with the new contact", () -> receiver.received().stream()
            .anyMatch(r -> r.body().contains("lead.updated") && r.body().contains(second)));
        assertThat(receiver.received().stream().filter(r -> r.body().contains(leadId))
            .filter(r -> r.body().contains("lead.created"))).as("no second lead.created").hasSize(1);
        MimeMessage updated = smtp.awaitMailTo("kontakt@dortmund.example.org", "the agency's mail",
            m -> Mails.text(m).contains(leadId) && subject(m).equals("Aktualisierte Anfrage im Digitalcheck"));
        assertThat(Mails.text(updated)).doesNotContain(second, first, check.token())
            .as("a contact corrected is no new result").doesNotContain("neues Ergebnis")
            .contains("hat sein Ergebnis erneut geteilt", "Kontaktangaben", "Verlauf der Anfrage");

        String corrected = second;
        for (int i = 3; i <= 6; i++) {
            corrected = unique("anna" + i);
            assertThat(consent(check, "Anna Zwei", corrected).statusCode()).isEqualTo(303);
        }
        String last = corrected;
        assertThat(openLeadsOf(check.id())).singleElement()
            .satisfies(l -> assertThat(l).containsEntry("id", leadId).containsEntry("contact_email", last));
        assertThat(consentsOf(check.id())).isEqualTo(6);
        assertThat(trail(leadId, "DATA_EMAIL")).hasSize(5);
        assertThat(db.value("SELECT COUNT(*) FROM agency_lead WHERE assessment_id = ?", check.id()).toString())
            .as("six addresses, one lead").isEqualTo("1");

        // Mein Unternehmen: the first address names nothing any more; the last one reaches the lead and withdraws it
        Http company = new Http(server, json);
        company.postForm("/mein-unternehmen", Map.of("email", first));
        company.postForm("/mein-unternehmen", Map.of("email", last));
        String link = magicLink(last);
        assertThat(smtp.receivedFor(first)).as("no link to the first address").isEmpty();
        assertThat(company.postForm(link, Map.of()).statusCode()).isEqualTo(303);
        String overview = company.get("/mein-unternehmen/uebersicht").body();
        assertThat(overview).contains("/mein-unternehmen/leads/" + leadId + "/widerrufen");
        HttpResponse<String> withdrawn = company.postForm("/mein-unternehmen/leads/" + leadId + "/widerrufen",
            Map.of());
        assertThat(withdrawn.statusCode()).isEqualTo(303);
        assertThat(db.value("SELECT status FROM agency_lead WHERE id = ?", leadId)).isEqualTo("WITHDRAWN");
        assertThat(db.rows("SELECT from_value, to_value FROM lead_audit WHERE lead_id = ? AND action = 'DATA_EMAIL'",
            leadId)).as("a withdrawal drops the addresses from the trail").hasSize(5)
            .allSatisfy(e -> assertThat(e.get("from_value")).isNull())
            .allSatisfy(e -> assertThat(e.get("to_value")).isNull());
        assertThat(openLeadsOf(check.id())).isEmpty();
    }

    /**
     * A shared check whose contact then changed on the result page (without a consent given again) leaves the lead
     * under the address that consented: "Mein Unternehmen" sends that address a link (it sent none, since the address
     * had no check or appointment any more), and its lead can be withdrawn there.
     */
    @Test
    void theAddressThatConsentedCanWithdrawAfterTheChecksContactChanged() throws Exception {
        String consented = unique("anna");
        String later = unique("bert");
        CompletedChecks.Completed check = check("Anna Test", consented);
        assertThat(consent(check, "Anna Test", consented).statusCode()).isEqualTo(303);
        String leadId = (String) openLeadsOf(check.id()).get(0).get("id");
        assertThat(http.postForm("/check/" + check.token() + "/kontakt", Map.of("contactName", "Bert Neu",
            "contactEmail", later)).statusCode()).isLessThan(400);
        assertThat(db.value("SELECT contact_email FROM assessment WHERE id = ?", check.id())).isEqualTo(later);
        assertThat(db.value("SELECT contact_email FROM agency_lead WHERE id = ?", leadId)).isEqualTo(consented);

        Http company = new Http(server, json);
        company.postForm("/mein-unternehmen", Map.of("email", consented));
        assertThat(company.postForm(magicLink(consented), Map.of()).statusCode()).isEqualTo(303);
        assertThat(company.get("/mein-unternehmen/uebersicht").body())
            .contains("/mein-unternehmen/leads/" + leadId + "/widerrufen");
        assertThat(company.postForm("/mein-unternehmen/leads/" + leadId + "/widerrufen", Map.of()).statusCode())
            .isEqualTo(303);
        assertThat(db.value("SELECT status FROM agency_lead WHERE id = ?", leadId)).isEqualTo("WITHDRAWN");
    }

    private static String subject(MimeMessage m) {
        try {
            return m.getSubject();
        } catch (jakarta.mail.MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    private String magicLink(String to) throws Exception {
        long until = System.currentTimeMillis() + 10_000;
        while (System.currentTimeMillis() < until) {
            for (MimeMessage mail : smtp.receivedFor(to)) {
                Matcher m = Pattern.compile("(/mein-unternehmen/link/[A-Za-z0-9_-]{43})").matcher(Mails.text(mail));
                if (m.find()) {
                    return m.group(1);
                }
            }
            Thread.sleep(50);
        }
        throw new AssertionError("no magic link to " + to);
    }

    /**
     * The dedupe by email and agency stays for different checks: another check's consent with the same address goes
     * into the first check's lead and takes nothing over; and since that check did not make the lead, a consent
     * given again on its result page with another address does not move the lead to that address (whoever holds
     * another check's link must not redirect a lead): it makes a lead of its own, and the first stays as it was —
     * whatever the consents' times say.
     */
    @Test
    void aLeadAnotherCheckMadeIsNotChangedByThisChecksConsentGivenAgain() {
        String shared = unique("mia");
        CompletedChecks.Completed made = check("Mia Muster", shared);
        assertThat(consent(made, "Mia Muster", shared).statusCode()).isEqualTo(303);
        String leadId = (String) openLeadsOf(made.id()).get(0).get("id");
        CompletedChecks.Completed other = CompletedChecks.of(questionnaires.current()).named("Fremde Firma AG")
            .at(DORTMUND).contact("Max Fremd", shared).submit(http);
        assertThat(consent(other, "Max Fremd", shared).statusCode()).isEqualTo(303);
        assertThat(openLeadsOf(other.id())).as("the same address at the same agency: the one lead")
            .singleElement().satisfies(l -> assertThat(l).containsEntry("id", leadId));
        // the times do not tell which consent made the lead: of the same second where whole seconds are stored
        // (MariaDB), or even earlier where another replica's clock is behind
        db.execute("UPDATE lead_consent SET given_at = ? WHERE assessment_id = ?",
            java.sql.Timestamp.from(java.time.Instant.parse("2026-01-01T09:59:59Z")), other.id());
        db.execute("UPDATE lead_consent SET given_at = ? WHERE assessment_id = ?",
            java.sql.Timestamp.from(java.time.Instant.parse("2026-01-01T10:00:00Z")), made.id());

        String elsewhere = unique("max");
        assertThat(consent(other, "Max Fremd", elsewhere).statusCode()).isEqualTo(303);

        Map<String, Object> kept = db.rows("SELECT * FROM agency_lead WHERE id = ?", leadId).get(0);
        assertThat(kept).containsEntry("contact_email", shared).containsEntry("contact_name", "Mia Muster")
            .containsEntry("status", "OPEN");
        assertThat(trail(leadId, "DATA_EMAIL")).isEmpty();
        assertThat(trail(leadId, "DATA_CONTACT")).isEmpty();
        assertThat(db.rows("SELECT * FROM agency_lead WHERE contact_email = ? AND status = 'OPEN'", elsewhere))
            .as("the other check's new address: a lead of its own").singleElement()
            .satisfies(l -> assertThat(l.get("assessment_id")).isEqualTo(other.id()));
    }

    /**
     * A corrected address under which the agency already has another open lead (another check's): the two are not
     * merged; the consent is refused with the page saying why (409, in the page's language), and nothing changed —
     * the check's contact, both leads, the consent log, the events.
     */
    @Test
    void aCorrectedEmailThatTheAgencyHasAnotherOpenLeadUnderIsRefusedAndChangesNothing() throws Exception {
        String first = unique("ina");
        CompletedChecks.Completed check = check("Ina Irrtum", first);
        assertThat(consent(check, "Ina Irrtum", first).statusCode()).isEqualTo(303);
        String leadId = (String) openLeadsOf(check.id()).get(0).get("id");
        String taken = unique("ina-richtig");
        CompletedChecks.Completed otherCheck = CompletedChecks.of(questionnaires.current()).named("Zweite Firma KG")
            .at(DORTMUND).contact("Ina Richtig", taken).submit(http);
        assertThat(consent(otherCheck, "Ina Richtig", taken).statusCode()).isEqualTo(303);
        String otherLead = (String) openLeadsOf(otherCheck.id()).get(0).get("id");
        dispatcher.awaitWakeUps();
        Map<String, Object> before = db.rows("SELECT * FROM agency_lead WHERE id = ?", leadId).get(0);
        Map<String, Object> otherBefore = db.rows("SELECT * FROM agency_lead WHERE id = ?", otherLead).get(0);
        long consents = db.count("lead_consent");
        long events = db.count("lead_event") + db.count("webhook_delivery");
        long trail = db.count("lead_audit");

        HttpResponse<String> refused = consent(check, "Ina Irrtum", taken);
        HttpResponse<String> english = http.postForm("/check/" + check.token() + "/einwilligung?lang=en", Map.of(
            "consentName", "Ina Irrtum", "consentEmail", taken, "shareWithAgency", "on"));

        assertThat(refused.statusCode()).isEqualTo(409);
        assertThat(refused.body()).contains("id=\"consent-taken\"", "Die neue E-Mail-Adresse wurde nicht übernommen",
            "Die Adresse " + taken + " kann hier nicht übernommen werden. Ihr Ergebnis liegt bei "
                + "Wirtschaftsförderung Dortmund weiterhin unter Ihrer bisherigen Adresse",
            "Wirtschaftsförderung Dortmund meldet sich bis spätestens");
        assertThat(english.statusCode()).isEqualTo(409);
        assertThat(english.body()).contains("The new email address was not taken over",
            "The address " + taken + " cannot be taken over here. Your result stays with Wirtschaftsförderung Dortmund")
            .as("the answer does not say that the agency has a request under that address (another company's)")
            .doesNotContain("another open request", "andere offene Anfrage");
        assertThat(db.rows("SELECT * FROM agency_lead WHERE id = ?", leadId).get(0)).isEqualTo(before);
        assertThat(db.rows("SELECT * FROM agency_lead WHERE id = ?", otherLead).get(0)).isEqualTo(otherBefore);
        assertThat(db.value("SELECT contact_email FROM assessment WHERE id = ?", check.id()))
            .as("the check's contact rolled back with the rest").isEqualTo(first);
        assertThat(db.count("lead_consent")).isEqualTo(consents);
        dispatcher.awaitWakeUps();
        assertThat(db.count("lead_event") + db.count("webhook_delivery")).isEqualTo(events);
        assertThat(db.count("lead_audit")).isEqualTo(trail);
    }

    /**
     * The consent log names who gave each consent, as given then (SPEC §8): the lead keeps only its contact of now,
     * which the check's consent given again replaces, and a withdrawal drops the earlier addresses from the trail —
     * the log linked to the lead, so the first consent's person was lost. Each address's export holds the consents it
     * gave (also to a lead whose contact is now another's), not another's name or address; an erasure by address
     * clears them, and the lead's erasure all of its own.
     */
    @Test
    void theConsentLogNamesWhoGaveEachConsentAndTheExportAndErasureFollowIt() {
        String first = unique("log-anna");
        String second = unique("log-zora");
        CompletedChecks.Completed check = check("Alma Erst", first);
        assertThat(consent(check, "Alma Erst", first).statusCode()).isEqualTo(303);
        String leadId = (String) openLeadsOf(check.id()).get(0).get("id");
        assertThat(consent(check, "Zora Zwei", second).statusCode()).isEqualTo(303);
        assertThat(db.value("SELECT contact_email FROM agency_lead WHERE id = ?", leadId)).isEqualTo(second);
        String log = "SELECT made_lead, contact_name, contact_email, assessment_id FROM lead_consent WHERE lead_id = ? "
            + "ORDER BY made_lead DESC";
        List<Map<String, Object>> given = db.rows(log, leadId);
        assertThat(given).hasSize(2);
        assertThat(given.get(0)).as("the first consent: who gave it, though the lead has another contact now")
            .containsEntry("contact_name", "Alma Erst").containsEntry("contact_email", first);
        assertThat(given.get(1)).containsEntry("contact_name", "Zora Zwei").containsEntry("contact_email", second);

        // the export: the lead's contact sees the lead's consents, but the other person's name and address not
        String ofSecond = personalData.export(second).get("leads").toString();
        assertThat(ofSecond).contains(leadId, "Zora Zwei", "contactOfLead=true").doesNotContain(first, "Alma Erst");
        // the first address: the consent it gave, under the lead's id, without the lead's data of now
        List<?> ofFirst = (List<?>) personalData.export(first).get("leads");
        assertThat(ofFirst).singleElement().satisfies(l -> {
            Map<?, ?> lead = (Map<?, ?>) l;
            assertThat(lead.get("id")).isEqualTo(leadId);
            assertThat(lead.get("contactOfLead")).isEqualTo(false);
            assertThat(lead.toString()).doesNotContain(second, "Zora Zwei");
            assertThat((List<?>) lead.get("consents")).singleElement().satisfies(c -> {
                Map<?, ?> consent = (Map<?, ?>) c;
                assertThat(consent.get("contactName")).isEqualTo("Alma Erst");
                assertThat(consent.get("contactEmail")).isEqualTo(first);
                assertThat(consent.containsKey("withdrawnAt") && consent.get("withdrawnAt") == null).isTrue();
            });
        });

        // withdrawn: the trail forgets the addresses, the log still says who consented, and when it was withdrawn
        leads.withdraw(second, leadId);
        assertThat(trail(leadId, "DATA_EMAIL")).singleElement().satisfies(e -> assertThat(e.get("from_value")).isNull());
        assertThat(db.rows(log, leadId)).extracting(r -> r.get("contact_email")).containsExactly(first, second);
        assertThat(db.rows("SELECT withdrawn_at FROM lead_consent WHERE lead_id = ?", leadId))
            .allSatisfy(r -> assertThat(r.get("withdrawn_at")).isNotNull());

        // the first address erased: its name and address leave the log; the lead (the second's) stays as it is
        personalData.erase(first);
        assertThat(db.rows(log, leadId).get(0)).containsEntry("contact_name", null).containsEntry("contact_email", null);
        assertThat(db.rows(log, leadId).get(1)).containsEntry("contact_email", second);
        assertThat(db.value("SELECT status FROM agency_lead WHERE id = ?", leadId)).isEqualTo("WITHDRAWN");
        assertThat((List<?>) personalData.export(first).get("leads")).isEmpty();
        // the lead's contact erased: the lead anonymised, and every consent of it without check and person
        personalData.erase(second);
        assertThat(db.value("SELECT status FROM agency_lead WHERE id = ?", leadId)).isEqualTo("ERASED");
        assertThat(db.rows(log, leadId)).hasSize(2).allSatisfy(r -> assertThat(r).containsEntry("contact_name", null)
            .containsEntry("contact_email", null).containsEntry("assessment_id", null));
    }
}
