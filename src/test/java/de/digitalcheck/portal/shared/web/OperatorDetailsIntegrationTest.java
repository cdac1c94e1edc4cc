package de.digitalcheck.portal.shared.web;

import de.digitalcheck.portal.support.Http;
import io.micronaut.context.ApplicationContext;
import io.micronaut.json.JsonMapper;
import io.micronaut.runtime.server.EmbeddedServer;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The imprint names the installation's provider and the privacy notice its controller, both from the configuration
 * ({@code OPERATOR_*}), escaped, in German and English; an installation that has not entered them says so and shows
 * nobody else's address. {@code /.well-known/security.txt} (RFC 9116) names the security contacts, or is not there.
 */
class OperatorDetailsIntegrationTest {

    @Test
    void theImprintAndThePrivacyNoticeNameTheConfiguredOperator() {
        Map<String, Object> operator = new LinkedHashMap<>();
        operator.put("portal.operator.name", "Wirtschaftsförderung <b>Dortmund</b>");
        operator.put("portal.operator.address", "Töllnerstraße 9-11;  ; 44122 Dortmund");
        operator.put("portal.operator.email", "wirtschaftsfoerderung@dortmund.example.org");
        operator.put("portal.operator.phone", "+49 231 50-0");
        operator.put("portal.operator.representative", "die Geschäftsführung");
        operator.put("portal.operator.register", "Amtsgericht Dortmund, HRB 0000");
        operator.put("portal.operator.vat-id", "DE000000000");
        operator.put("portal.operator.editor", "Erika Mustermann, Töllnerstraße 9-11, 44122 Dortmund");
        operator.put("portal.operator.privacy-officer", "datenschutz@dortmund.example.org");
        operator.put("portal.operator.supervisory-authority", "LDI NRW");
        operator.put("portal.operator.security-contact",
            "cert@dortmund.example.org, https://dortmund.example.org/sicherheit http://plain.example.org; nur-ein-name");
        operator.put("portal.operator.security-policy", "https://dortmund.example.org/meldungen");
        operator.put("portal.operator.processors", "Rechenzentrum <b>Ruhr</b> GmbH (Betrieb), Post AG (E-Mail-Versand)");
        operator.put("portal.base-url", "https://digitalcheck.dortmund.example.org");
        try (EmbeddedServer server = ApplicationContext.run(EmbeddedServer.class, operator, "test")) {
            Http http = new Http(server, server.getApplicationContext().getBean(JsonMapper.class));

            String imprint = http.get("/impressum?lang=de").body();
            assertThat(imprint).contains("<h2 class=\"kern-heading-medium\" id=\"provider-title\">Anbieter</h2>",
                "Wirtschaftsförderung &lt;b&gt;Dortmund&lt;/b&gt;<br>Töllnerstraße 9-11<br>44122 Dortmund</p>",
                "Vertreten durch: die Geschäftsführung",
                "href=\"mailto:wirtschaftsfoerderung@dortmund.example.org\"", "Telefon: +49 231 50-0",
                "Registereintrag: Amtsgericht Dortmund, HRB 0000", "Umsatzsteuer-Identifikationsnummer: DE000000000",
                "Verantwortlich für den Inhalt nach § 18 Abs. 2 MStV", "Erika Mustermann, Töllnerstraße 9-11",
                "href=\"/datenschutz\"")
                .doesNotContain("<b>Dortmund</b>", "noch nicht eingetragen", "example.org\">kontakt@");

            String privacy = http.get("/datenschutz?lang=de").body();
            assertThat(privacy).contains("Verantwortlich für die Verarbeitung Ihrer Daten",
                "Wirtschaftsförderung &lt;b&gt;Dortmund&lt;/b&gt;<br>Töllnerstraße 9-11<br>44122 Dortmund<br>",
                "href=\"mailto:wirtschaftsfoerderung@dortmund.example.org\"",
                "Datenschutzbeauftragte oder Datenschutzbeauftragter: datenschutz@dortmund.example.org",
                "(Art. 77 DSGVO), für uns zuständig: LDI NRW").doesNotContain("noch nicht eingetragen");
            assertThat(basis(privacy, "check")).isEqualTo("Selbstcheck, Ergebnis und Bericht (auch per E-Mail) sowie "
                + "„Mein Unternehmen“: Art. 6 Abs. 1 lit. b DSGVO (ein Dienst, den Sie bei uns anfragen).");
            assertThat(basis(privacy, "booking")).contains(": Art. 6 Abs. 1 lit. b DSGVO (ein Dienst,");
            assertThat(basis(privacy, "security")).contains(": Art. 6 Abs. 1 lit. f DSGVO; unser berechtigtes Interesse");
            assertThat(basis(privacy, "sharing")).contains("nur mit Ihrer Einwilligung (Art. 6 Abs. 1 lit. a DSGVO)");
            assertThat(basis(privacy, "cookies")).contains("(§ 25 Abs. 2 Nr. 2 TDDDG)");
            assertThat(basis(privacy, "processors")).isEqualTo("Für uns und nur nach unseren Weisungen verarbeiten Daten "
                + "außerdem (Auftragsverarbeitung, Art. 28 DSGVO): Rechenzentrum &lt;b&gt;Ruhr&lt;/b&gt; GmbH (Betrieb), Post AG "
                + "(E-Mail-Versand).");
            assertThat(privacy).doesNotContain("lit. e");

            String english = http.get("/impressum?lang=en").body() + http.get("/datenschutz?lang=en").body();
            assertThat(english).contains("Provider", "Represented by: die Geschäftsführung", "Telephone: +49 231 50-0",
                "VAT identification number: DE000000000", "The controller of your data",
                "Data protection officer: datenschutz@dortmund.example.org", "(Art. 77 GDPR); the one responsible for us: LDI NRW")
                .doesNotContain("not been entered");
            assertThat(basis(english, "check")).endsWith("“My company”: Art. 6(1)(b) GDPR (a service you ask us for).");
            assertThat(basis(english, "security")).contains(": Art. 6(1)(f) GDPR; our legitimate interest");
            // the processors as the operator wrote them, in German: marked as such on the English page (WCAG 3.1.2)
            assertThat(basis(english, "processors")).isEqualTo("On our behalf and only on our instructions, data are "
                + "also processed by (processors, Art. 28 GDPR): <span lang=\"de\">Rechenzentrum &lt;b&gt;Ruhr&lt;/b&gt; "
                + "GmbH (Betrieb), Post AG (E-Mail-Versand)</span>.");

            HttpResponse<String> securityTxt = http.get("/.well-known/security.txt");
            assertThat(securityTxt.statusCode()).isEqualTo(200);
            assertThat(securityTxt.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("text/plain").containsIgnoringCase("charset=utf-8"));
            List<String> lines = securityTxt.body().lines().toList();
            assertThat(lines).containsSubsequence("Contact: mailto:cert@dortmund.example.org",
                    "Contact: https://dortmund.example.org/sicherheit")
                .contains("Policy: https://dortmund.example.org/meldungen", "Preferred-Languages: de, en",
                    "Canonical: https://digitalcheck.dortmund.example.org/.well-known/security.txt")
                .noneMatch(line -> line.contains("plain.example.org") || line.contains("nur-ein-name"));
            Instant expires = Instant.parse(lines.stream().filter(l -> l.startsWith("Expires: ")).findFirst()
                .orElseThrow().substring("Expires: ".length()));
            // 180 days from the start of the (UTC) day it was answered on, which may be the day before the test reads the clock
            assertThat(expires).isBetween(Instant.now().plus(Duration.ofDays(178)), Instant.now().plus(Duration.ofDays(181)));
            assertThat(http.get("/.well-known/security.txt/").statusCode()).isEqualTo(200);
        }
    }

