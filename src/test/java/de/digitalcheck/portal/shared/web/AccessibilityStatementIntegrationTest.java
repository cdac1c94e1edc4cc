package de.digitalcheck.portal.shared.web;

import de.digitalcheck.portal.support.Http;
import io.micronaut.context.ApplicationContext;
import io.micronaut.json.JsonMapper;
import io.micronaut.runtime.server.EmbeddedServer;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The accessibility statement ({@code /barrierefreiheit}) says how the portal is tested, and the operator's part of it
 * from the configuration ({@code ACCESSIBILITY_*}): its assessment, the known limitations, where to report a barrier,
 * the enforcement body — escaped, in German and English; what has not been entered is said to be missing, never
 * filled in with someone else's.
 */
class AccessibilityStatementIntegrationTest {

    @Test
    void theStatementShowsTheOperatorsAssessmentAndWhereToTurn() {
        Map<String, Object> properties = new LinkedHashMap<>();
        properties.put("portal.accessibility.status", "Partial");
        properties.put("portal.accessibility.assessed", "2026-11-20");
        properties.put("portal.accessibility.method", "Selbstbewertung <script>");
        properties.put("portal.accessibility.limitations",
            "Die <b>Karte</b> hat keine Textalternative;  ; Alte PDF-Dateien sind nicht getaggt");
        properties.put("portal.accessibility.contact", "barrierefreiheit@wf.example.org");
        properties.put("portal.accessibility.enforcement", "Schlichtungsstelle Beispiel, Weg 1");
        properties.put("portal.accessibility.enforcement-url", "https://schlichtung.example.org/antrag");
        properties.put("portal.operator.email", "kontakt@wf.example.org");
        try (EmbeddedServer server = ApplicationContext.run(EmbeddedServer.class, properties, "test")) {
            Http http = new Http(server, server.getApplicationContext().getBean(JsonMapper.class));
            HttpResponse<String> response = http.get("/barrierefreiheit?lang=de");
            assertThat(response.statusCode()).isEqualTo(200);
            String german = response.body();
            assertThat(german).contains("<h1 class=\"kern-heading-large\">Erklärung zur Barrierefreiheit</h1>",
                    "<p class=\"kern-body\" id=\"status\">Dieses Portal ist mit den Anforderungen teilweise vereinbar.</p>",
                    "<li>Die &lt;b&gt;Karte&lt;/b&gt; hat keine Textalternative</li>",
                    "<li>Alte PDF-Dateien sind nicht getaggt</li>",
                    "Die Bewertung stammt vom 20.11.2026.", "Methode: Selbstbewertung &lt;script&gt;",
                    "axe-core", "PDF/UA-1", "veraPDF",
                    "href=\"mailto:barrierefreiheit@wf.example.org\">barrierefreiheit@wf.example.org</a>",
                    "id=\"enforcement\">Schlichtungsstelle Beispiel, Weg 1<br><a class=\"kern-link\"",
                    "href=\"https://schlichtung.example.org/antrag\">https://schlichtung.example.org/antrag</a></p>")
                .doesNotContain("<b>Karte", "<script>", "noch nicht eingetragen", "kontakt@wf.example.org");
            String limitations = german.substring(german.indexOf("id=\"limitations\""));
            assertThat(limitations.substring(0, limitations.indexOf("</ul>")).split("<li>", -1))
                .as("two limitations, no empty item").hasSize(1 + 2);
            String english = http.get("/barrierefreiheit?lang=en").body();
            assertThat(english).contains("Accessibility statement", "partially compliant", "The assessment dates from 20 Nov 2026.",
                "Report a barrier", "Enforcement procedure",
                // the operator wrote them in German only: on the English page marked as German (WCAG 3.1.2)
                "Method: <span lang=\"de\">Selbstbewertung &lt;script&gt;</span>",
                "id=\"limitations\" aria-labelledby=\"limitations-title\" lang=\"de\">");
            assertThat(german).as("on the German page they are the page's language")
                .contains("id=\"limitations\" aria-labelledby=\"limitations-title\">", "Methode: Selbstbewertung &lt;script&gt;</p>")
                .doesNotContain("<span lang=", "limitations-title\" lang=");
            assertThat(http.get("/barrierefreiheit/").statusCode()).isEqualTo(200);
            // every page leads to it
            assertThat(http.get("/impressum?lang=de").body()).contains("<a class=\"kern-link\" href=\"/barrierefreiheit\">Barrierefreiheit</a>");
        }
    }

