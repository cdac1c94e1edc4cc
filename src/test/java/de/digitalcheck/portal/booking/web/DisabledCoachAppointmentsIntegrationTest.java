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
