package de.digitalcheck.portal.shared.i18n;

import de.digitalcheck.portal.readiness.Questionnaires;
import de.digitalcheck.portal.support.CompletedChecks;
import de.digitalcheck.portal.support.Http;
import de.digitalcheck.portal.support.SignedInTests;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The pages that show dates write them in one style per language ({@link Dates}): English {@code 3 Dec 2026} (or
 * spelt out {@code Thursday, 3 December 2026}), German {@code 03.12.2026}. Before, an English reader met
 * {@code 03.12.2026} in the inbox, {@code Week from 07.12.} on the dashboard, {@code December 3, 2026} and
 * {@code Dec 31, 2029} on the result page.
 */
@MicronautTest(transactional = false)
class DatesOnPagesIntegrationTest extends SignedInTests {

    private static final String MONTHS = "(Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)";
    private static final Pattern ENGLISH = Pattern.compile("\\b\\d{1,2} " + MONTHS + " \\d{4}\\b");
    private static final Pattern GERMAN = Pattern.compile("\\b\\d{2}\\.\\d{2}\\.\\d{4}\\b");
    /** Every other way a date was written: German on an English page, US (numeric or month first), ISO. */
    private static final Pattern NOT_ENGLISH = Pattern.compile("\\b\\d{1,2}\\.\\d{1,2}\\.\\d{4}\\b|\\b\\d{2}\\.\\d{2}\\.(?!\\d)"
        + "|\\b\\d{1,2}/\\d{1,2}/\\d{2,4}\\b|\\b" + MONTHS + "[a-z]* \\d{1,2}, \\d{4}\\b|\\b\\d{4}-\\d{2}-\\d{2}\\b");
    private static final Pattern NOT_GERMAN = Pattern.compile("\\b" + MONTHS + "\\b|\\b\\d{1,2}/\\d{1,2}/\\d{2,4}\\b"
        + "|\\b\\d{4}-\\d{2}-\\d{2}\\b|\\b\\d{1}\\.\\d{1,2}\\.\\d{4}\\b|\\b\\d{1,2}\\.\\d{1}\\.\\d{4}\\b");

    @Inject
    Questionnaires questionnaires;
    @Inject
    javax.sql.DataSource dataSource;

    Map<String, Http> users;
    CompletedChecks.Completed check;
    String leadId;

    @BeforeAll
    void aSharedCheck() {
        users = everyDemoUser("dates-");
        check = CompletedChecks.of(questionnaires.current()).named("Datum Metall GmbH").at("44135")
            .contact("Dana Datum", "dana@dates.example.org").sharedWithAgency().submit(new Http(server, json));
        leadId = (String) ((Map<?, ?>) check.document().get("lead")).get("id");
        // an appointment moved on the lead's trail: the trail stores its times as German text
        new de.digitalcheck.portal.support.Database(dataSource).execute("INSERT INTO lead_audit (id, lead_id, at, "
            + "action, from_value, to_value) VALUES (?, ?, CURRENT_TIMESTAMP, 'BOOKING_MOVED', '22.12.2026 09:00', "
            + "'04.01.2027 10:30')", java.util.UUID.randomUUID().toString(), leadId);
    }

    @Test
    void aLeadsTrailWritesAppointmentTimesInTheReadersLanguage() {
        assertThat(text(users.get("do-staff"), "/agentur/leads/" + leadId + "?lang=en"))
            .contains("22 Dec 2026, 09:00", "4 Jan 2027, 10:30").doesNotContain("22.12.2026");
        assertThat(text(users.get("do-staff"), "/agentur/leads/" + leadId + "?lang=de"))
            .contains("22.12.2026, 09:00", "04.01.2027, 10:30");
    }

    private List<String> pages(Http http, String lang) {
        List<String> texts = new ArrayList<>();
        for (String path : List.of("/agentur/leads", "/agentur/leads/" + leadId, "/agentur/kennzahlen")) {
            texts.add(text(http, path + "?lang=" + lang));
        }
        texts.add(text(new Http(server, json), check.resultPath() + "?lang=" + lang));
        return texts;
    }

    private static String text(Http http, String path) {
        HttpResponse<String> page = http.get(path);
        assertThat(page.statusCode()).as(path).isEqualTo(200);
        // what a reader sees: no tags (addresses and form values may carry ISO dates), no scripts or styles
        return path + ": " + page.body().replaceAll("(?s)<(script|style)\\b.*?</\\1>", " ").replaceAll("<[^>]*>", " ")
            .replace("&nbsp;", " ").replaceAll("\\s+", " ");
    }

    private static List<String> all(Pattern pattern, String text) {
        List<String> found = new ArrayList<>();
        Matcher m = pattern.matcher(text);
        while (m.find()) {
            found.add(m.group());
        }
        return found;
    }

    @Test
    void englishPagesWriteEveryDateAsDayMonthYear() {
        for (String text : pages(users.get("do-staff"), "en")) {
            String path = text.substring(0, text.indexOf(':'));
            assertThat(all(ENGLISH, text)).as(path + " shows dates").isNotEmpty();
            assertThat(all(NOT_ENGLISH, text)).as(path + " writes no date another way").isEmpty();
        }
    }

    @Test
    void germanPagesStayGerman() {
        for (String text : pages(users.get("do-staff"), "de")) {
            String path = text.substring(0, text.indexOf(':'));
            assertThat(all(GERMAN, text)).as(path + " shows dates").isNotEmpty();
            assertThat(all(NOT_GERMAN, text)).as(path + " writes no date another way").isEmpty();
        }
    }
}