    @Test
    void aPublicBodyProcessesForItsTaskAndNamesTheLawThatAssignsIt() {
        Map<String, Object> publicBody = Map.of("portal.operator.name", "Stadt Beispielstadt, Wirtschaftsförderung",
            "portal.operator.public-body", "true", "portal.operator.public-task", "§ 3 Abs. 1 DSG NRW <i>i. V. m.</i> § 8 GO NRW");
        try (EmbeddedServer server = ApplicationContext.run(EmbeddedServer.class, publicBody, "test")) {
            Http http = new Http(server, server.getApplicationContext().getBean(JsonMapper.class));
            String privacy = http.get("/datenschutz?lang=de").body();
            String task = "Art. 6 Abs. 1 lit. e DSGVO (Wahrnehmung einer Aufgabe im öffentlichen Interesse) in Verbindung "
                + "mit § 3 Abs. 1 DSG NRW &lt;i&gt;i. V. m.&lt;/i&gt; § 8 GO NRW";
            assertThat(basis(privacy, "check")).endsWith(": " + task + ".");
            assertThat(basis(privacy, "booking")).contains(": " + task + ". Den Termin");
            assertThat(basis(privacy, "security")).as("no legitimate interest for a public body's tasks (Art. 6 (1))")
                .endsWith(": " + task + ".");
            assertThat(basis(privacy, "sharing")).contains("(Art. 6 Abs. 1 lit. a DSGVO)");
            assertThat(privacy).doesNotContain("lit. b", "lit. f", "<i>");
            String english = http.get("/datenschutz?lang=en").body();
            assertThat(basis(english, "check")).endsWith(": Art. 6(1)(e) GDPR (a task carried out in the public interest) "
                + "in conjunction with § 3 Abs. 1 DSG NRW &lt;i&gt;i. V. m.&lt;/i&gt; § 8 GO NRW.");
        }
        Map<String, Object> withoutLaw = Map.of("portal.operator.name", "Kreis Beispiel", "portal.operator.public-body", "true");
        try (EmbeddedServer server = ApplicationContext.run(EmbeddedServer.class, withoutLaw, "test")) {
            Http http = new Http(server, server.getApplicationContext().getBean(JsonMapper.class));
            assertThat(basis(http.get("/datenschutz?lang=de").body(), "check")).endsWith(
                ": Art. 6 Abs. 1 lit. e DSGVO (Wahrnehmung einer Aufgabe im öffentlichen Interesse).");
        }
    }

