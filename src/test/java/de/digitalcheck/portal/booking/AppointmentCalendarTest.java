package de.digitalcheck.portal.booking;

import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.component.VEvent;
import net.fortuna.ical4j.model.property.DtStart;
import org.junit.jupiter.api.Test;

import java.io.StringReader;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.Temporal;

import static org.assertj.core.api.Assertions.assertThat;

/** The invitation across the daylight-saving changes of 2026 (29 March, 25 October): wall-clock times stay. */
class AppointmentCalendarTest {

    static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");

    static AppointmentCalendar.Invitation at(LocalDateTime start, boolean cancelled, int sequence) {
        Instant s = start.atZone(BERLIN).toInstant();
        return new AppointmentCalendar.Invitation("b-1", sequence, cancelled, s, s.plusSeconds(3600), "Erstgespräch",
            "Termin", "Per Video", "EN-Agentur", "kontakt@en.example.org", "Muster GmbH", "mia@muster.example",
            "Carla Coach", "carla@en.example.org", Instant.parse("2026-03-01T10:00:00Z"));
    }

    @Test
    void wallClockTimesAcrossDaylightSaving() throws Exception {
        for (LocalDateTime local : new LocalDateTime[] {LocalDateTime.parse("2026-03-29T09:00"),
            LocalDateTime.parse("2026-03-28T09:00"), LocalDateTime.parse("2026-10-25T09:00"),
            LocalDateTime.parse("2026-10-24T09:00")}) {
            String ics = AppointmentCalendar.ics(at(local, false, 0));
            String compact = local.toString().replace("-", "").replace(":", "") + "00";
            assertThat(ics).contains("DTSTART;TZID=Europe/Berlin:" + compact);
            Calendar calendar = new CalendarBuilder().build(new StringReader(ics));
            VEvent event = (VEvent) calendar.getComponent("VEVENT").orElseThrow();
            DtStart<Temporal> start = event.getDateTimeStart();
            assertThat(Instant.from(start.getDate())).isEqualTo(local.atZone(BERLIN).toInstant());
            assertThat(ZonedDateTime.from(start.getDate()).toLocalDateTime()).isEqualTo(local);
        }
    }

    /** An hour from 02:00 summer time on the night the clocks go back ends at the second 02:00: still an hour long. */
    @Test
    void anAppointmentEndingInTheRepeatedHourLastsItsHour() throws Exception {
        Instant start = Instant.parse("2027-10-31T00:00:00Z"); // 02:00 +02:00
        Instant end = start.plusSeconds(3600); // 02:00 +01:00
        String ics = AppointmentCalendar.ics(new AppointmentCalendar.Invitation("b-2", 0, false, start, end, "Erstgespräch",
            "Termin", "Per Video", "EN-Agentur", "kontakt@en.example.org", "Muster GmbH", "mia@muster.example",
            "Carla Coach", "carla@en.example.org", Instant.parse("2027-10-01T10:00:00Z")));
        assertThat(ics).contains("DTSTART;TZID=Europe/Berlin:20271031T020000", "DTEND:20271031T010000Z");
        VEvent event = (VEvent) new CalendarBuilder().build(new StringReader(ics)).getComponent("VEVENT").orElseThrow();
        Instant readStart = Instant.from(event.getDateTimeStart().getDate());
        Instant readEnd = Instant.from(event.getDateTimeEnd().getDate());
        assertThat(java.time.Duration.between(readStart, readEnd)).isEqualTo(java.time.Duration.ofHours(1));
        // an ordinary end stays local
        assertThat(AppointmentCalendar.ics(at(LocalDateTime.parse("2026-12-07T09:00"), false, 0)))
            .contains("DTEND;TZID=Europe/Berlin:20261207T100000");
    }

    /**
     * An appointment until midnight (hours up to 24:00) ends at the next day's 00:00 in the zone: RFC 5545 has no
     * 24:00; read back it lasts its hour, also on the evenings of the days the clocks change.
     */
    @Test
    void anAppointmentUntilMidnightEndsAtTheNextDaysFirstInstant() throws Exception {
        for (String day : new String[] {"2026-12-07", "2026-03-29", "2026-10-25", "2027-03-28", "2027-10-31"}) {
            LocalDateTime local = LocalDateTime.parse(day + "T23:00");
            String ics = AppointmentCalendar.ics(at(local, false, 0));
            String next = java.time.LocalDate.parse(day).plusDays(1).toString().replace("-", "");
            assertThat(ics).contains("DTSTART;TZID=Europe/Berlin:" + day.replace("-", "") + "T230000",
                "DTEND;TZID=Europe/Berlin:" + next + "T000000").doesNotContain("T240000");
            VEvent event = (VEvent) new CalendarBuilder().build(new StringReader(ics)).getComponent("VEVENT").orElseThrow();
            Instant readStart = Instant.from(event.getDateTimeStart().getDate());
            Instant readEnd = Instant.from(event.getDateTimeEnd().getDate());
            assertThat(readEnd).isEqualTo(java.time.LocalDate.parse(day).plusDays(1).atStartOfDay(BERLIN).toInstant());
            assertThat(java.time.Duration.between(readStart, readEnd)).isEqualTo(java.time.Duration.ofHours(1));
        }
        // the coach's feed the same way
        Instant start = LocalDateTime.parse("2026-10-25T23:00").atZone(BERLIN).toInstant();
        String feed = CoachFeedCalendar.ics("Carla Coach", java.util.List.of(new CoachFeedCalendar.Event("b-3", 0, false,
            start, start.plusSeconds(3600), "Erstgespräch", "Termin", "Per Video")), Instant.parse("2026-10-01T10:00:00Z"));
        assertThat(feed).contains("DTSTART;TZID=Europe/Berlin:20261025T230000", "DTEND;TZID=Europe/Berlin:20261026T000000");
    }

