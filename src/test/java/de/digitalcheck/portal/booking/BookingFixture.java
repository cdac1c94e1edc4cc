package de.digitalcheck.portal.booking;

import de.digitalcheck.portal.accounts.Accounts;
import de.digitalcheck.portal.routing.AgencyAdministration;
import de.digitalcheck.portal.routing.AgencyProfile;
import de.digitalcheck.portal.shared.security.Role;
import de.digitalcheck.portal.shared.time.NrwHolidays;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * A fresh agency whose coaches all offer one 60-minute video talk (08:00–18:00 every day, 15-minute buffers, a slot
 * every 30 minutes), and API request bodies for it: the set-up of the appointment's life tests.
 */
record BookingFixture(AgencyAdministration agencies, Accounts accounts, Calendars calendars) {

    static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");

    record Setup(String agencyId, String typeId, List<String> coachIds) {
    }

    Setup agencyWithCoaches(int coaches) {
        String agency = "lf-" + UUID.randomUUID().toString().substring(0, 12);
        agencies.addUnlessPresent(agency, new AgencyProfile("Life Test " + agency, "LT", "kontakt@lt.example.org",
            "+49 231 000000", "https://lt.example.org", "Teststraße 1, 44135 Dortmund", "5"), List.of());
        List<Accounts.NewAccount> people = new ArrayList<>();
        for (int i = 0; i < coaches; i++) {
            people.add(new Accounts.NewAccount("coach" + i + "@" + agency + ".example.org", "Coach " + i + " " + agency,
                Role.COACH, agency));
        }
        accounts.addUnlessPresent(people);
        List<String> ids = people.stream().map(p -> accounts.byEmail(p.email()).orElseThrow().id()).sorted().toList();
        Map<DayOfWeek, String> weekly = new EnumMap<>(DayOfWeek.class);
        for (DayOfWeek d : DayOfWeek.values()) {
            weekly.put(d, "08:00-18:00");
        }
        for (String id : ids) {
            calendars.update(id, agency, new Calendars.CalendarInput(weekly, "", "", "15", "15", "0", "60", "0", "30"),
                List.of());
        }
        AppointmentType type = calendars.saveType(agency, null, new Calendars.TypeInput("Erstgespräch", "First talk",
            "60", "VIDEO", "0", ids, true), List.of());
        return new Setup(agency, type.id(), ids);
    }

    /** A day {@code ahead} days from now that is no public holiday. */
    static LocalDate bookableDay(int ahead) {
        LocalDate day = LocalDate.now(BERLIN).plusDays(ahead);
        while (NrwHolidays.isHoliday(day)) {
            day = day.plusDays(1);
        }
        return day;
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
