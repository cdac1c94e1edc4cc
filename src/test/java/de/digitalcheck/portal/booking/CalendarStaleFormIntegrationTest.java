package de.digitalcheck.portal.booking;

import de.digitalcheck.portal.accounts.Accounts;
import de.digitalcheck.portal.routing.AgencyAdministration;
import de.digitalcheck.portal.shared.security.Role;
import de.digitalcheck.portal.support.BookableAgency;
import de.digitalcheck.portal.support.Http;
import de.digitalcheck.portal.support.SignedInTests;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The coach and their agency's staff edit the same calendar: a save of a form read before the other's save no longer
 * undoes it unseen (the last save won: the staff's entry of the coach's absence vanished when the coach saved new
 * hours from a page opened earlier, and companies could book the coach while away). It answers 409, stores nothing,
 * shows what is saved now and keeps what was typed; saving that page again replaces it knowingly.
 */
@MicronautTest(transactional = false)
class CalendarStaleFormIntegrationTest extends SignedInTests {

    @Inject
    AgencyAdministration agencies;
    @Inject
    Accounts accounts;
    @Inject
    Calendars calendars;
    @Inject
    Coaches coachProfiles;

    BookableAgency a;
    Http coach;
    Http staff;
    String coachId;

    @BeforeAll
    void people() {
        a = BookableAgency.create(agencies, accounts, calendars, coachProfiles, 1);
        accounts.addUnlessPresent(List.of(new Accounts.NewAccount("staff@" + a.agencyId() + ".example.org",
            "Sabine Stab", Role.AGENCY_STAFF, a.agencyId())));
        coachId = a.coachIds().get(0);
        coach = as("stale-cal-c-" + a.agencyId(), a.coachEmails().get(0));
        staff = as("stale-cal-s-" + a.agencyId(), "staff@" + a.agencyId() + ".example.org");
    }

    /** The form's fields as the page holds them (what a browser posts unchanged). */
    static Map<String, String> fields(String page) {
        Map<String, String> form = new HashMap<>();
        Matcher inputs = Pattern.compile("<input[^>]*name=\"([a-zA-Z]+)\"[^>]*value=\"([^\"]*)\"").matcher(page);
        while (inputs.find()) {
            if (!inputs.group(1).equals("_csrf")) {
                form.put(inputs.group(1), inputs.group(2).replace("&amp;", "&"));
            }
        }
        for (DayOfWeek d : DayOfWeek.values()) {
            form.putIfAbsent(d.name().toLowerCase(java.util.Locale.ROOT), "");
        }
        Matcher areas = Pattern.compile("<textarea[^>]*name=\"([a-z]+)\"[^>]*>([^<]*)</textarea>").matcher(page);
        while (areas.find()) {
            form.put(areas.group(1), areas.group(2).strip());
        }
        return form;
    }

    @Test
    void aSaveOnTopOfTheOthersChangeIsRefusedWithBothShownUntilSavedAgain() {
        String coachPage = coach.get("/coach/kalender").body();
        Map<String, String> coachForm = fields(coachPage);
        assertThat(coachForm.get("version")).as("the form carries its version").isNotBlank();

        // the staff enter the coach's holiday meanwhile
        Map<String, String> staffForm = fields(staff.get("/agentur/coaches/" + coachId + "/kalender").body());
        String holiday = LocalDate.now().plusDays(20) + ".." + LocalDate.now().plusDays(30);
        staffForm.put("absences", holiday);
        assertThat(staff.postForm("/agentur/coaches/" + coachId + "/kalender", staffForm).statusCode()).isEqualTo(303);

        // the coach saves new Monday hours from the page opened before
        coachForm.put("monday", "10:00-16:00");
        HttpResponse<String> refused = coach.postForm("/coach/kalender", coachForm);
        assertThat(refused.statusCode()).isEqualTo(409);
        assertThat(refused.body()).contains("Inzwischen geändert", "Abwesenheiten", holiday, "value=\"10:00-16:00\"")
            .doesNotContain("error-summary");
        // the title says so (it stayed the calendar's own)
        assertThat(refused.body()).contains("<title>Inzwischen geändert – Mein Kalender – Digitalcheck 4.0</title>");
        CalendarSettings kept = calendars.settings(coachId);
        assertThat(kept.absences()).as("the staff's absence stays").hasSize(1);
        assertThat(kept.weekly().get(DayOfWeek.MONDAY).toString()).doesNotContain("10:00");

        // the refused page carries what is saved now: taking the staff's absence in and saving again stores both
        Map<String, String> again = fields(refused.body());
        assertThat(again.get("version")).isNotEqualTo(coachForm.get("version"));
        assertThat(again.get("monday")).isEqualTo("10:00-16:00");
        again.put("absences", holiday);
        assertThat(coach.postForm("/coach/kalender", again).statusCode()).isEqualTo(303);
        CalendarSettings both = calendars.settings(coachId);
        assertThat(both.absences()).hasSize(1);
        assertThat(both.weekly().get(DayOfWeek.MONDAY).toString()).contains("10:00");

        // an old form that asks for exactly what is saved now: nothing to refuse
        Map<String, String> same = fields(coach.get("/coach/kalender").body());
        staffForm = fields(staff.get("/agentur/coaches/" + coachId + "/kalender").body());
        staffForm.put("bufferBefore", "5");
        assertThat(staff.postForm("/agentur/coaches/" + coachId + "/kalender", staffForm).statusCode()).isEqualTo(303);
        same.put("bufferBefore", "5");
        assertThat(coach.postForm("/coach/kalender", same).statusCode()).isEqualTo(303);

        // in English
        Map<String, String> old = fields(coach.get("/coach/kalender?lang=en").body());
        staffForm = fields(staff.get("/agentur/coaches/" + coachId + "/kalender").body());
        staffForm.put("bufferAfter", "20");
        assertThat(staff.postForm("/agentur/coaches/" + coachId + "/kalender", staffForm).statusCode()).isEqualTo(303);
        old.put("tuesday", "07:00-09:00");
        HttpResponse<String> english = coach.postForm("/coach/kalender", old);
        assertThat(english.statusCode()).isEqualTo(409);
        assertThat(english.body()).contains("Changed in the meantime").doesNotContain("Inzwischen geändert");
        assertThat(calendars.settings(coachId).weekly().get(DayOfWeek.TUESDAY).toString()).doesNotContain("07:00");
    }

