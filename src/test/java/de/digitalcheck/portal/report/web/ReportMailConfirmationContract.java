package de.digitalcheck.portal.report.web;

import de.digitalcheck.portal.readiness.Questionnaires;
import de.digitalcheck.portal.report.ReportMailing;
import de.digitalcheck.portal.shared.privacy.PersonalDataRequests;
import de.digitalcheck.portal.shared.security.Tokens;
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
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The report mail goes only to a confirmed address (issue 11, item 2): a confirmation link first, the report once it
 * is opened (single use, for this check); at most five mails a day to one address across all checks; the visitor's
 * answer does not tell whether an address was confirmed elsewhere; what is sent is in the language the report was asked
 * for in. The confirmation link carries no check token and none of its pages shows one or links to the result (the
 * address may be mistyped: its owner must not get the check); the report that follows still links to the result, from
 * the token kept sealed with the link. A real SMTP server (GreenMail); run against H2 and MySQL/MariaDB by the
 * subclasses.
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
    @Inject
    ReportMailing mailing;
    @Inject
    PersonalDataRequests personalData;

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

    /** The page the request's redirect leads to, with the answer the request left for it (once). */
    String answer(HttpResponse<String> requested) {
        assertThat(requested.statusCode()).isEqualTo(303);
        return http.get(requested.headers().firstValue("Location").orElseThrow()).body();
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

    /**
     * The confirmation link of a mail: its code only, and nothing of the check it was asked for — the check's token
     * (which opens the check) appears nowhere in the mail, nor any address of a check's pages.
     */
    static String confirmationLink(MimeMessage mail, String token) {
        String text = Mails.text(mail);
        Matcher m = Pattern.compile("http://localhost(/report/confirm/[A-Za-z0-9_-]{43})").matcher(text);
        assertThat(m.find()).as("confirmation link in: " + text).isTrue();
        assertThat(text).as("the confirmation mail holds no check token").doesNotContain(token, "/check/");
        assertThat(m.group(1)).doesNotContain(token);
        return m.group(1);
    }

    /** What no page of the confirmation link may show: the check's token, a link to a check's pages, the company. */
    static void leaksNothingOfTheCheck(HttpResponse<String> page, String token, String... companyWords) {
        assertThat(page.statusCode()).as("no server error").isLessThan(500);
        assertThat(page.headers().firstValue("Location").orElse("")).doesNotContain(token, "/check/");
        assertThat(page.body()).as("no token, no result link, nothing of the company").doesNotContain(token)
            .doesNotContain("/check/", "Zum Ergebnis", "To the result").doesNotContain(companyWords);
    }

    String codeOf(String link) {
        return link.substring(link.lastIndexOf('/') + 1);
    }

    Database db() {
        return new Database(dataSource);
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
        // the answer is no part of the address (a crafted "?report=sent" said a mail was on its way): the post leaves
        // it for the page, which shows it once
        assertThat(requested.headers().firstValue("Location").orElseThrow()).isEqualTo(result + "#report-mail-outcome");
        assertThat(answer(requested)).contains("E-Mail unterwegs",
            "Ist die Adresse für diesen Selbstcheck noch nicht bestätigt, enthält sie einen Bestätigungslink",
            "id=\"report-mail-outcome\"");
        assertThat(http.get(result).body()).as("a reload says nothing again")
            .doesNotContain("E-Mail unterwegs", "report-mail-outcome");

        MimeMessage confirmation = awaitMailsTo("rita@giesserei.example.org", 1)[0];
        assertThat(confirmation.getSubject()).isEqualTo("Bitte bestätigen Sie Ihre E-Mail-Adresse (Digitalcheck 4.0)");
        assertThat(hasAttachment(confirmation)).as("no report before the address is confirmed").isFalse();
        assertThat(Mails.text(confirmation)).as("nothing typed by the visitor goes into the confirmation")
            .doesNotContain("Gießerei", "Phishing", "Rita").contains("24 Stunden");
        String link = confirmationLink(confirmation, token);
        Thread.sleep(300);
        assertThat(mailsTo("rita@giesserei.example.org")).as("nothing else went out").hasSize(1);
        // at rest: the code hashed, the check's token sealed — neither is readable from the row
        assertThat(db().rows("SELECT * FROM report_mail_confirmation")).as("no address, code or token at rest")
            .allSatisfy(r -> assertThat(r.toString()).doesNotContainIgnoringCase("giesserei")
                .doesNotContain(token, codeOf(link)));
        assertThat(db().value("SELECT sealed_token FROM report_mail_confirmation WHERE token_hash = ?",
            Tokens.hash(codeOf(link)))).as("the token is kept sealed").isNotNull();

        // opening the link (a stranger at a mistyped address, a mail scanner) only asks; it names the address and
        // nothing else: no token, no link into the check, no company
        Http stranger = new Http(server, json);
        HttpResponse<String> ask = stranger.get(link);
        assertThat(ask.statusCode()).isEqualTo(200);
        assertThat(ask.body()).contains("Adresse bestätigen und Bericht senden",
            "<span class=\"dc-address\">rita@<wbr>giesserei.<wbr>example.<wbr>org</span>",
            "action=\"" + link + "\"");
        leaksNothingOfTheCheck(ask, token, "Gießerei", "Rita Rüdiger");
        assertThat(stranger.get(link).statusCode()).as("a GET uses nothing up").isEqualTo(200);
        Thread.sleep(300);
        assertThat(mailsTo("rita@giesserei.example.org")).hasSize(1);

        // confirming sends the report and says so, still without the check
        HttpResponse<String> confirmed = stranger.postForm(link, Map.of());
        assertThat(confirmed.statusCode()).isEqualTo(200);
        assertThat(confirmed.body()).contains("Bericht versendet", "Der Bericht ist unterwegs an <span class=\"dc-address\">rita@<wbr>giesserei.<wbr>example.<wbr>org</span>");
        leaksNothingOfTheCheck(confirmed, token, "Gießerei", "Rita Rüdiger");
        MimeMessage report = awaitMailsTo("rita@giesserei.example.org", 2)[1];
        assertThat(report.getAllRecipients()[0].toString()).isEqualTo("rita@giesserei.example.org");
        assertThat(hasAttachment(report)).isTrue();
        // the report still links to the online result: the server opened the sealed token at the confirmation
        assertThat(Mails.text(report)).contains("Ihr Ergebnis online: http://localhost" + result);
        assertThat(pdfText(report).replaceAll("\\s+", "")).contains(result);
        assertThat(db().value("SELECT sealed_token FROM report_mail_confirmation WHERE token_hash = ?",
            Tokens.hash(codeOf(link)))).as("a used link forgets the token").isNull();

        // single use: the link is spent, another post sends nothing; its page says the address is confirmed (it once
        // said "not valid", also to whoever switched the page's language right after confirming)
        HttpResponse<String> again = stranger.postForm(link, Map.of());
        assertThat(again.statusCode()).isEqualTo(200);
        assertThat(again.body()).contains("Adresse bereits bestätigt", "wir haben nichts erneut gesendet")
            .doesNotContain("rita@giesserei.example.org", "nicht (mehr) gültig", "Bericht versendet");
        leaksNothingOfTheCheck(again, token, "Gießerei");
        HttpResponse<String> spent = http.get(link + "?lang=en");
        assertThat(spent.statusCode()).isEqualTo(200);
        assertThat(spent.body()).contains("Address already confirmed", "nothing has been sent again")
            .doesNotContain("rita@giesserei.example.org", "no longer valid", "<form");
        leaksNothingOfTheCheck(spent, token, "Gießerei");
        http.get(link + "?lang=de");
        Thread.sleep(300);
        assertThat(mailsTo("rita@giesserei.example.org")).as("no second report").hasSize(2);

        // confirmed for this check: the next request brings the report at once
        assertThat(answer(requestReport(token))).contains("E-Mail unterwegs");
        MimeMessage direct = awaitMailsTo("rita@giesserei.example.org", 3)[2];
        assertThat(hasAttachment(direct)).isTrue();
        assertThat(db().rows("SELECT * FROM report_mail_confirmation")).as("no address at rest")
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
        assertThat(other.postForm(link, Map.of(), "Accept-Language", confirming).statusCode()).isEqualTo(200);
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
        assertThat(confirmation.getContentLanguage()).containsExactly("en");

        // the page follows the browser's language like every page: a German browser sees it in German
        Http german = new Http(server, json);
        german.get("/?lang=de");
        assertThat(german.get(link, "Accept-Language", "de-DE").body()).contains("Adresse bestätigen und Bericht senden");
        assertThat(german.postForm(link, Map.of(), "Accept-Language", "de-DE").statusCode()).isEqualTo(200);

        MimeMessage report = awaitMailsTo("english@lang.example.org", 2)[1];
        assertThat(report.getSubject()).isEqualTo("Your digital readiness report (Digitalcheck 4.0)");
        assertThat(Mails.text(report)).contains("Attached is the report", "/check/" + token + "/result?lang=en")
            .doesNotContain("Guten Tag");
        assertThat(report.getContentLanguage()).as("the report's mail says it is English").containsExactly("en");
        assertThat(pdfText(report)).contains("Your digital readiness report")
            .doesNotContain("Ihr Bericht zum digitalen Reifegrad");
    }

    @Test
    void askedForInGermanTheReportGoesOutInGermanThoughAnEnglishBrowserConfirmsIt() throws Exception {
        MimeMessage report = askedInConfirmedIn("deutsch@lang.example.org", "de", "en");
        MimeMessage confirmation = mailsTo("deutsch@lang.example.org")[0];
        assertThat(confirmation.getSubject()).isEqualTo("Bitte bestätigen Sie Ihre E-Mail-Adresse (Digitalcheck 4.0)");
        assertThat(Mails.text(confirmation)).doesNotContain("lang=");
        assertThat(confirmation.getContentLanguage()).containsExactly("de");
        assertThat(report.getSubject()).isEqualTo("Ihr Bericht zum digitalen Reifegrad (Digitalcheck 4.0)");
        assertThat(Mails.text(report)).contains("im Anhang finden Sie den Bericht").doesNotContain("Hello", "lang=");
        assertThat(report.getContentLanguage()).as("the report's mail says it is German").containsExactly("de");
        assertThat(pdfText(report)).contains("Ihr Bericht zum digitalen Reifegrad")
            .doesNotContain("Your digital readiness report");
    }

    @Test
    void aConfirmationLinkWorksOnlyForItsCheckAndItsAddress() throws Exception {
        String mine = check("Werk A", "anna@werk.example.org");
        String other = check("Werk B", "anna@werk.example.org");
        requestReport(mine);
        String link = confirmationLink(awaitMailsTo("anna@werk.example.org", 1)[0], mine);

        // forged codes: well formed but unknown, malformed, too short — 410, nothing sent, never a server error
        for (String forged : new String[] {"A".repeat(43), "kurz", "A".repeat(44), "%2E%2E", codeOf(link) + "x"}) {
            HttpResponse<String> get = http.get("/report/confirm/" + forged);
            assertThat(get.statusCode()).as("GET " + forged).isEqualTo(410);
            assertThat(get.body()).contains("Dieser Bestätigungslink ist nicht (mehr) gültig");
            leaksNothingOfTheCheck(get, mine, "Werk");
            HttpResponse<String> post = http.postForm("/report/confirm/" + forged, Map.of());
            assertThat(post.statusCode()).as("POST " + forged).isEqualTo(410);
            leaksNothingOfTheCheck(post, mine, "Werk");
        }
        // the old form with another check's token: the token is left behind, the code alone counts
        HttpResponse<String> foreign = http.get("/check/" + other + "/report/confirm/" + codeOf(link));
        assertThat(foreign.statusCode()).isEqualTo(303);
        assertThat(foreign.headers().firstValue("Location").orElseThrow()).isEqualTo(link);
        Thread.sleep(300);
        assertThat(mailsTo("anna@werk.example.org")).as("no report for a forged link").hasSize(1);
        assertThat(http.get(link).statusCode()).as("still usable").isEqualTo(200);

        // confirming for one check does not confirm the other: it gets a confirmation link first
        assertThat(http.postForm(link, Map.of()).statusCode()).isEqualTo(200);
        MimeMessage report = awaitMailsTo("anna@werk.example.org", 2)[1];
        assertThat(Mails.text(report)).as("the report of the check it was asked for").contains("/check/" + mine + "/result")
            .doesNotContain(other);
        requestReport(other);
        MimeMessage third = awaitMailsTo("anna@werk.example.org", 3)[2];
        assertThat(hasAttachment(third)).isFalse();
        confirmationLink(third, other);
    }

    /** A link whose check's contact address changed since it was sent is not valid: it was for the old address. */
    @Test
    void aLinkIsNotValidOnceItsCheckHasAnotherAddress() throws Exception {
        String token = check("Umzug GmbH", "alt@umzug.example.org");
        requestReport(token);
        String link = confirmationLink(awaitMailsTo("alt@umzug.example.org", 1)[0], token);
        Map<String, String> profile = new java.util.LinkedHashMap<>(Map.of("name", "Umzug GmbH", "postalCode", "44135",
            "sector", "C", "employees", "42", "companyType", "OWN_PRODUCTS", "contactName", "Rita Rüdiger",
            "contactEmail", "neu@umzug.example.org"));
        assertThat(http.postForm("/check/" + token + "/profile", profile).statusCode()).isEqualTo(303);
        HttpResponse<String> page = http.get(link);
        assertThat(page.statusCode()).isEqualTo(410);
        leaksNothingOfTheCheck(page, token, "Umzug", "neu@umzug");
        assertThat(http.postForm(link, Map.of()).statusCode()).isEqualTo(410);
        Thread.sleep(300);
        assertThat(mailsTo("alt@umzug.example.org")).hasSize(1);
        assertThat(mailsTo("neu@umzug.example.org")).isEmpty();
    }

    @Test
    void anExpiredLinkIsNotValidAndIsDeletedADayLater() throws Exception {
        String token = check("Abgelaufen GmbH", "spaet@werk.example.org");
        requestReport(token);
        String link = confirmationLink(awaitMailsTo("spaet@werk.example.org", 1)[0], token);
        String hash = Tokens.hash(codeOf(link));
        db().execute("UPDATE report_mail_confirmation SET expires_at = ? WHERE token_hash = ?",
            Timestamp.from(Instant.now().minus(Duration.ofHours(3))), hash);
        HttpResponse<String> page = http.get(link);
        assertThat(page.statusCode()).isEqualTo(410);
        assertThat(page.body()).contains("Dieser Bestätigungslink ist nicht (mehr) gültig");
        leaksNothingOfTheCheck(page, token, "Abgelaufen");
        HttpResponse<String> post = http.postForm(link, Map.of());
        assertThat(post.statusCode()).isEqualTo(410);
        leaksNothingOfTheCheck(post, token, "Abgelaufen");
        Thread.sleep(300);
        assertThat(mailsTo("spaet@werk.example.org")).as("nothing sent for an expired link").hasSize(1);

        db().execute("UPDATE report_mail_confirmation SET expires_at = ? WHERE token_hash = ?",
            Timestamp.from(Instant.now().minus(Duration.ofDays(2))), hash);
        assertThat(mailing.deleteExpired()).isGreaterThanOrEqualTo(1);
        assertThat(db().value("SELECT COUNT(*) FROM report_mail_confirmation WHERE token_hash = ?", hash))
            .asString().isEqualTo("0");
        assertThat(http.get(link).statusCode()).isEqualTo(410);
    }

    /**
     * Links mailed before the confirmation kept the check's token sealed have none (column null): not valid, the
     * company asks again; nor does a sealed token opened with another code, or one moved to another row.
     */
    @Test
    void aLinkWithoutItsSealedTokenOrWithAnotherRowsIsNotValid() throws Exception {
        String first = check("Alt GmbH", "alt@siegel.example.org");
        String second = check("Neu GmbH", "neu@siegel.example.org");
        requestReport(first);
        requestReport(second);
        String oldLink = confirmationLink(awaitMailsTo("alt@siegel.example.org", 1)[0], first);
        String otherLink = confirmationLink(awaitMailsTo("neu@siegel.example.org", 1)[0], second);
        String oldHash = Tokens.hash(codeOf(oldLink));
        String otherHash = Tokens.hash(codeOf(otherLink));

        db().execute("UPDATE report_mail_confirmation SET sealed_token = NULL WHERE token_hash = ?", oldHash);
        HttpResponse<String> page = http.get(oldLink);
        assertThat(page.statusCode()).isEqualTo(410);
        leaksNothingOfTheCheck(page, first, "Alt GmbH");
        assertThat(http.postForm(oldLink, Map.of()).statusCode()).isEqualTo(410);

        // the other row's sealed token moved here: it does not open with this code
        Object sealed = db().value("SELECT sealed_token FROM report_mail_confirmation WHERE token_hash = ?", otherHash);
        db().execute("UPDATE report_mail_confirmation SET sealed_token = ? WHERE token_hash = ?", sealed, oldHash);
        assertThat(http.get(oldLink).statusCode()).isEqualTo(410);
        assertThat(http.postForm(oldLink, Map.of()).statusCode()).isEqualTo(410);
        // altered where it lies: it does not open either
        String altered = sealed.toString().substring(0, sealed.toString().length() - 2) + "AA";
        db().execute("UPDATE report_mail_confirmation SET sealed_token = ? WHERE token_hash = ?", altered, otherHash);
        assertThat(http.get(otherLink).statusCode()).isEqualTo(410);
        db().execute("UPDATE report_mail_confirmation SET sealed_token = ? WHERE token_hash = ?", sealed, otherHash);
        assertThat(http.get(otherLink).statusCode()).as("its own again").isEqualTo(200);
        Thread.sleep(300);
        assertThat(mailsTo("alt@siegel.example.org")).hasSize(1);
        assertThat(mailsTo("neu@siegel.example.org")).hasSize(1);
    }

    /**
     * A link mailed in the old form ({@code /check/{token}/report/confirm/{code}}) goes on to the token-free page,
     * without the token and in the language it named; its page shows no token either. Its form, posted, goes on too.
     */
    @Test
    void anOldFormLinkGoesOnToTheTokenFreePage() throws Exception {
        String token = check("Altlink GmbH", "altlink@werk.example.org");
        http.get("/check/" + token + "/result?lang=en");
        requestReport(token);
        String link = confirmationLink(awaitMailsTo("altlink@werk.example.org", 1)[0], token);
        String old = "/check/" + token + "/report/confirm/" + codeOf(link);

        Http stranger = new Http(server, json);
        HttpResponse<String> redirected = stranger.get(old + "?lang=en");
        assertThat(redirected.statusCode()).isEqualTo(303);
        assertThat(redirected.headers().firstValue("Location").orElseThrow()).isEqualTo(link + "?lang=en");
        leaksNothingOfTheCheck(redirected, token, "Altlink");
        assertThat(stranger.get(old).headers().firstValue("Location").orElseThrow()).isEqualTo(link);
        HttpResponse<String> page = stranger.get(link + "?lang=en");
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("Confirm address and send report");
        leaksNothingOfTheCheck(page, token, "Altlink");

        HttpResponse<String> posted = stranger.postForm(old, Map.of());
        assertThat(posted.statusCode()).as("an old page's form goes on, using nothing up").isEqualTo(303);
        assertThat(posted.headers().firstValue("Location").orElseThrow()).isEqualTo(link);
        assertThat(stranger.postRawForm(old, Map.of()).statusCode()).as("its CSRF token is checked").isEqualTo(403);
        // an unknown token or code goes on the same way: the old route looks nothing up
        assertThat(stranger.get("/check/" + "A".repeat(43) + "/report/confirm/" + "B".repeat(43))
            .headers().firstValue("Location").orElseThrow()).isEqualTo("/report/confirm/" + "B".repeat(43));
        assertThat(stranger.get("/report/confirm/" + "B".repeat(43)).statusCode()).isEqualTo(410);
        Thread.sleep(300);
        assertThat(mailsTo("altlink@werk.example.org")).as("nothing used up").hasSize(1);
        assertThat(stranger.get(link).statusCode()).isEqualTo(200);
    }

    /** Erasing a check (its own link) deletes its confirmations, sealed tokens with them; its link is not valid. */
    @Test
    void erasingTheCheckDeletesItsConfirmations() throws Exception {
        String token = check("Vergessen GmbH", "vergessen@werk.example.org");
        requestReport(token);
        String link = confirmationLink(awaitMailsTo("vergessen@werk.example.org", 1)[0], token);
        Object id = db().value("SELECT assessment_id FROM report_mail_confirmation WHERE token_hash = ?",
            Tokens.hash(codeOf(link)));
        assertThat(http.postForm("/check/" + token + "/loeschen", Map.of()).statusCode()).isEqualTo(200);
        assertThat(db().value("SELECT COUNT(*) FROM report_mail_confirmation WHERE assessment_id = ?", id))
            .asString().isEqualTo("0");
        HttpResponse<String> page = http.get(link);
        assertThat(page.statusCode()).isEqualTo(410);
        leaksNothingOfTheCheck(page, token, "Vergessen");
        assertThat(http.postForm(link, Map.of()).statusCode()).isEqualTo(410);
    }

    /** The company's own erasure by address ("Mein Unternehmen") deletes the confirmations of its address. */
    @Test
    void erasingTheAddressDeletesItsConfirmations() throws Exception {
        String token = check("Adresse weg GmbH", "weg@werk.example.org");
        requestReport(token);
        String link = confirmationLink(awaitMailsTo("weg@werk.example.org", 1)[0], token);
        assertThat(personalData.erase("weg@werk.example.org")).containsKey("reportMailConfirmations");
        assertThat(db().value("SELECT COUNT(*) FROM report_mail_confirmation WHERE token_hash = ?",
            Tokens.hash(codeOf(link)))).asString().isEqualTo("0");
        assertThat(http.get(link).statusCode()).isEqualTo(410);
    }

    /**
     * The answers are the server's word: a link crafted with {@code ?report=sent} or {@code ?report=limit} (it said a
     * mail was on its way, or that today's five were sent, though nothing had happened) shows neither, and no empty
     * answer box; nor does an answer left for one check show on another's page, nor a note cookie not the server's.
     */
    @Test
    void aCraftedAddressShowsNoAnswer() throws Exception {
        String token = check("Gefälscht GmbH", "crafted@werk.example.org");
        String result = "/check/" + token + "/result";
        for (String query : new String[] {"?report=sent", "?report=limit", "?report=sent&report=limit"}) {
            for (Http reader : new Http[] {http, new Http(server, json)}) {
                HttpResponse<String> page = reader.get(result + query);
                assertThat(page.statusCode()).isEqualTo(200);
                assertThat(page.body()).as(query).contains("Bericht per E-Mail senden")
                    .doesNotContain("E-Mail unterwegs", "Heute keine weitere E-Mail", "haben wir heute schon",
                        "report-mail-outcome");
                assertThat(reportSection(page.body())).as("no empty answer box").doesNotContain("kern-alert");
            }
        }
        // a note cookie someone else set (not signed by the server) says nothing either
        Http forged = new Http(server, json);
        java.net.HttpCookie cookie = new java.net.HttpCookie("flash",
            java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(
                (java.time.Instant.now().plusSeconds(60).getEpochSecond() + "|sent").getBytes()) + ".AAAA");
        cookie.setPath(result);
        forged.cookies().getCookieStore().add(java.net.URI.create(server.getURL().toString()), cookie);
        assertThat(forged.get(result).body()).doesNotContain("E-Mail unterwegs", "report-mail-outcome");

        // the real request: its answer on its own check's page only, once
        String other = check("Andere GmbH", "other@werk.example.org");
        HttpResponse<String> requested = requestReport(token);
        assertThat(http.get("/check/" + other + "/result").body()).doesNotContain("E-Mail unterwegs");
        String answered = answer(requested);
        assertThat(answered).contains("E-Mail unterwegs");
        assertThat(reportSection(answered)).contains("kern-alert--success");
        assertThat(reportSection(http.get(result).body())).doesNotContain("kern-alert", "E-Mail unterwegs");
    }

    /** The result page's report section. */
    static String reportSection(String page) {
        int start = page.indexOf("id=\"report-title\"");
        assertThat(start).isPositive();
        return page.substring(start, page.indexOf("</section>", start));
    }

    /**
     * The limit counts mailboxes, not spellings: mails to {@code name+1@} and {@code name+2@} all reach
     * {@code name@}'s mailbox (it was walked around with subaddresses, five mails a day to each). The mails still go
     * to the address as the check has it.
     */
    @Test
    void theLimitCountsOneMailboxHoweverItsAddressIsTagged() throws Exception {
        String name = "tag-" + java.util.UUID.randomUUID().toString().substring(0, 8);
        String first = check("Tag Eins", name + "+1@werk.example.org");
        String second = check("Tag Zwei", name + "+2@werk.example.org");
        for (int i = 0; i < 3; i++) {
            requestReport(first);
        }
        requestReport(second);
        requestReport(second);
        awaitMailsTo(name + "+1@werk.example.org", 3);
        awaitMailsTo(name + "+2@werk.example.org", 2);
        assertThat(answer(requestReport(second))).contains("Heute keine weitere E-Mail an diese Adresse");
        assertThat(answer(requestReport(first))).contains("Heute keine weitere E-Mail an diese Adresse");
        Thread.sleep(500);
        assertThat(mailsTo(name + "+1@werk.example.org").length + mailsTo(name + "+2@werk.example.org").length)
            .as("five mails to the one mailbox").isEqualTo(5);
    }

    @Test
    void theSixthMailToOneAddressInADayIsRefusedAcrossChecks() throws Exception {
        String address = "quota@werk.example.org";
        String first = check("Quote Eins", address);
        String second = check("Quote Zwei", address);
        requestReport(first);                                               // 1: confirmation
        String link = confirmationLink(awaitMailsTo(address, 1)[0], first);
        http.postForm(link, Map.of());                                       // 2: report
        requestReport(first);                                               // 3: report
        requestReport(second);                                              // 4: confirmation of the other check
        requestReport(first);                                               // 5: report
        awaitMailsTo(address, 5);

        HttpResponse<String> sixth = requestReport(second);
        assertThat(sixth.statusCode()).isEqualTo(303);
        assertThat(sixth.headers().firstValue("Location").orElseThrow())
            .isEqualTo("/check/" + second + "/result#report-mail-outcome");
        String page = answer(sixth);
        assertThat(page).contains("Heute keine weitere E-Mail an diese Adresse",
            "An <span class=\"dc-address\">quota@<wbr>werk.<wbr>example.<wbr>org</span> haben wir heute schon 5 E-Mails "
                + "geschickt").doesNotContain("E-Mail unterwegs");
        assertThat(http.get("/check/" + second + "/result").body()).as("once")
            .doesNotContain("haben wir heute schon 5 E-Mails geschickt");
        assertThat(answer(requestReport(first))).contains("haben wir heute schon 5 E-Mails geschickt");
        Thread.sleep(500);
        assertThat(mailsTo(address)).as("no sixth mail").hasSize(5);

        // the other check's link, confirmed now: the address is confirmed, the report waits for tomorrow
        String secondLink = null;
        for (MimeMessage mail : mailsTo(address)) {
            if (!hasAttachment(mail) && !Mails.text(mail).contains(link)) {
                secondLink = confirmationLink(mail, second);
            }
        }
        assertThat(secondLink).isNotNull();
        HttpResponse<String> limited = http.postForm(secondLink, Map.of());
        assertThat(limited.statusCode()).isEqualTo(429);
        assertThat(limited.headers().firstValue("Retry-After")).isPresent();
        assertThat(limited.body()).contains("Adresse bestätigt, aber heute keine weitere E-Mail",
            "An <span class=\"dc-address\">quota@<wbr>werk.<wbr>example.<wbr>org</span> haben wir heute aber schon "
                + "5 E-Mails geschickt");
        leaksNothingOfTheCheck(limited, second, "Quote");
        assertThat(http.get(secondLink).body()).as("used: the address is confirmed for it")
            .contains("Adresse bereits bestätigt");
        Thread.sleep(300);
        assertThat(mailsTo(address)).as("still no sixth mail").hasSize(5);

        // another address is not affected
        String elsewhere = check("Anderswo", "anders@werk.example.org");
        assertThat(answer(requestReport(elsewhere))).contains("E-Mail unterwegs")
            .doesNotContain("haben wir heute schon 5 E-Mails geschickt");
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
        String pageA = answer(a);
        String pageB = answer(b);
        assertThat(pageA).contains("E-Mail unterwegs");
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
