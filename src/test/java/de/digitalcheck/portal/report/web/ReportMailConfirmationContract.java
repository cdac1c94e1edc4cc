package de.digitalcheck.portal.report.web;

import de.digitalcheck.portal.readiness.Questionnaires;
import de.digitalcheck.portal.support.CompletedChecks;
import de.digitalcheck.portal.support.Database;
import de.digitalcheck.portal.support.Http;
import de.digitalcheck.portal.support.Mails;
import de.digitalcheck.portal.support.PdfText;
import de.digitalcheck.portal.support.SmtpServer;
import io.micronaut.json.JsonMapper;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import javax.sql.DataSource;
import java.io.InputStream;
import java.net.http.HttpResponse;
import java.util.Arrays;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The report mail goes only to a confirmed address (issue 11, item 2): a confirmation link first, the report once it
 * is opened (single use, for this check); at most five mails a day to one address across all checks; the visitor's
 * answer does not tell whether an address was confirmed elsewhere; what is sent is in the language the report was asked
 * for in. A real SMTP server (GreenMail); run against H2 and MySQL/MariaDB by the subclasses.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class ReportMailConfirmationContract implements TestPropertyProvider {

    final SmtpServer smtp = new SmtpServer();

    @Inject
    EmbeddedServer server;
    @Inject
    JsonMapper json;
    @Inject
    Questionnaires questionnaires;
    @Inject
    DataSource dataSource;

    Http http;

    @Override
    public Map<String, String> getProperties() {
        return smtp.portalProperties();
    }

    @AfterAll
    void stop() {
        smtp.stop();
    }

    @BeforeEach
    void setUp() {
        http = new Http(server, json);
        smtp.purge();
    }

    String check(String name, String email) {
        return CompletedChecks.of(questionnaires.current()).named(name).contact("Rita Rüdiger", email).submit(http).token();
    }

    HttpResponse<String> requestReport(String token) {
        return http.postForm("/check/" + token + "/report/email", Map.of());
    }

    MimeMessage[] mailsTo(String address) {
        return Arrays.stream(smtp.received()).filter(m -> {
            try {
                return m.getAllRecipients()[0].toString().equals(address);
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }).toArray(MimeMessage[]::new);
    }

    /** The first {@code count} mails to {@code address} (waits at most 5 s; other tests' late mails do not count). */
    MimeMessage[] awaitMailsTo(String address, int count) throws InterruptedException {
        for (int i = 0; i < 50 && mailsTo(address).length < count; i++) {
            Thread.sleep(100);
        }
        MimeMessage[] mails = mailsTo(address);
        assertThat(mails.length).as(count + " mail(s) to " + address).isGreaterThanOrEqualTo(count);
        return mails;
    }

    static String confirmationLink(MimeMessage mail, String token) {
        Matcher m = Pattern.compile("http://localhost(/check/" + token + "/report/confirm/[A-Za-z0-9_-]{43})")
            .matcher(Mails.text(mail));
        assertThat(m.find()).as("confirmation link in: " + Mails.text(mail)).isTrue();
        return m.group(1);
    }

    static boolean hasAttachment(MimeMessage mail) throws Exception {
        return ReportRoutesIntegrationTest.attachment(mail) != null;
    }

    @Test
    void theFirstMailIsAConfirmationLinkAndTheReportFollowsOnlyOnceItIsOpened() throws Exception {
        String token = check("Gießerei Rüdiger Phishing", "rita@giesserei.example.org");
        String result = "/check/" + token + "/result";

        HttpResponse<String> requested = requestReport(token);
        assertThat(requested.statusCode()).isEqualTo(303);
        assertThat(requested.headers().firstValue("Location").orElseThrow()).contains(result + "?report=sent#report-title");
        assertThat(http.get(result + "?report=sent").body()).contains("E-Mail unterwegs",
            "Ist die Adresse für diesen Selbstcheck noch nicht bestätigt, enthält sie einen Bestätigungslink");

        MimeMessage confirmation = awaitMailsTo("rita@giesserei.example.org", 1)[0];
        assertThat(confirmation.getSubject()).isEqualTo("Bitte bestätigen Sie Ihre E-Mail-Adresse (Digitalcheck 4.0)");
        assertThat(hasAttachment(confirmation)).as("no report before the address is confirmed").isFalse();
        assertThat(Mails.text(confirmation)).as("nothing typed by the visitor goes into the confirmation")
            .doesNotContain("Gießerei", "Phishing", "Rita").contains("24 Stunden");
        String link = confirmationLink(confirmation, token);
        Thread.sleep(300);
        assertThat(mailsTo("rita@giesserei.example.org")).as("nothing else went out").hasSize(1);

        // opening the link only asks (mail scanners); it names the address
        HttpResponse<String> ask = http.get(link);
        assertThat(ask.statusCode()).isEqualTo(200);
        assertThat(ask.body()).contains("Adresse bestätigen und Bericht senden", "rita@giesserei.example.org");
        Thread.sleep(300);
        assertThat(mailsTo("rita@giesserei.example.org")).hasSize(1);

        HttpResponse<String> confirmed = http.postForm(link, Map.of());
        assertThat(confirmed.statusCode()).isEqualTo(303);
        assertThat(confirmed.headers().firstValue("Location").orElseThrow()).contains(result + "?report=mailed#report-title");
        assertThat(http.get(result + "?report=mailed").body()).contains("Bericht versendet",
            "Der Bericht ist unterwegs an rita@giesserei.example.org.");
        MimeMessage report = awaitMailsTo("rita@giesserei.example.org", 2)[1];
        assertThat(report.getAllRecipients()[0].toString()).isEqualTo("rita@giesserei.example.org");
        assertThat(hasAttachment(report)).isTrue();

        // single use: the link is spent, another post sends nothing
        HttpResponse<String> again = http.postForm(link, Map.of());
        assertThat(again.statusCode()).isEqualTo(303);
        assertThat(again.headers().firstValue("Location").orElseThrow()).contains(link);
        HttpResponse<String> spent = http.get(link);
        assertThat(spent.statusCode()).isEqualTo(410);
        assertThat(spent.body()).contains("Dieser Bestätigungslink ist nicht (mehr) gültig")
            .doesNotContain("rita@giesserei.example.org");

        // confirmed for this check: the next request brings the report at once
        assertThat(requestReport(token).headers().firstValue("Location").orElseThrow()).contains("?report=sent");
        MimeMessage direct = awaitMailsTo("rita@giesserei.example.org", 3)[2];
        assertThat(hasAttachment(direct)).isTrue();
        assertThat(new Database(dataSource).rows("SELECT * FROM report_mail_confirmation")).as("no address at rest")
            .allSatisfy(r -> assertThat(r.toString()).doesNotContainIgnoringCase("giesserei"));
    }

    static String pdfText(MimeMessage mail) throws Exception {
        try (InputStream in = ReportRoutesIntegrationTest.attachment(mail).getInputStream()) {
            return PdfText.of(in.readAllBytes());
        }
    }

    /** Asks for the report in {@code asked}, confirms in a browser set to {@code confirming}; the report mail. */
    MimeMessage askedInConfirmedIn(String address, String asked, String confirming) throws Exception {
        String token = check("Sprache " + asked, address);
        http.get("/check/" + token + "/result?lang=" + asked);
        requestReport(token);
        MimeMessage confirmation = awaitMailsTo(address, 1)[0];
        String link = confirmationLink(confirmation, token);
        Http other = new Http(server, json);
        other.get("/?lang=" + confirming);
        assertThat(other.postForm(link, Map.of(), "Accept-Language", confirming).statusCode()).isEqualTo(303);
        return awaitMailsTo(address, 2)[1];
    }

    @Test
    void askedForInEnglishTheReportGoesOutInEnglishThoughAGermanBrowserConfirmsIt() throws Exception {
        String token = check("Language Ltd", "english@lang.example.org");
        http.get("/check/" + token + "/result?lang=en");
        requestReport(token);
        MimeMessage confirmation = awaitMailsTo("english@lang.example.org", 1)[0];
        assertThat(confirmation.getSubject()).isEqualTo("Please confirm your email address (Digitalcheck 4.0)");
        String link = confirmationLink(confirmation, token);
        assertThat(Mails.text(confirmation)).as("the link opens the English page").contains(link + "?lang=en");

        // the page follows the browser's language like every page: a German browser sees it in German
        Http german = new Http(server, json);
        german.get("/?lang=de");
        assertThat(german.get(link, "Accept-Language", "de-DE").body()).contains("Adresse bestätigen und Bericht senden");
        assertThat(german.postForm(link, Map.of(), "Accept-Language", "de-DE").statusCode()).isEqualTo(303);

        MimeMessage report = awaitMailsTo("english@lang.example.org", 2)[1];
        assertThat(report.getSubject()).isEqualTo("Your digital readiness report (Digitalcheck 4.0)");
        assertThat(Mails.text(report)).contains("attached is the report", "/check/" + token + "/result?lang=en")
            .doesNotContain("Guten Tag");
        assertThat(pdfText(report)).contains("Your digital readiness report")
            .doesNotContain("Ihr Bericht zum digitalen Reifegrad");
    }

    @Test
    void askedForInGermanTheReportGoesOutInGermanThoughAnEnglishBrowserConfirmsIt() throws Exception {
        MimeMessage report = askedInConfirmedIn("deutsch@lang.example.org", "de", "en");
        MimeMessage confirmation = mailsTo("deutsch@lang.example.org")[0];
        assertThat(confirmation.getSubject()).isEqualTo("Bitte bestätigen Sie Ihre E-Mail-Adresse (Digitalcheck 4.0)");
        assertThat(Mails.text(confirmation)).doesNotContain("lang=");
        assertThat(report.getSubject()).isEqualTo("Ihr Bericht zum digitalen Reifegrad (Digitalcheck 4.0)");
        assertThat(Mails.text(report)).contains("im Anhang finden Sie den Bericht").doesNotContain("Hello", "lang=");
        assertThat(pdfText(report)).contains("Ihr Bericht zum digitalen Reifegrad")
            .doesNotContain("Your digital readiness report");
    }

    @Test
    void aConfirmationLinkWorksOnlyForItsCheckAndItsAddress() throws Exception {
        String mine = check("Werk A", "anna@werk.example.org");
        String other = check("Werk B", "anna@werk.example.org");
        requestReport(mine);
        String link = confirmationLink(awaitMailsTo("anna@werk.example.org", 1)[0], mine);
        String code = link.substring(link.lastIndexOf('/') + 1);

        String foreign = "/check/" + other + "/report/confirm/" + code;
        assertThat(http.get(foreign).statusCode()).isEqualTo(410);
        http.postForm(foreign, Map.of());
        assertThat(http.get("/check/" + mine + "/report/confirm/" + "A".repeat(43)).statusCode()).isEqualTo(410);
        assertThat(http.get("/check/" + mine + "/report/confirm/kurz").statusCode()).isEqualTo(410);
        Thread.sleep(300);
        assertThat(mailsTo("anna@werk.example.org")).as("no report for another check's link").hasSize(1);
        assertThat(http.get(link).statusCode()).as("still usable for its own check").isEqualTo(200);

        // confirming for one check does not confirm the other: it gets a confirmation link first
        http.postForm(link, Map.of());
        awaitMailsTo("anna@werk.example.org", 2);
        requestReport(other);
        MimeMessage third = awaitMailsTo("anna@werk.example.org", 3)[2];
        assertThat(hasAttachment(third)).isFalse();
        confirmationLink(third, other);
    }

    @Test
    void theSixthMailToOneAddressInADayIsRefusedAcrossChecks() throws Exception {
        String address = "quota@werk.example.org";
        String first = check("Quote Eins", address);
        String second = check("Quote Zwei", address);
        requestReport(first);                                               // 1: confirmation
        http.postForm(confirmationLink(awaitMailsTo(address, 1)[0], first), Map.of()); // 2: report
        requestReport(first);                                               // 3: report
        requestReport(second);                                              // 4: confirmation of the other check
        requestReport(first);                                               // 5: report
        awaitMailsTo(address, 5);

        HttpResponse<String> sixth = requestReport(second);
        assertThat(sixth.statusCode()).isEqualTo(303);
        assertThat(sixth.headers().firstValue("Location").orElseThrow()).contains("?report=limit#report-title");
        String page = http.get("/check/" + second + "/result?report=limit").body();
        assertThat(page).contains("Heute keine weitere E-Mail an diese Adresse",
            "An quota@werk.example.org haben wir heute schon 5 E-Mails geschickt");
        assertThat(requestReport(first).headers().firstValue("Location").orElseThrow()).contains("?report=limit");
        Thread.sleep(500);
        assertThat(mailsTo(address)).as("no sixth mail").hasSize(5);

        // another address is not affected
        String elsewhere = check("Anderswo", "anders@werk.example.org");
        assertThat(requestReport(elsewhere).headers().firstValue("Location").orElseThrow()).contains("?report=sent");
        assertThat(new Database(dataSource).rows("SELECT * FROM daily_count")).as("counted by hash, not by address")
            .allSatisfy(r -> assertThat(r.toString()).doesNotContain("werk.example.org"));
    }

    @Test
    void theAnswerDoesNotTellWhetherAnAddressWasConfirmedElsewhere() throws Exception {
        // known@ signs in to "Mein Unternehmen" by magic link: confirmed for all its checks
        String known = check("Bekannt GmbH", "known@werk.example.org");
        http.postForm("/mein-unternehmen", Map.of("email", "known@werk.example.org"));
        Matcher m = Pattern.compile("(/mein-unternehmen/link/[A-Za-z0-9_-]{43})")
            .matcher(Mails.text(awaitMailsTo("known@werk.example.org", 1)[0]));
        assertThat(m.find()).isTrue();
        assertThat(new Http(server, json).postForm(m.group(1), Map.of()).statusCode()).isEqualTo(303);
        smtp.purge();
        String unknown = check("Unbekannt GmbH", "fresh@werk.example.org");

        HttpResponse<String> a = requestReport(known);
        HttpResponse<String> b = requestReport(unknown);
        assertThat(a.statusCode()).isEqualTo(b.statusCode()).isEqualTo(303);
        assertThat(a.headers().firstValue("Location").orElseThrow().replace(known, "T"))
            .isEqualTo(b.headers().firstValue("Location").orElseThrow().replace(unknown, "T"));
        String pageA = http.get("/check/" + known + "/result?report=sent").body();
        String pageB = http.get("/check/" + unknown + "/result?report=sent").body();
        String alertA = pageA.substring(pageA.indexOf("id=\"report-title\""), pageA.indexOf("Der Bericht fasst"));
        String alertB = pageB.substring(pageB.indexOf("id=\"report-title\""), pageB.indexOf("Der Bericht fasst"));
        assertThat(alertA.replace("known@", "X@")).isEqualTo(alertB.replace("fresh@", "X@"));

        // the owner of the address proven by the magic link gets the report at once; the other a confirmation link
        MimeMessage[] toKnown = awaitMailsTo("known@werk.example.org", 1);
        MimeMessage[] toFresh = awaitMailsTo("fresh@werk.example.org", 1);
        assertThat(hasAttachment(toKnown[0])).isTrue();
        assertThat(hasAttachment(toFresh[0])).isFalse();
    }
}
