package de.digitalcheck.portal.leads;

import de.digitalcheck.portal.readiness.Questionnaires;
import de.digitalcheck.portal.support.CompletedChecks;
import de.digitalcheck.portal.support.Database;
import de.digitalcheck.portal.support.Http;
import de.digitalcheck.portal.support.Mails;
import de.digitalcheck.portal.support.SmtpServer;
import io.micronaut.json.JsonMapper;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.net.http.HttpResponse;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A company withdraws its consent in "Mein Unternehmen" (issue 12): its shared checks are listed, the withdrawal
 * closes the lead and the agency is mailed; another address's lead cannot be withdrawn (404) and stays open.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class LeadWithdrawalIntegrationTest implements TestPropertyProvider {

    final SmtpServer smtp = new SmtpServer();

    @Inject
    EmbeddedServer server;
    @Inject
    JsonMapper json;
    @Inject
    Questionnaires questionnaires;
    @Inject
    javax.sql.DataSource dataSource;

    @Override
    public Map<String, String> getProperties() {
        return smtp.portalProperties();
    }

    @AfterAll
    void stop() {
        smtp.stop();
    }

    String shared(String email) {
        return (String) ((Map<?, ?>) CompletedChecks.of(questionnaires.current()).named("Gießerei Rüdiger").at("58452")
            .contact("Rita Rüdiger", email).sharedWithAgency().submit(new Http(server, json)).document().get("lead"))
            .get("id");
    }

    @Test
    void aCompanyWithdrawsItsConsentAndTheAgencyIsTold() throws Exception {
        Database db = new Database(dataSource);
        String own = shared("rita@giesserei.example.org");
        String other = shared("otto@other.example.org");
        Http http = new Http(server, json);
        smtp.purge();
        http.postForm("/mein-unternehmen", Map.of("email", "rita@giesserei.example.org"));
        String link = null;
        long waitUntil = System.currentTimeMillis() + 10_000;
        while (link == null && System.currentTimeMillis() < waitUntil) {
            for (MimeMessage mail : smtp.received()) { // the agency's lead mails arrive too
                Matcher m = Pattern.compile("(/mein-unternehmen/link/[A-Za-z0-9_-]{43})").matcher(Mails.text(mail));
                if (mail.getAllRecipients()[0].toString().equals("rita@giesserei.example.org") && m.find()) {
                    link = m.group(1);
                }
            }
            Thread.sleep(50);
        }
        assertThat(link).as("the magic link").isNotNull();
        http.postForm(link, Map.of());
        String overview = http.get("/mein-unternehmen/uebersicht").body();
        assertThat(overview).contains("Weitergegebene Ergebnisse", "An Wirtschaftsförderungsagentur Ennepe-Ruhr",
            "/mein-unternehmen/leads/" + own + "/widerrufen").doesNotContain(other);

        HttpResponse<String> foreign = http.postForm("/mein-unternehmen/leads/" + other + "/widerrufen", Map.of());
        assertThat(foreign.statusCode()).isEqualTo(404);
        assertThat(db.value("SELECT status FROM agency_lead WHERE id = ?", other)).isEqualTo("OPEN");

        HttpResponse<String> withdrawn = http.postForm("/mein-unternehmen/leads/" + own + "/widerrufen", Map.of());
        assertThat(withdrawn.statusCode()).isEqualTo(303);
        assertThat(withdrawn.headers().firstValue("Location")).hasValue("/mein-unternehmen/uebersicht#lead-withdrawn");
        assertThat(db.value("SELECT status FROM agency_lead WHERE id = ?", own)).isEqualTo("WITHDRAWN");
        assertThat(http.get("/mein-unternehmen/uebersicht").body()).contains("Ihre Einwilligung ist widerrufen")
            .doesNotContain("/mein-unternehmen/leads/" + own + "/widerrufen");
        // said once, after the post that withdrew it (a Flash note): not on a reload, nor from "?widerrufen" typed in,
        // which said "Ihre Einwilligung ist widerrufen" on any link that carried it, though nothing was withdrawn
        for (String again : new String[] {"/mein-unternehmen/uebersicht", "/mein-unternehmen/uebersicht?widerrufen"}) {
            HttpResponse<String> page = http.get(again);
            assertThat(page.statusCode()).as(again).isEqualTo(200);
            assertThat(page.body()).as(again).contains("Weitergegebene Ergebnisse")
                .doesNotContain("Ihre Einwilligung ist widerrufen", "id=\"lead-withdrawn\"");
        }
        long until = System.currentTimeMillis() + 10_000;
        boolean told = false;
        while (!told && System.currentTimeMillis() < until) {
            for (MimeMessage mail : smtp.received()) {
                told |= "Einwilligung widerrufen".equals(mail.getSubject()) && Mails.text(mail).contains(own);
            }
            Thread.sleep(50);
        }
        assertThat(told).as("the agency is mailed").isTrue();
        // sent again (a double click, a reload): the same answer, not "page not found", and nobody told twice
        HttpResponse<String> twice = http.postForm("/mein-unternehmen/leads/" + own + "/widerrufen", Map.of());
        assertThat(twice.statusCode()).isEqualTo(303);
        assertThat(twice.headers().firstValue("Location")).hasValue("/mein-unternehmen/uebersicht#lead-withdrawn");
        assertThat(http.get("/mein-unternehmen/uebersicht").body()).contains("Ihre Einwilligung ist widerrufen");
        assertThat(db.value("SELECT status FROM agency_lead WHERE id = ?", own)).isEqualTo("WITHDRAWN");
        Thread.sleep(1500);
        int mailed = 0;
        for (MimeMessage mail : smtp.received()) {
            mailed += "Einwilligung widerrufen".equals(mail.getSubject()) && Mails.text(mail).contains(own) ? 1 : 0;
        }
        assertThat(mailed).as("the agency is mailed once").isEqualTo(1);

        // a new consent to the same agency after the withdrawal: two entries, told apart by their state
        String again = shared("rita@giesserei.example.org");
        assertThat(again).isNotEqualTo(own);
        String both = http.get("/mein-unternehmen/uebersicht").body();
        int withdrawnAt = both.indexOf("widerrufen am");
        String withdrawnEntry = both.substring(both.lastIndexOf("<h3", withdrawnAt), withdrawnAt);
        assertThat(both).contains("/mein-unternehmen/leads/" + again + "/widerrufen", ">Einwilligung gilt</p>");
        assertThat(withdrawnEntry).as("the withdrawn lead says so beside its agency")
            .contains(">Einwilligung widerrufen</p>").doesNotContain("Einwilligung gilt");
    }
}