    /** The text of the privacy notice's list item on one purpose's legal basis. */
    private static String basis(String page, String purpose) {
        String start = "<li id=\"basis-" + purpose + "\">";
        int from = page.indexOf(start);
        assertThat(from).as("the item on %s", purpose).isNotNegative();
        return page.substring(from + start.length(), page.indexOf("</li>", from));
    }

    @Test
    void withoutTheOperatorsDetailsThePagesSaySoAndNameNobodyElse() {
        Map<String, Object> blank = Map.of("portal.operator.name", "  ", "portal.operator.email", "");
        try (EmbeddedServer server = ApplicationContext.run(EmbeddedServer.class, blank, "test")) {
            Http http = new Http(server, server.getApplicationContext().getBean(JsonMapper.class));
            String imprint = http.get("/impressum?lang=de").body();
            assertThat(imprint).contains("Die Angaben zum Anbieter dieses Portals sind noch nicht eingetragen.")
                .doesNotContain("id=\"provider-title\"", "mailto:", "example.org", "Vertreten durch");
            String privacy = http.get("/datenschutz?lang=de").body();
            assertThat(privacy).contains("Die Angaben zum Verantwortlichen sind noch nicht eingetragen.",
                    "Beschwerde bei einer Datenschutz-Aufsichtsbehörde (Art. 77 DSGVO)</li>")
                .doesNotContain("mailto:", "Datenschutzbeauftragte oder", "für uns zuständig");
            assertThat(basis(privacy, "check")).as("the legal bases do not depend on the operator's name")
                .contains("Art. 6 Abs. 1 lit. b DSGVO");
            assertThat(privacy).as("no processors named, none claimed").doesNotContain("basis-processors", "Art. 28");
            assertThat(privacy).as("rate limits off in tests: no check values kept, none claimed")
                .doesNotContain("retention-rate-limits", "Zeitfensters");
            assertThat(http.get("/impressum?lang=en").body()).contains("have not been entered yet");
            assertThat(http.get("/.well-known/security.txt").statusCode()).as("no contact, no file").isEqualTo(404);
        }
    }
}
