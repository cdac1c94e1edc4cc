package de.digitalcheck.portal.booking;

import de.digitalcheck.portal.readiness.Questionnaires;
import de.digitalcheck.portal.support.CompletedChecks;
import de.digitalcheck.portal.support.Http;
import io.micronaut.json.JsonMapper;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.net.URLDecoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The booking form refused (422, e.g. an e-mail address that is none) had a language switch to the flow's first step
 * ({@code /check/{token}/termin?lang=de}): the chosen kind, coach and time were gone. The switch of a page answered to
 * the form's post keeps them now ({@code LayoutModel.PAGE_QUERY}), and following it shows the form with the chosen
 * time; what was typed is not put into a link (the check's details fill the form again). A time refused with the post
 * (taken) switches to that week's times.
 */
@MicronautTest(transactional = false)
class BookingFormLanguageSwitchIntegrationTest {

    private static final Pattern TIME_LINK = Pattern.compile("href=\"([^\"]*start=[^\"]+)\"");
    private static final Pattern SWITCH = Pattern.compile("<a class=\"kern-link\" href=\"([^\"]*)\" lang=\"(de|en)\"");

    @Inject
    EmbeddedServer server;
    @Inject
    JsonMapper json;
    @Inject
    Questionnaires questionnaires;

    static String switchUrl(String page) {
        Matcher m = SWITCH.matcher(page);
        assertThat(m.find()).as("a language switch").isTrue();
        return m.group(1).replace("&amp;", "&");
    }

    static Map<String, String> query(String url) {
        Map<String, String> values = new HashMap<>();
        for (String pair : url.substring(url.indexOf('?') + 1).split("&")) {
            int eq = pair.indexOf('=');
            values.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
        }
        return values;
    }

    /** The contact step of the first free time of the first kind of appointment at {@code base}. */
    static String firstTime(Http http, String base) {
        Matcher type = Pattern.compile("name=\"type\" id=\"type-([^\"]+)\"").matcher(http.get(base).body());
        assertThat(type.find()).isTrue();
        String times = http.get(base + "?type=" + type.group(1)).body();
        Matcher time = TIME_LINK.matcher(times);
        if (!time.find()) { // nothing free this week: the next week
            Matcher next = Pattern.compile("href=\"([^\"]*woche=[^\"]+)\"[^>]*>[^<]*(Nächste|Next)").matcher(times);
            assertThat(next.find()).isTrue();
            time = TIME_LINK.matcher(http.get(next.group(1).replace("&amp;", "&")).body());
            assertThat(time.find()).isTrue();
        }
        return time.group(1).replace("&amp;", "&");
    }

    @Test
    void theSwitchOfTheRefusedFormKeepsTheChosenTime() {
        Http http = new Http(server, json);
        CompletedChecks.Completed check = CompletedChecks.of(questionnaires.current()).named("Sprachwechsel GmbH")
            .at("58452").contact("Sina Sprache", "sina@sprache.example").submit(http);
        String base = "/check/" + check.token() + "/termin";
        String contactStep = firstTime(http, base) + "&lang=en";
        String page = http.get(contactStep).body();
        Map<String, String> form = new HashMap<>(BookingPagesIntegrationTest.hiddenFields(page));
        assertThat(form).containsKeys("type", "coach", "start");
        String chosen = page.substring(page.indexOf("Chosen: "), page.indexOf("</p>", page.indexOf("Chosen: ")));
        form.putAll(Map.of("companyName", "Sprachwechsel GmbH", "postalCode", "58452", "contactName", "Sina Sprache",
            "contactEmail", "not-an-address", "consent", "on"));

        HttpResponse<String> refused = http.postForm(base, form);
        assertThat(refused.statusCode()).isEqualTo(422);
        assertThat(refused.body()).contains("id=\"error-summary\"", chosen);
        String switchTo = switchUrl(refused.body());
        assertThat(switchTo).startsWith(base + "?");
        assertThat(query(switchTo)).containsEntry("type", form.get("type")).containsEntry("coach", form.get("coach"))
            .containsEntry("start", form.get("start")).containsEntry("lang", "de");

        // followed: the form with the chosen time, in German (the check's details again; what was typed is not kept)
        HttpResponse<String> german = http.get(switchTo);
        assertThat(german.statusCode()).isEqualTo(200);
        assertThat(BookingPagesIntegrationTest.hiddenFields(german.body())).containsEntry("type", form.get("type"))
            .containsEntry("coach", form.get("coach")).containsEntry("start", form.get("start"));
        assertThat(german.body()).contains("Gewählt: ", "value=\"sina@sprache.example\"", "name=\"consent\"")
            .doesNotContain("id=\"error-summary\"", "not-an-address");

        // a time the post refuses (off the slot grid): the page shows its week's times, and so does the switch
        Map<String, String> offGrid = new HashMap<>(form);
        java.time.Instant start = java.time.Instant.parse(form.get("start"));
        offGrid.putAll(Map.of("start", start.plusSeconds(7 * 60).toString(), "contactEmail", "sina@sprache.example"));
        HttpResponse<String> time = http.postForm(base, offGrid);
        assertThat(time.statusCode()).isEqualTo(422);
        java.time.LocalDate monday = start.atZone(de.digitalcheck.portal.shared.time.PortalTime.ZONE).toLocalDate()
            .with(java.time.temporal.TemporalAdjusters.previousOrSame(java.time.DayOfWeek.MONDAY));
        assertThat(query(switchUrl(time.body()))).containsEntry("type", form.get("type"))
            .containsEntry("coach", form.get("coach")).containsEntry("woche", monday.toString())
            .containsEntry("lang", "en").doesNotContainKey("start");
    }
}
