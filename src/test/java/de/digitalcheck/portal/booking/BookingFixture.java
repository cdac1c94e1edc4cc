package de.digitalcheck.portal.booking;

import de.digitalcheck.portal.accounts.Accounts;
import de.digitalcheck.portal.routing.AgencyAdministration;
import de.digitalcheck.portal.support.BookableAgency;

import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.UUID;

/**
 * A fresh agency whose coaches all offer one 60-minute video talk (08:00–18:00 every day, 15-minute buffers, a slot
 * every 30 minutes), and API request bodies for it: the set-up of the appointment's life tests.
 */
record BookingFixture(AgencyAdministration agencies, Accounts accounts, Calendars calendars, Coaches profiles) {

    static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");

    record Setup(String agencyId, String typeId, List<String> coachIds) {
    }

    Setup agencyWithCoaches(int coaches) {
        BookableAgency a = BookableAgency.create(agencies, accounts, calendars, profiles,
            "lf-" + UUID.randomUUID().toString().substring(0, 12), "Life Test", "LT", "kontakt@lt.example.org",
            "https://lt.example.org", coaches, 0);
        return new Setup(a.agencyId(), a.typeId(), a.coachIds());
    }

    /** A day {@code ahead} days from now that is no public holiday. */
    static LocalDate bookableDay(int ahead) {
        return BookableAgency.bookableDay(ahead);
    }

    static LocalDate bookableWeek(int ahead) {
        return BookableAgency.bookableWeek(ahead);
    }

    static String at(LocalDate day, int hour, int minute) {
        return day.atTime(hour, minute).atZone(BERLIN).toOffsetDateTime().format(DateTimeFormatter.ISO_OFFSET_DATE_TIME);
    }

    static String booking(Setup s, String start, String coachId, String email) {
        return "{\"agencyId\":\"" + s.agencyId() + "\",\"typeId\":\"" + s.typeId() + "\",\"start\":\"" + start + "\","
            + "\"coachId\":\"" + coachId + "\",\"company\":{\"name\":\"Race GmbH\",\"postalCode\":\"44135\"},"
            + "\"contact\":{\"name\":\"Rita Race\",\"email\":\"" + email + "\"},\"language\":\"de\"}";
    }

    static String reschedule(String token, String start) {
        return "{\"token\":\"" + token + "\",\"start\":\"" + start + "\"}";
    }
}
