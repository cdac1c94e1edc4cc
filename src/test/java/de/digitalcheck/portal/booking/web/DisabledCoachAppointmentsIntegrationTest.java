package de.digitalcheck.portal.booking.web;

import de.digitalcheck.portal.support.BookableAgency;
import de.digitalcheck.portal.support.Http;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A coach disabled by the agency keeps their appointments still to come with the agency, but left every list of the
 * agency's pages (only a typed address reached their week): the types page now lists disabled coaches with
 * appointments to come, how many, and links to their weeks; it lists none when there are none.
 */
@MicronautTest(transactional = false)
class DisabledCoachAppointmentsIntegrationTest extends BookedAppointmentTests {

    @BeforeAll
    void people() {
        a = BookableAgency.create(agencies, accounts, calendars, coachProfiles, 2);
        signInAndBook("disabled-coach", 12);
    }

    @Test
    void theAppointmentsOfADisabledCoachStayReachableFromTheTypesPage() {
        String coachId = a.coachIds().get(0);
        // the ids are sorted by id, the e-mail addresses with them: "Coach 0" is not always the first id
        String name = accounts.byEmail(a.coachEmails().get(0)).orElseThrow().name();
        String other = accounts.byEmail(a.coachEmails().get(1)).orElseThrow().name();
        assertThat(staff.get("/agentur/terminarten").body()).doesNotContain("id=\"disabled-coaches\"", "gesperrt;");

        accounts.setDisabled(coachId, true, a.agencyId());
        try {
            HttpResponse<String> types = staff.get("/agentur/terminarten");
            assertThat(types.statusCode()).isEqualTo(200);
            assertThat(types.body()).contains("id=\"disabled-coaches\"", name + " (gesperrt; anstehende Termine: 1): ",
                "href=\"/agentur/coaches/" + coachId + "/termine\"")
                .doesNotContain("href=\"/agentur/coaches/" + coachId + "/kalender\"");
            // the other coach, not disabled and without appointments, is not among them
            assertThat(types.body().substring(types.body().indexOf("id=\"disabled-coaches\"")))
                .doesNotContain(other);
            HttpResponse<String> week = staff.get("/agentur/coaches/" + coachId + "/termine/" + bookingId);
            assertThat(week.statusCode()).isEqualTo(200);
            assertThat(staff.get("/agentur/terminarten?lang=en").body())
                .contains(name + " (disabled; appointments to come: 1): ");
            staff.get("/agentur/terminarten?lang=de");
        } finally {
            accounts.setDisabled(coachId, false, a.agencyId());
        }
        assertThat(staff.get("/agentur/terminarten").body()).doesNotContain("id=\"disabled-coaches\"");
    }

