package de.digitalcheck.portal.booking;

import de.digitalcheck.portal.accounts.Accounts;
import de.digitalcheck.portal.support.Http;
import de.digitalcheck.portal.support.SignedInTests;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two bookable appointment types of one agency never share a German or an English name (trimmed, white space
 * collapsed, case ignored, Unicode NFC): the booking page showed two identical choices. A switched-off type does not
 * count (no company sees it, and it keeps its name for the appointments booked with it) until it is switched on.
 */
@MicronautTest(transactional = false)
class AppointmentTypeNamesIntegrationTest extends SignedInTests {

    @Inject
    Accounts accounts;
    @Inject
    Calendars calendars;

    /** The demo's first talk of the EN-Agentur, which companies can book. */
    private static final String DE = "Erstgespräch (Video)";
    private static final String EN = "First talk (video)";

    @Test
    void aNameAnotherBookableTypeOfTheAgencyHasIsRefusedAtItsFieldAndNothingIsStored() {
        Http staff = as("type-names-en-staff", "staff@en-agentur.example.org");
        String carla = accounts.byEmail("coach@en-agentur.example.org").orElseThrow().id();
        int before = calendars.typesOf("en-agentur").size();

        HttpResponse<String> both = staff.postForm("/agentur/terminarten/neu?lang=de", form(DE, EN, carla, true));
        assertThat(both.statusCode()).isEqualTo(422);
        assertThat(both.body()).contains("id=\"error-summary\"", "href=\"#type-nameDe\"", "href=\"#type-nameEn\"",
            "id=\"type-nameDe-error\"", "id=\"type-nameEn-error\"",
            "Eine buchbare Terminart mit diesem deutschen Namen gibt es schon",
            "Eine buchbare Terminart mit diesem englischen Namen gibt es schon");
        assertThat(calendars.typesOf("en-agentur")).hasSize(before);

        // spaces, case and the Unicode form do not make another name ("a" + combining diaeresis is "ä")
        HttpResponse<String> spelled = staff.postForm("/agentur/terminarten/neu?lang=en",
            form("  erstgespra\u0308ch   (VIDEO) ", "Kennenlernen", carla, true));
        assertThat(spelled.statusCode()).isEqualTo(422);
        assertThat(spelled.body()).contains("There is already a bookable appointment type with this German name")
            .doesNotContain("id=\"type-nameEn-error\"");
        // the English name alone
        HttpResponse<String> english = staff.postForm("/agentur/terminarten/neu?lang=de",
            form("Kennenlernen", " FIRST TALK (VIDEO)", carla, true));
        assertThat(english.statusCode()).isEqualTo(422);
        assertThat(english.body()).contains("id=\"type-nameEn-error\"").doesNotContain("id=\"type-nameDe-error\"");
        assertThat(calendars.typesOf("en-agentur")).hasSize(before);

        // another name is fine; an edit that takes the first talk's name is refused, the type unchanged
        assertThat(staff.postForm("/agentur/terminarten/neu", form("Kennenlernen", "Getting to know", carla, true))
            .statusCode()).isEqualTo(303);
        AppointmentType other = byName("Kennenlernen");
        String url = "/agentur/terminarten/" + other.id();
        HashMap<String, Object> edit = new HashMap<>(form(DE, "Getting to know", carla, true));
        edit.put("version", Http.hidden(staff.get(url).body(), url, "version"));
        HttpResponse<String> renamed = staff.postForm(url, edit);
        assertThat(renamed.statusCode()).isEqualTo(422);
        assertThat(renamed.body()).contains("id=\"type-nameDe-error\"");
        assertThat(byName("Kennenlernen").nameDe()).isEqualTo("Kennenlernen");
        // saving a type with its own names again is no conflict
        HashMap<String, Object> same = new HashMap<>(form("Kennenlernen", "Getting to know", carla, true));
        same.put("durationMinutes", "45");
        same.put("version", Http.hidden(staff.get(url).body(), url, "version"));
        assertThat(staff.postForm(url, same).statusCode()).isEqualTo(303);

        // switched off, a type of the same name may be kept (for its appointments) or added; switching it on is refused
        HttpResponse<String> off = staff.postForm("/agentur/terminarten/neu", form(DE, EN, carla, false));
        assertThat(off.statusCode()).isEqualTo(303);
        AppointmentType inactive = calendars.typesOf("en-agentur").stream()
            .filter(t -> t.nameDe().equals(DE) && !t.active()).findFirst().orElseThrow();
        String inactiveUrl = "/agentur/terminarten/" + inactive.id();
        HashMap<String, Object> on = new HashMap<>(form(DE, EN, carla, true));
        on.put("version", Http.hidden(staff.get(inactiveUrl).body(), inactiveUrl, "version"));
        HttpResponse<String> switchedOn = staff.postForm(inactiveUrl + "?lang=de", on);
        assertThat(switchedOn.statusCode()).isEqualTo(422);
        assertThat(switchedOn.body()).contains("Eine buchbare Terminart mit diesem deutschen Namen gibt es schon");
        assertThat(calendars.typesOf("en-agentur").stream().filter(t -> t.id().equals(inactive.id())).findFirst()
            .orElseThrow().active()).isFalse();
        assertThat(calendars.typesOf("en-agentur").stream().filter(t -> t.active() && t.nameDe().equals(DE)))
            .hasSize(1);
    }

    @Test
    void anotherAgencysTypeOfTheSameNameIsNoConflict() {
        Http dortmund = as("type-names-do-staff", "staff@dortmund.example.org");
        Http en = as("type-names-en-staff", "staff@en-agentur.example.org");
        String doCoach = accounts.byEmail("coach@dortmund.example.org").orElseThrow().id();
        String carla = accounts.byEmail("coach@en-agentur.example.org").orElseThrow().id();
        assertThat(dortmund.postForm("/agentur/terminarten/neu", form("Sprechstunde", "Office hour", doCoach, true))
            .statusCode()).isEqualTo(303);
        assertThat(en.postForm("/agentur/terminarten/neu", form("Sprechstunde", "Office hour", carla, true))
            .statusCode()).isEqualTo(303);
    }

    private AppointmentType byName(String nameDe) {
        return calendars.typesOf("en-agentur").stream().filter(t -> t.nameDe().equals(nameDe)).findFirst()
            .orElseThrow();
    }

    private static Map<String, Object> form(String nameDe, String nameEn, String coach, boolean active) {
        Map<String, Object> form = new HashMap<>(Map.of("nameDe", nameDe, "nameEn", nameEn, "durationMinutes", "30",
            "mode", "VIDEO", "travelBufferMinutes", "0", "coachIds", List.of(coach)));
        if (active) {
            form.put("active", "on");
        }
        return form;
    }
}
