package de.digitalcheck.portal.support;

import de.digitalcheck.portal.accounts.Accounts;
import de.digitalcheck.portal.booking.AppointmentType;
import de.digitalcheck.portal.booking.Calendars;
import de.digitalcheck.portal.booking.Coaches;
import de.digitalcheck.portal.booking.MeetingMode;
import de.digitalcheck.portal.routing.AgencyAdministration;
import de.digitalcheck.portal.routing.AgencyProfile;
import de.digitalcheck.portal.shared.security.Role;
import de.digitalcheck.portal.shared.time.NrwHolidays;

import org.junit.jupiter.api.Assumptions;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.zone.ZoneOffsetTransition;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * A new agency with coaches who meet companies in every {@link MeetingMode} and all offer a 60-minute video talk, every day 08:00–18:00 (15-minute buffers), and the
 * API's booking body for it (the agency's own address: {@link #agencyEmail()}): for tests of what follows a booking (leads, outcomes, feeds, personal data).
 */
public record BookableAgency(String agencyId, String typeId, List<String> coachIds, List<String> coachEmails) {

    public static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");

    public static BookableAgency create(AgencyAdministration agencies, Accounts accounts, Calendars calendars,
                                        Coaches profiles, int coaches) {
        String agency = "oc-" + UUID.randomUUID().toString().substring(0, 12);
        return create(agencies, accounts, calendars, profiles, agency, "Outcome Test", "OT", "kontakt@" + agency + ".example.org",
            "https://ot.example.org", coaches, 0);
    }

    /**
     * As {@link #create(AgencyAdministration, Accounts, Calendars, Coaches, int)} with the agency's id, name ({@code name} and
     * the id), short name ({@code shortName} and the id: short names are unique), email and web address as a test's
     * assertions expect them, and at most {@code maxPerDay} appointments per coach and day (0: no limit).
     */
    public static BookableAgency create(AgencyAdministration agencies, Accounts accounts, Calendars calendars,
                                        Coaches profiles, String agency, String name, String shortName, String email, String web,
                                        int coaches, int maxPerDay) {
        agencies.addUnlessPresent(agency, new AgencyProfile(name + " " + agency, shortName + " " + agency, email,
            "+49 231 000000", web, "Teststraße 1, 44135 Dortmund", "5"), List.of());
        List<Accounts.NewAccount> people = new ArrayList<>();
        for (int i = 0; i < coaches; i++) {
            people.add(new Accounts.NewAccount("coach" + i + "@" + agency + ".example.org", "Coach " + i + " " + agency,
                Role.COACH, agency));
        }
        accounts.addUnlessPresent(people);
        List<String> ids = new ArrayList<>();
        List<String> emails = new ArrayList<>();
        people.stream().sorted(java.util.Comparator.comparing(p -> accounts.byEmail(p.email()).orElseThrow().id()))
            .forEach(p -> {
                ids.add(accounts.byEmail(p.email()).orElseThrow().id());
                emails.add(p.email());
            });
        Map<DayOfWeek, String> weekly = everyDay();
        List<String> everyMode = java.util.Arrays.stream(MeetingMode.values()).map(Enum::name).toList();
        for (int i = 0; i < ids.size(); i++) {
            // a coach is offered only for a type whose mode they offer: these offer every mode
            profiles.update(ids.get(i), accounts.byEmail(emails.get(i)).orElseThrow().name(), "", everyMode, List.of());
        }
        for (String id : ids) {
            calendars.update(id, agency, new Calendars.CalendarInput(weekly, "", "", "15", "15", "0", "60",
                String.valueOf(maxPerDay), "30"), List.of());
        }
        AppointmentType type = calendars.saveType(agency, null, new Calendars.TypeInput("Erstgespräch", "First talk",
            "60", "VIDEO", "0", ids, true), List.of());
        return new BookableAgency(agency, type.id(), List.copyOf(ids), List.copyOf(emails));
    }

    /** The weekly hours the coaches are given: every day, 8 to 18. */
    static Map<DayOfWeek, String> everyDay() {
        Map<DayOfWeek, String> weekly = new EnumMap<>(DayOfWeek.class);
        for (DayOfWeek d : DayOfWeek.values()) {
            weekly.put(d, "08:00-18:00");
        }
        return weekly;
    }

    /** The first coach away over {@code absences} (the calendar's text: {@code 2026-12-07..2026-12-13}), hours as made. */
    public void firstCoachAway(Calendars calendars, String absences) {
        calendars.update(coachIds.get(0), agencyId, new Calendars.CalendarInput(everyDay(), "", absences, "15", "15", "0",
            "60", "0", "30"), List.of());
    }

    public String agencyEmail() {
        return "kontakt@" + agencyId + ".example.org";
    }

    /** A day in the coming weeks that is no public holiday. */
    public static LocalDate bookableDay(int inDays) {
        LocalDate day = LocalDate.now(BERLIN).plusDays(inDays);
        while (NrwHolidays.isHoliday(day)) {
            day = day.plusDays(1);
        }
        return day;
    }

    /**
     * The first day at least {@code inDays} ahead that begins a week without a public holiday: it and the six days
     * after it are bookable, so that a test may book and move on {@code day.plusDays(k)}, k &lt; 7, whatever the date
     * it runs on (a move to "five days on" fell on Christmas Day when run on 4 December).
     */
    public static LocalDate bookableWeek(int inDays) {
        LocalDate day = LocalDate.now(BERLIN).plusDays(inDays);
        while (day.datesUntil(day.plusDays(7)).anyMatch(NrwHolidays::isHoliday)) {
            day = day.plusDays(1);
        }
        return day;
    }

    /**
     * The next change of Berlin's clocks, to summer time ({@code toSummer}) or back to winter time, on a day at least two
     * days ahead: every hour of that day is still to come whenever the test runs (a test run in the night of a change
     * found that night's first hours past).
     */
    public static ZoneOffsetTransition nextClockChange(boolean toSummer) {
        Instant at = LocalDate.now(BERLIN).plusDays(2).atStartOfDay(BERLIN).toInstant();
        while (true) {
            ZoneOffsetTransition change = BERLIN.getRules().nextTransition(at);
            if (change.isGap() == toSummer) {
                return change;
            }
            at = change.getInstant();
        }
    }

    /**
     * Skips the test (with the reason) when {@code day} and the night after it lie beyond the longest booking window a
     * calendar can have (365 days): the next change of the clocks is up to 371 days ahead in the days after a change.
     */
    public static void assumeWithinLongestWindow(LocalDate day) {
        LocalDate last = LocalDate.now(BERLIN).plusDays(364);
        Assumptions.assumeFalse(day.isAfter(last), () -> day + " is beyond the longest booking window (to " + last
            + "): the next change of the clocks is too far ahead today");
    }

    /**
     * Runs {@code check} with today (Berlin) as the test sees it. Should it fail and midnight have passed meanwhile (the
     * server then computed its own today a day later, which the test cannot tell), it runs once more, all of it, with the
     * new today: it must then hold in full for that day, so nothing is asserted less, only never across two days.
     */
    public static void onToday(Consumer<LocalDate> check) {
        onToday(() -> LocalDate.now(BERLIN), check);
    }

    static void onToday(Supplier<LocalDate> today, Consumer<LocalDate> check) {
        LocalDate before = today.get();
        try {
            check.accept(before);
        } catch (AssertionError failed) {
            LocalDate after = today.get();
            if (after.equals(before)) {
                throw failed;
            }
            check.accept(after);
        }
    }

    public static String at(LocalDate day, int hour) {
        return day.atTime(hour, 0).atZone(BERLIN).toOffsetDateTime().format(DateTimeFormatter.ISO_OFFSET_DATE_TIME);
    }

    /** The API's body for a booking with the first coach; {@code assessmentId} may be null. */
    public String body(String start, String email, boolean consent, String assessmentId) {
        return body(start, email, consent, assessmentId, null);
    }

    /** As above, with the check's private token ({@code assessmentToken}, needed with {@code assessmentId}). */
    public String body(String start, String email, boolean consent, String assessmentId, String assessmentToken) {
        return "{\"agencyId\":\"" + agencyId + "\",\"typeId\":\"" + typeId + "\",\"start\":\"" + start + "\","
            + "\"coachId\":\"" + coachIds.get(0) + "\","
            + "\"company\":{\"name\":\"Termin GmbH\",\"postalCode\":\"44135\"},"
            + "\"contact\":{\"name\":\"Tina Termin\",\"email\":\"" + email + "\",\"phone\":\"+49 231 1234\"},"
            + (assessmentId == null ? "" : "\"assessmentId\":\"" + assessmentId + "\",")
            + (assessmentToken == null ? "" : "\"assessmentToken\":\"" + assessmentToken + "\",")
            + (consent ? "\"consent\":{\"shareWithAgency\":true}," : "") + "\"language\":\"de\"}";
    }
}