    /**
     * Disabling a coach on the team page said only "saved"; with appointments still to come it now says that they stay
     * with the agency, how many, and links to them. Not for a coach without any, not for an id that is no disabled
     * coach of the agency (made up, given access again), and not on a first load.
     */
    @Test
    void disablingACoachWithAppointmentsToComeSaysTheyStayWithTheAgency() {
        String coachId = a.coachIds().get(0);
        String otherId = a.coachIds().get(1);
        String name = accounts.byEmail(a.coachEmails().get(0)).orElseThrow().name();
        String notice = "Der Zugang von " + name + " ist gesperrt. " + name + " hat als Coach noch anstehende Termine (1).";
        assertThat(staff.get("/agentur").body()).doesNotContain("noch anstehende Termine", "disabled-coaches");
        try {
            HttpResponse<String> disabled = staff.postForm("/agentur/team/" + coachId + "/sperren", java.util.Map.of());
            assertThat(disabled.statusCode()).isEqualTo(303);
            // said once, on the page the post leads to: a Flash note with the coach's id ("?gesperrt=" in the
            // address named the coach and their appointments for any link, and on every reload)
            assertThat(disabled.headers().firstValue("Location")).hasValue("/agentur#team-changed");
            HttpResponse<String> page = staff.get("/agentur");
            assertThat(page.statusCode()).isEqualTo(200);
            assertThat(page.body()).contains("Die Änderungen sind gespeichert.", notice,
                "href=\"/agentur/terminarten#disabled-coaches\"", "Die anstehenden Termine von " + name);
            assertThat(staff.get("/agentur").body()).as("a reload")
                .doesNotContain("Die Änderungen sind gespeichert.", "noch anstehende Termine");
            assertThat(staff.get("/agentur?team&gesperrt=" + coachId).body()).as("the old address")
                .doesNotContain("Die Änderungen sind gespeichert.", "noch anstehende Termine");
            // in English: given access again and taken away again, the page the post leads to in English
            assertThat(staff.postForm("/agentur/team/" + coachId + "/freigeben", java.util.Map.of()).statusCode())
                .isEqualTo(303);
            assertThat(staff.get("/agentur").body()).as("given back: saved, nothing more")
                .contains("Die Änderungen sind gespeichert.").doesNotContain("noch anstehende Termine");
            staff.postForm("/agentur/team/" + coachId + "/sperren", java.util.Map.of());
            assertThat(staff.get("/agentur?lang=en").body())
                .contains("Access of " + name + " is disabled. " + name
                    + " still has appointments to come as a coach (1).");
            staff.get("/agentur?lang=de");

            HttpResponse<String> none = staff.postForm("/agentur/team/" + otherId + "/sperren", java.util.Map.of());
            assertThat(none.statusCode()).isEqualTo(303);
            assertThat(staff.get("/agentur").body())
                .as("a coach without appointments to come: saved, nothing more")
                .contains("Die Änderungen sind gespeichert.").doesNotContain("noch anstehende Termine");
        } finally {
            accounts.setDisabled(coachId, false, a.agencyId());
            accounts.setDisabled(otherId, false, a.agencyId());
        }
        // a note left for a coach given access again since (the page read later, within the note's time): nothing more
        assertThat(staff.postForm("/agentur/team/" + coachId + "/sperren", java.util.Map.of()).statusCode())
            .isEqualTo(303);
        accounts.setDisabled(coachId, false, a.agencyId());
        HttpResponse<String> again = staff.get("/agentur");
        assertThat(again.statusCode()).isEqualTo(200);
        assertThat(again.body()).as("access given back since").contains("Die Änderungen sind gespeichert.")
            .doesNotContain("noch anstehende Termine");
    }

    /**
     * The booking form sent with a coach disabled while it was open: said so with every coach's times and "any coach"
     * chosen (it said "look at the next week", which no week would have changed), nothing booked.
     */
    @Test
    void aFormSentWithACoachDisabledMeanwhileOffersEveryCoachsTimes() {
        String coachId = a.coachIds().get(1);
        Http company = new Http(server, json);
        String base = "/termin/" + a.agencyId();
        HttpResponse<String> form = company.get(base + "?type=" + a.typeId() + "&coach=" + coachId + "&start="
            + Http.enc(BookableAgency.at(BookableAgency.bookableDay(14), 11)));
        assertThat(form.statusCode()).isEqualTo(200);
        java.util.Map<String, String> sent = TypeGoneBookingIntegrationTest.hidden(form.body());
        assertThat(sent).containsEntry("coach", coachId);
        sent.put("companyName", "Gesperrt GmbH");
        sent.put("postalCode", "58452");
        sent.put("contactName", "Greta Gesperrt");
        sent.put("contactEmail", "greta@gesperrt.example.org");
        accounts.setDisabled(coachId, true, a.agencyId());
        try {
            HttpResponse<String> refused = company.postForm(base, sent);
            assertThat(refused.statusCode()).isEqualTo(422);
            assertThat(refused.body()).contains("id=\"error-summary\"",
                "Dieser Coach bietet diese Terminart nicht an. Angezeigt werden die freien Zeiten aller Coaches.",
                "&amp;coach=any&amp;start=").doesNotContain("Bitte sehen Sie in der nächsten Woche nach");
            assertThat(((Number) new de.digitalcheck.portal.support.Database(dataSource).value(
                "SELECT COUNT(*) FROM booking WHERE coach_id = ?", coachId)).intValue()).as("nothing booked").isZero();
        } finally {
            accounts.setDisabled(coachId, false, a.agencyId());
        }
    }
}