    /**
     * A form without its version was saved unchecked, over whatever anyone had saved since. A missing, blank or
     * malformed version is now a 400 that says what happened, nothing stored; the page shows what is saved now where
     * it differs and keeps what was typed with the version of what is saved now, so saving it again replaces that
     * knowingly. The staff's form for the coach the same.
     */
    @Test
    void aFormWithoutAWellFormedVersionIsRefusedWith400AndNothingStored() {
        coach.get("/coach/kalender?lang=de"); // the other test ends in English
        Map<String, String> form = fields(coach.get("/coach/kalender").body());
        String holiday = LocalDate.now().plusDays(40) + ".." + LocalDate.now().plusDays(45);
        Map<String, String> staffForm = fields(staff.get("/agentur/coaches/" + coachId + "/kalender").body());
        staffForm.put("absences", holiday);
        assertThat(staff.postForm("/agentur/coaches/" + coachId + "/kalender", staffForm).statusCode()).isEqualTo(303);
        CalendarSettings before = calendars.settings(coachId);

        form.put("wednesday", "11:00-15:00");
        String[] malformed = {null, "", "   ", "kaputt", "x".repeat(23), "<script>alert(1)</script>",
            form.get("version") + "=", "ä".repeat(22)};
        for (String version : malformed) {
            Map<String, String> posted = new HashMap<>(form);
            if (version == null) {
                posted.remove("version");
            } else {
                posted.put("version", version);
            }
            HttpResponse<String> refused = coach.postForm("/coach/kalender", posted);
            assertThat(refused.statusCode()).as("version " + version).isEqualTo(400);
            assertThat(refused.body()).as("version " + version).contains("id=\"calendar-unversioned\"",
                    "Nicht gespeichert", "(das verborgene Feld „version“)", "value=\"11:00-15:00\"")
                .doesNotContain("Die Änderungen sind gespeichert.", "error-summary", "<script>alert(1)");
            assertThat(calendars.settings(coachId)).as("nothing stored").isEqualTo(before);
        }

        // the page shows what is saved now where it differs (the staff's absence, the Wednesday) and keeps the input
        Map<String, String> unversioned = new HashMap<>(form);
        unversioned.remove("version");
        HttpResponse<String> page = coach.postForm("/coach/kalender", unversioned);
        assertThat(page.body()).contains("<title>Nicht gespeichert – Mein Kalender – Digitalcheck 4.0</title>");
        String alert = page.body().substring(page.body().indexOf("id=\"calendar-unversioned\""));
        alert = alert.substring(0, alert.indexOf("</dl>"));
        assertThat(alert).contains("Abwesenheiten", holiday, "Wochenzeiten, Mittwoch").doesNotContain("Montag");
        Map<String, String> again = fields(page.body());
        assertThat(again.get("version")).isEqualTo(Calendars.stamp(before));
        assertThat(again.get("wednesday")).isEqualTo("11:00-15:00");
        assertThat(again.get("absences")).as("as typed, without the staff’s absence").isEqualTo(form.get("absences"));
        // saved again from that page: replaced knowingly
        again.put("absences", holiday);
        assertThat(coach.postForm("/coach/kalender", again).statusCode()).isEqualTo(303);
        assertThat(calendars.settings(coachId).weekly().get(DayOfWeek.WEDNESDAY).toString()).contains("11:00");
        assertThat(calendars.settings(coachId).absences()).hasSize(1);

        // in English; and the staff's form
        unversioned = fields(coach.get("/coach/kalender?lang=en").body());
        unversioned.remove("version");
        unversioned.put("thursday", "07:00-08:00");
        HttpResponse<String> english = coach.postForm("/coach/kalender", unversioned);
        assertThat(english.statusCode()).isEqualTo(400);
        assertThat(english.body()).contains("Not saved", "(the hidden field “version”)").doesNotContain("Nicht gespeichert");
        coach.get("/coach/kalender?lang=de");
        CalendarSettings now = calendars.settings(coachId);
        staffForm = fields(staff.get("/agentur/coaches/" + coachId + "/kalender").body());
        staffForm.put("version", "");
        staffForm.put("bufferBefore", "45");
        HttpResponse<String> staffRefused = staff.postForm("/agentur/coaches/" + coachId + "/kalender", staffForm);
        assertThat(staffRefused.statusCode()).isEqualTo(400);
        assertThat(staffRefused.body()).contains("Kalender von", "id=\"calendar-unversioned\"", "value=\"45\"");
        assertThat(calendars.settings(coachId)).isEqualTo(now);
    }