    @Test
    void requestAndCancelShareTheUid() throws Exception {
        Calendar request = new CalendarBuilder().build(new StringReader(
            AppointmentCalendar.ics(at(LocalDateTime.parse("2026-12-07T09:00"), false, 0))));
        Calendar cancel = new CalendarBuilder().build(new StringReader(
            AppointmentCalendar.ics(at(LocalDateTime.parse("2026-12-07T09:00"), true, 2))));
        assertThat(request.getProperty("METHOD").orElseThrow().getValue()).isEqualTo("REQUEST");
        assertThat(cancel.getProperty("METHOD").orElseThrow().getValue()).isEqualTo("CANCEL");
        VEvent a = (VEvent) request.getComponent("VEVENT").orElseThrow();
        VEvent b = (VEvent) cancel.getComponent("VEVENT").orElseThrow();
        assertThat(a.getProperty("UID").orElseThrow().getValue()).isEqualTo(b.getProperty("UID").orElseThrow().getValue())
            .isEqualTo(AppointmentCalendar.uid("b-1"));
        assertThat(b.getProperty("SEQUENCE").orElseThrow().getValue()).isEqualTo("2");
        assertThat(b.getProperty("STATUS").orElseThrow().getValue()).isEqualTo("CANCELLED");
        assertThat(a.getProperty("STATUS").orElseThrow().getValue()).isEqualTo("CONFIRMED");
    }

    /**
     * Addresses may hold characters a URI may not ({@code { } | % ^ `}, umlauts): the invitation percent-encodes them in
     * its mailto: URIs (it once threw, and the booking answered 500) and a calendar reads the address back as typed.
     */
    @Test
    void addressesWithCharactersAUriDoesNotAllowAreEncoded() throws Exception {
        Instant s = Instant.parse("2026-12-07T09:00:00Z");
        for (String company : new String[] {"a{b}@example.org", "x%zz@example.org", "p|q^r`s@example.org",
            "müller@bäckerei.example"}) {
            String ics = AppointmentCalendar.ics(new AppointmentCalendar.Invitation("b-3", 0, false, s, s.plusSeconds(3600),
                "Erstgespräch", "Termin", "Per Video", "EN-Agentur", "kontakt{1}@en.example.org", "Muster GmbH", company,
                "Carla Coach", "carla|c@en.example.org", Instant.parse("2026-12-01T10:00:00Z")));
            VEvent event = (VEvent) new CalendarBuilder().build(new StringReader(ics)).getComponent("VEVENT").orElseThrow();
            java.util.List<String> attendees = event.getProperties("ATTENDEE").stream()
                .map(a -> ((net.fortuna.ical4j.model.property.Attendee) a).getCalAddress().getSchemeSpecificPart()).toList();
            assertThat(attendees).containsExactly(company, "carla|c@en.example.org");
            assertThat(event.getProperty("ORGANIZER").map(o -> ((net.fortuna.ical4j.model.property.Organizer) o)
                .getCalAddress().getSchemeSpecificPart())).contains("kontakt{1}@en.example.org");
        }
    }

    /**
     * Names are the company's and the agency's own text: one that looks like iCalendar ({@code ; ORGANIZER:mailto:…},
     * a quote, a comma, a backslash) stays a name — one organizer, two attendees, each name read back as given.
     */
    @Test
    void namesThatLookLikeICalendarStayNames() throws Exception {
        Instant s = Instant.parse("2026-12-07T09:00:00Z");
        for (String name : new String[] {"Eve; ORGANIZER:mailto:evil@x.org", "Eve\" ;ROLE=CHAIR:mailto:evil@x.org",
            "Eve, Mallory\\; X", "Eve:mailto:evil@x.org"}) {
            String ics = AppointmentCalendar.ics(new AppointmentCalendar.Invitation("b-4", 0, false, s, s.plusSeconds(3600),
                name, name, name, name, "kontakt@en.example.org", name, "firma@example.org", name,
                "carla@en.example.org", Instant.parse("2026-12-01T10:00:00Z")));
            VEvent event = (VEvent) new CalendarBuilder().build(new StringReader(ics)).getComponent("VEVENT").orElseThrow();
            assertThat(event.getProperties("ORGANIZER")).as(name).hasSize(1);
            assertThat(((net.fortuna.ical4j.model.property.Organizer) event.getProperty("ORGANIZER").orElseThrow())
                .getCalAddress().getSchemeSpecificPart()).as(name).isEqualTo("kontakt@en.example.org");
            java.util.List<String> attendees = event.getProperties("ATTENDEE").stream()
                .map(a -> ((net.fortuna.ical4j.model.property.Attendee) a).getCalAddress().getSchemeSpecificPart()).toList();
            assertThat(attendees).as(name).containsExactly("firma@example.org", "carla@en.example.org");
            for (Object a : event.getProperties("ATTENDEE")) {
                assertThat(((net.fortuna.ical4j.model.property.Attendee) a).getParameter("ROLE")
                    .map(r -> ((net.fortuna.ical4j.model.Parameter) r).getValue())).as(name).contains("REQ-PARTICIPANT");
            }
            assertThat(event.getProperty("SUMMARY").orElseThrow().getValue()).as(name).isEqualTo(name);
        }
    }
}