    /**
     * The operator's free texts in English where given: the English page shows them as its own, the German page the
     * German ones; an English text without a German one is marked as English on the German page.
     */
    @Test
    void theOperatorsTextsInEnglishForTheEnglishPage() {
        Map<String, Object> properties = new LinkedHashMap<>();
        properties.put("portal.accessibility.method", "Selbstbewertung");
        properties.put("portal.accessibility.method-en", "Self-assessment");
        properties.put("portal.accessibility.limitations", "Die Karte hat keine Textalternative");
        properties.put("portal.accessibility.limitations-en", "The map has no text alternative; Old PDFs are untagged");
        properties.put("portal.operator.processors", "Rechenzentrum Ruhr GmbH (Betrieb)");
        properties.put("portal.operator.processors-en", "Rechenzentrum Ruhr GmbH (hosting)");
        try (EmbeddedServer server = ApplicationContext.run(EmbeddedServer.class, properties, "test")) {
            Http http = new Http(server, server.getApplicationContext().getBean(JsonMapper.class));
            String english = http.get("/barrierefreiheit?lang=en").body();
            assertThat(english).contains("Method: Self-assessment</p>", "<li>The map has no text alternative</li>",
                    "<li>Old PDFs are untagged</li>", "id=\"limitations\" aria-labelledby=\"limitations-title\">")
                .doesNotContain("Selbstbewertung", "Die Karte", "<span lang=", "limitations-title\" lang=");
            String german = http.get("/barrierefreiheit?lang=de").body();
            assertThat(german).contains("Methode: Selbstbewertung</p>", "<li>Die Karte hat keine Textalternative</li>")
                .doesNotContain("Self-assessment", "The map", "<span lang=", "limitations-title\" lang=");
            assertThat(http.get("/datenschutz?lang=en").body())
                .contains("(processors, Art. 28 GDPR): Rechenzentrum Ruhr GmbH (hosting).</li>").doesNotContain("(Betrieb)");
            assertThat(http.get("/datenschutz?lang=de").body())
                .contains("(Auftragsverarbeitung, Art. 28 DSGVO): Rechenzentrum Ruhr GmbH (Betrieb).</li>").doesNotContain("(hosting)");
        }
        try (EmbeddedServer server = ApplicationContext.run(EmbeddedServer.class,
                Map.of("portal.accessibility.method-en", "Self-assessment"), "test")) {
            Http http = new Http(server, server.getApplicationContext().getBean(JsonMapper.class));
            assertThat(http.get("/barrierefreiheit?lang=de").body())
                .contains("Methode: <span lang=\"en\">Self-assessment</span></p>");
        }
    }

    @Test
    void whatIsNotEnteredIsSaidToBeMissing() {
        try (EmbeddedServer server = ApplicationContext.run(EmbeddedServer.class, Map.of(), "test")) {
            Http http = new Http(server, server.getApplicationContext().getBean(JsonMapper.class));
            String page = http.get("/barrierefreiheit?lang=de").body();
            assertThat(page).contains("Die Bewertung des Betreibers ist noch nicht eingetragen.",
                    "Die Angaben zum Durchsetzungsverfahren sind noch nicht eingetragen.",
                    "Nutzen Sie dafür die Kontaktangaben im Impressum.", "href=\"/impressum\"")
                .doesNotContain("vereinbar.</p>", "id=\"limitations\"", "id=\"assessed\"", "id=\"method\"",
                    "id=\"feedback-contact\"", "id=\"enforcement\"", "mailto:");
        }
        // without a contact of its own, the operator's address; an https: contact is a link as it is
        try (EmbeddedServer server = ApplicationContext.run(EmbeddedServer.class,
                Map.of("portal.operator.email", "kontakt@wf.example.org"), "test")) {
            Http http = new Http(server, server.getApplicationContext().getBean(JsonMapper.class));
            assertThat(http.get("/barrierefreiheit").body())
                .contains("href=\"mailto:kontakt@wf.example.org\">kontakt@wf.example.org</a>")
                .doesNotContain("Kontaktangaben im Impressum");
        }
        try (EmbeddedServer server = ApplicationContext.run(EmbeddedServer.class,
                Map.of("portal.operator.email", "javascript:alert(1)"), "test")) {
            Http http = new Http(server, server.getApplicationContext().getBean(JsonMapper.class));
            assertThat(http.get("/barrierefreiheit").body()).as("the operator's address is only ever a mailto: link")
                .contains("href=\"mailto:javascript:alert(1)\"").doesNotContain("href=\"javascript:");
        }
        try (EmbeddedServer server = ApplicationContext.run(EmbeddedServer.class,
                Map.of("portal.accessibility.contact", "https://wf.example.org/barriere-melden"), "test")) {
            Http http = new Http(server, server.getApplicationContext().getBean(JsonMapper.class));
            assertThat(http.get("/barrierefreiheit").body())
                .contains("href=\"https://wf.example.org/barriere-melden\">https://wf.example.org/barriere-melden</a>");
        }
    }
}
