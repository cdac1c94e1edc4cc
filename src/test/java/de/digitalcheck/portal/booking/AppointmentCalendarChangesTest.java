package de.digitalcheck.portal.booking;

import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.component.VEvent;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.StringReader;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZonedDateTime;
import java.time.temporal.Temporal;

import static de.digitalcheck.portal.booking.AppointmentCalendarTest.BERLIN;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The update and the cancellation of an appointment moved across a daylight-saving change of 2026 (the day before to
 * the day of 29 March and 25 October, and back), parsed back with ical4j field by field: same UID, rising SEQUENCE,
 * METHOD and STATUS, and start and end at the same wall-clock time in Europe/Berlin, at the right instant.
 */
class AppointmentCalendarChangesTest {

    @ParameterizedTest
    @CsvSource({"2026-03-28T09:00, 2026-03-29T09:00", "2026-03-29T09:00, 2026-03-30T09:00",
        "2026-10-24T09:00, 2026-10-25T09:00", "2026-10-25T09:00, 2026-10-26T09:00", "2026-03-29T03:00, 2026-10-25T03:00"})
    void updateAndCancelKeepTheWallClockTime(String from, String to) throws Exception {
        LocalDateTime before = LocalDateTime.parse(from);
        LocalDateTime after = LocalDateTime.parse(to);
        VEvent original = event(AppointmentCalendar.ics(AppointmentCalendarTest.at(before, false, 0)), "REQUEST");
        VEvent update = event(AppointmentCalendar.ics(AppointmentCalendarTest.at(after, false, 1)), "REQUEST");
        VEvent cancel = event(AppointmentCalendar.ics(AppointmentCalendarTest.at(after, true, 2)), "CANCEL");
        for (VEvent e : new VEvent[] {original, update, cancel}) {
            assertThat(e.getProperty("UID").orElseThrow().getValue()).isEqualTo(AppointmentCalendar.uid("b-1"));
            assertThat(e.getProperty("DTSTART").orElseThrow().getParameter("TZID").orElseThrow().getValue())
                .isEqualTo("Europe/Berlin");
        }
        assertThat(update.getProperty("SEQUENCE").orElseThrow().getValue()).isEqualTo("1");
        assertThat(cancel.getProperty("SEQUENCE").orElseThrow().getValue()).isEqualTo("2");
        assertThat(update.getProperty("STATUS").orElseThrow().getValue()).isEqualTo("CONFIRMED");
        assertThat(cancel.getProperty("STATUS").orElseThrow().getValue()).isEqualTo("CANCELLED");
        startsAt(original, before);
        startsAt(update, after);
        startsAt(cancel, after);
    }

    private static void startsAt(VEvent event, LocalDateTime local) {
        Temporal start = event.getDateTimeStart().getDate();
        Temporal end = event.getDateTimeEnd().getDate();
        ZonedDateTime expected = local.atZone(BERLIN);
        assertThat(Instant.from(start)).isEqualTo(expected.toInstant());
        assertThat(ZonedDateTime.from(start).toLocalDateTime()).isEqualTo(expected.toLocalDateTime());
        assertThat(Instant.from(end)).isEqualTo(expected.toInstant().plusSeconds(3600));
    }

    private static VEvent event(String ics, String method) throws Exception {
        Calendar calendar = new CalendarBuilder().build(new StringReader(ics));
        assertThat(calendar.getProperty("METHOD").orElseThrow().getValue()).isEqualTo(method);
        assertThat(calendar.getComponent("VTIMEZONE")).isPresent();
        return (VEvent) calendar.getComponent("VEVENT").orElseThrow();
    }
}