    /**
     * The page always sends every weekday's field, the overrides and the absences, empty for "none". A form that left
     * one out was taken as "none": a request without {@code monday} or {@code absences} cleared Monday's hours or every
     * absence under a "saved" note. It is a 422 naming each missing field, nothing stored; the same form sent whole
     * is saved. The staff's form for the coach alike, and in English.
     */
    @Test
    void aFormThatLeavesOutATextFieldClearsNothing() {
        coach.get("/coach/kalender?lang=de");
        Map<String, String> whole = fields(coach.get("/coach/kalender").body());
        String holiday = LocalDate.now().plusDays(60) + ".." + LocalDate.now().plusDays(61);
        whole.put("monday", "08:00-12:00");
        whole.put("tuesday", "09:00-11:00");
        whole.put("absences", holiday);
        assertThat(coach.postForm("/coach/kalender", whole).statusCode()).isEqualTo(303);
        CalendarSettings saved = calendars.settings(coachId);
        assertThat(saved.absences()).hasSize(1);

        Map<String, String> form = fields(coach.get("/coach/kalender").body());
        form.remove("monday");
        form.remove("absences");
        form.put("bufferBefore", "25");
        HttpResponse<String> refused = coach.postForm("/coach/kalender", form);
        assertThat(refused.statusCode()).isEqualTo(422);
        assertThat(refused.body()).contains("error-summary", "Dieses Feld fehlte im gesendeten Formular")
            .doesNotContain("Die Änderungen sind gespeichert.");
        assertThat(refused.body().split("Dieses Feld fehlte im gesendeten Formular", -1))
            .as("named at Monday and at the absences, in the summary and at each field").hasSize(5);
        assertThat(calendars.settings(coachId)).as("nothing stored").isEqualTo(saved);

        // an empty field is "none", as before
        Map<String, String> cleared = fields(coach.get("/coach/kalender").body());
        cleared.put("monday", "");
        assertThat(coach.postForm("/coach/kalender", cleared).statusCode()).isEqualTo(303);
        assertThat(calendars.settings(coachId).weekly()).doesNotContainKey(DayOfWeek.MONDAY);
        assertThat(calendars.settings(coachId).absences()).hasSize(1);

        // the staff's form, in English
        CalendarSettings now = calendars.settings(coachId);
        staff.get("/agentur/coaches/" + coachId + "/kalender?lang=en");
        Map<String, String> staffForm = fields(staff.get("/agentur/coaches/" + coachId + "/kalender").body());
        staffForm.remove("tuesday");
        staffForm.remove("overrides");
        HttpResponse<String> english = staff.postForm("/agentur/coaches/" + coachId + "/kalender", staffForm);
        assertThat(english.statusCode()).isEqualTo(422);
        assertThat(english.body()).contains("This field was missing from the form sent")
            .doesNotContain("Dieses Feld fehlte");
        assertThat(calendars.settings(coachId)).isEqualTo(now);
        assertThat(now.weekly().get(DayOfWeek.TUESDAY).toString()).contains("09:00");
        staff.get("/agentur/coaches/" + coachId + "/kalender?lang=de");
    }
}
