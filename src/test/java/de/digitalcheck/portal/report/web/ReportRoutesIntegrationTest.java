package de.digitalcheck.portal.report.web;

import de.digitalcheck.portal.readiness.CompanyType;
import de.digitalcheck.portal.readiness.Questionnaires;
import de.digitalcheck.portal.readiness.Assessments;
import de.digitalcheck.portal.support.PdfText;
import de.digitalcheck.portal.support.CompletedChecks;
import de.digitalcheck.portal.support.Http;
import de.digitalcheck.portal.support.SmtpServer;
import io.micronaut.json.JsonMapper;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import jakarta.mail.BodyPart;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.io.InputStream;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The report over HTTP: the API's {@code reportUrl}, the result page's download link and its "send by email" form
 * (a real SMTP server, GreenMail).
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ReportRoutesIntegrationTest implements TestPropertyProvider {

    final SmtpServer smtp = new SmtpServer();

    @Inject
    EmbeddedServer server;
    @Inject
    JsonMapper json;
    @Inject
    Questionnaires questionnaires;
    @Inject
    Assessments assessments;
    @Inject
    javax.sql.DataSource dataSource;

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
    }

    Map<String, Object> submitted(String name, String language, boolean contact) {
        CompletedChecks check = CompletedChecks.of(questionnaires.current()).named(name).in(language);
        if (contact) {
            check.contact("Rita Rüdiger", "rita@giesserei.example.org");
        }
        return check.submit(http).document();
    }

    static String path(Map<String, Object> doc, String member) {
        return ((String) doc.get(member)).substring("http://localhost".length());
    }

    @Test
    void theApiServesThePdfAsADownloadInTheChecksLanguageOrTheRequestedOne() {
        Map<String, Object> doc = submitted("Gießerei Rüdiger & Söhne", "en", false);
        HttpResponse<byte[]> pdf = http.getBytes(path(doc, "reportUrl"));
        assertThat(pdf.statusCode()).isEqualTo(200);
        assertThat(pdf.headers().firstValue("Content-Type")).contains("application/pdf");
        String today = LocalDate.now(ZoneId.of("Europe/Berlin")).toString();
        assertThat(pdf.headers().firstValue("Content-Disposition")).contains("attachment; filename=\"digitalcheck-"
            + "giesserei-ruediger-soehne-" + today + ".pdf\"; filename*=UTF-8''digitalcheck-Gie%C3%9Ferei-R%C3%BCdiger-S%C3%B6hne-"
            + today + ".pdf");
        assertThat(pdf.headers().firstValue("Cache-Control")).contains("private, no-store");
        assertThat(PdfText.of(pdf.body())).contains("Gießerei Rüdiger & Söhne", "Your digital readiness report",
            "Wirtschaftsförderung Dortmund");
        assertThat(PdfText.of(http.getBytes(path(doc, "reportUrl") + "&lang=de").body())).contains("Ihr Bericht zum digitalen Reifegrad");
        // lang twice: the first speaks (Micronaut's binding joined them, "de,de", and the check's English was used)
        assertThat(PdfText.of(http.getBytes(path(doc, "reportUrl") + "&lang=de&lang=de").body()))
            .contains("Ihr Bericht zum digitalen Reifegrad");
    }

    @Test
    void wrongTokensUnknownIdsDraftsAndLanguagesAreProblems() {
        Map<String, Object> doc = submitted("Stahlbau Witten GmbH", "de", false);
        String id = (String) doc.get("id");
        for (String path : new String[] {"/api/v1/assessments/" + id + "/report?token=" + "A".repeat(43),
            "/api/v1/assessments/" + id + "/report", "/api/v1/assessments/unknown/report?token=" + doc.get("token")}) {
            HttpResponse<String> response = http.get(path);
            assertThat(response.statusCode()).as(path).isEqualTo(404);
            assertThat(response.headers().firstValue("Content-Type")).get().asString().startsWith("application/problem+json");
            assertThat(http.map(response)).containsEntry("detail", "Es gibt keinen Selbstcheck mit dieser Kennung und diesem Token.");
        }
        HttpResponse<String> french = http.get(path(doc, "reportUrl") + "&lang=fr");
        assertThat(french.statusCode()).isEqualTo(422);
        assertThat(french.body()).contains("\"field\":\"lang\"");

        String token = http.postForm("/check", Map.of("name", "Entwurf GmbH", "postalCode", "44135", "sector", "C",
            "employees", "5", "companyType", "TRADE")).headers().firstValue("Location").orElseThrow().split("/")[2];
        String draftId = assessments.byToken(token).orElseThrow().id().value();
        HttpResponse<String> draft = http.get("/api/v1/assessments/" + draftId + "/report?token=" + token + "&lang=en");
        assertThat(draft.statusCode()).isEqualTo(409);
        assertThat(draft.headers().firstValue("Content-Type")).get().asString().startsWith("application/problem+json");
        assertThat(http.map(draft)).containsEntry("status", 409)
            .containsEntry("detail", "The self-check is not complete yet. The report exists once every question is answered.");
        assertThat(http.get("/check/" + token + "/report.pdf").statusCode()).isEqualTo(303);
    }

    /**
     * A check submitted in English through the API hands out links that open English pages: its {@code resultUrl} (the
     * pages are German unless a language is named) and the link on its English report's cover; a German check's links
     * name no language. Before, an English API client's user landed on a German result page.
     */
    @Test
    void anEnglishChecksLinksOpenEnglishPages() {
        Map<String, Object> english = submitted("Pumpenbau Unna", "en", false);
        String token = (String) english.get("token");
        assertThat((String) english.get("resultUrl")).endsWith("/check/" + token + "/result?lang=en");
        assertThat(http.get(path(english, "resultUrl")).body()).contains("<html lang=\"en\"", "Pumpenbau Unna");
        assertThat(PdfText.of(http.getBytes(path(english, "reportUrl")).body()).replaceAll("\\s+", ""))
            .contains("/check/" + token + "/result?lang=en");
        assertThat(PdfText.of(http.getBytes(path(english, "reportUrl") + "&lang=de").body()).replaceAll("\\s+", ""))
            .as("the German report of the same check links to the German page")
            .contains("/check/" + token + "/result").doesNotContain("result?lang=");

        Map<String, Object> german = submitted("Pumpenbau Hagen", "de", false);
        assertThat((String) german.get("resultUrl")).endsWith("/check/" + german.get("token") + "/result");
        Http fresh = new Http(server, json);
        assertThat(fresh.get(path(german, "resultUrl")).body()).contains("<html lang=\"de\"");
    }

    @Test
    void theResultPageLinksToThePdfInThePagesLanguage() {
        Map<String, Object> doc = submitted("Werkzeugbau Unna", "de", false);
        String result = path(doc, "resultUrl");
        String page = http.get(result + "?lang=en").body();
        String token = (String) doc.get("token");
        assertThat(page).contains("href=\"/check/" + token + "/report.pdf\"", "Download the report (PDF)")
            .doesNotContain("/report/email");
        HttpResponse<byte[]> pdf = http.getBytes("/check/" + token + "/report.pdf");
        assertThat(pdf.statusCode()).isEqualTo(200);
        assertThat(pdf.headers().firstValue("Content-Disposition")).get().asString().startsWith("attachment;");
        assertThat(pdf.headers().firstValue("Cache-Control")).contains("private, no-store");
        assertThat(PdfText.of(pdf.body())).contains("Your digital readiness report", "Werkzeugbau Unna");
        HttpResponse<String> unknown = http.get("/check/" + "B".repeat(43) + "/report.pdf");
        assertThat(unknown.statusCode()).isEqualTo(404);
        assertThat(unknown.body()).contains("This link is not valid (any more)"); // the page language stays English (cookie)
    }

    @Test
    void onRequestThePdfIsMailedToTheChecksContactOnly() throws Exception {
        Map<String, Object> doc = submitted("Gießerei Rüdiger", "de", true);
        String token = (String) doc.get("token");
        String result = path(doc, "resultUrl");
        assertThat(http.get(result).body()).contains("action=\"/check/" + token + "/report/email\"",
            "Bericht per E-Mail senden", "rita@giesserei.example.org", "Höchstens 5 E-Mails pro Adresse und Tag");
        smtp.purge();

        HttpResponse<String> sent = http.postForm("/check/" + token + "/report/email", Map.of("email", "attacker@example.org"));
        assertThat(sent.statusCode()).isEqualTo(303);
        assertThat(sent.headers().firstValue("Location")).get().asString()
            .as("back to where the answer is").isEqualTo(result + "#report-mail-outcome");
        // first a confirmation link (ReportMailConfirmationIntegrationTest), to the check's contact only
        MimeMessage confirmation = smtp.awaitMailTo("rita@giesserei.example.org", "the confirmation link",
            m -> de.digitalcheck.portal.support.Mails.text(m).contains("/report/confirm/"));
        assertThat(smtp.receivedFor("attacker@example.org")).as("nothing to the address typed in").isEmpty();
        java.util.regex.Matcher link = java.util.regex.Pattern.compile("http://localhost(/report/confirm/[A-Za-z0-9_-]{43})")
            .matcher(de.digitalcheck.portal.support.Mails.text(confirmation));
        assertThat(link.find()).isTrue();
        assertThat(de.digitalcheck.portal.support.Mails.text(confirmation)).as("no check token in the confirmation")
            .doesNotContain(token);
        assertThat(http.postForm(link.group(1), Map.of()).statusCode()).isEqualTo(200);

        MimeMessage report = smtp.awaitMailTo("rita@giesserei.example.org", "the report (a mail with the PDF)",
            de.digitalcheck.portal.support.Mails::hasPdf);
        assertThat(report.getSubject()).as("no free text in the subject")
            .isEqualTo("Ihr Bericht zum digitalen Reifegrad (Digitalcheck 4.0)");
        assertThat(smtp.receivedFor("attacker@example.org")).as("nothing to the address typed in").isEmpty();
        Part attachment = attachment(report);
        // the name it downloads under: the ASCII name and the company's spelling (it once came as the ASCII name only)
        String today = LocalDate.now(ZoneId.of("Europe/Berlin")).toString();
        assertThat(attachment.getFileName()).isEqualTo("digitalcheck-Gießerei-Rüdiger-" + today + ".pdf");
        String download = http.getBytes(path(doc, "reportUrl")).headers().firstValue("Content-Disposition").orElseThrow();
        assertThat(download).isEqualTo("attachment; filename=\"digitalcheck-giesserei-ruediger-" + today + ".pdf\"; "
            + "filename*=UTF-8''digitalcheck-Gie%C3%9Ferei-R%C3%BCdiger-" + today + ".pdf");
        assertThat(jakarta.mail.internet.MimeUtility.unfold(attachment.getHeader("Content-Disposition")[0]))
            .isEqualTo(download);
        assertThat(attachment.getContentType()).startsWith("application/pdf");
        byte[] pdf;
        try (InputStream in = attachment.getInputStream()) {
            pdf = in.readAllBytes();
        }
        assertThat(PdfText.of(pdf)).contains("Gießerei Rüdiger", "Ihr Bericht zum digitalen Reifegrad");
        assertThat(PdfText.of(pdf).replaceAll("\\s+", "")).as("the link back to the online result")
            .contains("/check/" + token + "/result");
    }

    @Test
    void aMailRequestForACheckWithoutContactOrAnUnknownTokenSendsNothing() throws Exception {
        Map<String, Object> doc = submitted("Ohne Kontakt GmbH", "de", false);
        smtp.purge();
        de.digitalcheck.portal.support.Database db = new de.digitalcheck.portal.support.Database(dataSource);
        Object queued = db.value("SELECT COUNT(*) FROM mail_outbox");
        HttpResponse<String> response = http.postForm("/check/" + doc.get("token") + "/report/email", Map.of());
        assertThat(response.statusCode()).isEqualTo(303);
        assertThat(response.headers().firstValue("Location")).get().asString().doesNotContain("report=sent");
        HttpResponse<String> unknown = http.postForm("/check/" + "C".repeat(43) + "/report/email", Map.of());
        assertThat(unknown.statusCode()).isEqualTo(303);
        String next = unknown.headers().firstValue("Location").orElseThrow();
        assertThat(next).isEqualTo("/check/" + "C".repeat(43) + "/result");
        assertThat(http.get(next).statusCode()).isEqualTo(404);
        // the outbox sends after the answer: nothing queued is what shows that nothing will be sent
        assertThat(db.value("SELECT COUNT(*) FROM mail_outbox")).as("no mail queued").isEqualTo(queued);
        assertThat(smtp.received()).isEmpty();
    }

    static Part attachment(Part part) throws Exception {
        if (Part.ATTACHMENT.equalsIgnoreCase(part.getDisposition())) {
            return part;
        }
        if (part.getContent() instanceof Multipart multipart) {
            for (int i = 0; i < multipart.getCount(); i++) {
                BodyPart body = multipart.getBodyPart(i);
                Part found = attachment(body);
                if (found != null) {
                    return found;
                }
            }
        }
        return null;
    }
}
