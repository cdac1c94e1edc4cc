package de.digitalcheck.portal.leads;

import de.digitalcheck.portal.accounts.Accounts;
import de.digitalcheck.portal.booking.BookingFigures;
import de.digitalcheck.portal.booking.Bookings;
import de.digitalcheck.portal.booking.Calendars;
import de.digitalcheck.portal.leads.internal.LeadDashboard;
import de.digitalcheck.portal.leads.internal.LeadFigures;
import de.digitalcheck.portal.readiness.ReadinessFigures;
import de.digitalcheck.portal.routing.AgencyAdministration;
import de.digitalcheck.portal.shared.i18n.Language;
import de.digitalcheck.portal.support.BookableAgency;
import de.digitalcheck.portal.support.Database;
import de.digitalcheck.portal.support.LeadSeed;
import de.digitalcheck.portal.shared.time.PortalTime;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The dashboard's figures aggregated in SQL (issue 13), against H2 and MySQL/MariaDB by the subclasses: leads per
 * stage and per week of the period only, first contacts within the service level (undecided leads left out), the
 * median time to the first contact, the readiness averages and the bookings' share; another agency's leads never
 * count.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class LeadFiguresContract {

    @Inject
    javax.sql.DataSource dataSource;
    @Inject
    LeadFigures figures;
    @Inject
    LeadDashboard dashboards;
    @Inject
    ReadinessFigures readiness;
    @Inject
    BookingFigures bookings;
    @Inject
    Bookings booking;
    @Inject
    de.digitalcheck.portal.booking.BookingChanges changes;
    @Inject
    AgencyAdministration agencies;
    @Inject
    Accounts accounts;
    @Inject
    Calendars calendars;
    @Inject
    de.digitalcheck.portal.booking.Coaches coachProfiles;

    @Test
    void theFiguresCountThePeriodsLeadsOfTheAgencyOnly() throws Exception {
        String agency = "fig-" + UUID.randomUUID().toString().substring(0, 8);
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        Instant t = now.minus(20, ChronoUnit.DAYS);
        Instant due = t.plus(2, ChronoUnit.DAYS);
        try (LeadSeed seed = new LeadSeed(dataSource)) {
            seed.add(agency, "Eins", "Dortmund", 1, "CONTACTED", t, due, t.plus(1, ChronoUnit.HOURS), null, null);
            seed.add(agency, "Zwei", "Dortmund", 2, "QUALIFIED", t, due, t.plus(3, ChronoUnit.HOURS), null, null);
            seed.add(agency, "Drei", "Dortmund", 2, "CONTACTED", t, due, t.plus(5, ChronoUnit.DAYS), null, null);
            seed.add(agency, "Vier", "Dortmund", 3, "NEW", t, due, null, null, null);
            // an hour ago, but not before this week began in Berlin (in the first hour of a Monday, an hour ago was
            // last week: the dashboard's weeks are Berlin's)
            Instant weekBegan = mondayOf(now).atStartOfDay(PortalTime.ZONE).toInstant();
            Instant fifth = now.minus(1, ChronoUnit.HOURS).isBefore(weekBegan) ? weekBegan : now.minus(1, ChronoUnit.HOURS);
            seed.add(agency, "Fünf", "Dortmund", 3, "NEW", fifth, fifth.plus(2, ChronoUnit.DAYS), null, null, null);
            seed.add(agency, "Alt", "Dortmund", 3, "NEW", now.minus(200, ChronoUnit.DAYS),
                now.minus(198, ChronoUnit.DAYS), null, null, null);
            seed.add(agency + "-x", "Fremd", "Hagen", 3, "NEW", t, due, null, null, null);
        }
        LeadFigures.Figures f = figures.of(agency, now.minus(84, ChronoUnit.DAYS), now);
        assertThat(f.total()).isEqualTo(5);
        assertThat(f.byStage()).containsEntry("NEW", 2L).containsEntry("CONTACTED", 2L).containsEntry("QUALIFIED", 1L)
            .containsEntry("WON", 0L);
        assertThat(f.decided()).as("contacted, or past the deadline").isEqualTo(4);
        assertThat(f.inTime()).isEqualTo(2);
        assertThat(f.contacted()).isEqualTo(3);
        assertThat(f.medianFirstContact()).isEqualTo(Duration.ofHours(3));
        assertThat(f.perDay().values().stream().mapToLong(Long::longValue).sum()).isEqualTo(5);
        assertThat(f.bookingLinks()).as("one entry per lead, none linked").hasSize(5)
            .allSatisfy(l -> assertThat(l.bookingIds()).isEmpty());

        LeadDashboard.Dashboard d = dashboards.of(agency);
        assertThat(d.weeks()).hasSize(LeadDashboard.WEEKS);
        assertThat(d.weeks().stream().mapToLong(LeadDashboard.Week::leads).sum()).isEqualTo(d.leads()).isEqualTo(5);
        // the dashboard's weeks from its own clock: a new week that began (Sunday midnight in Berlin) after the leads
        // were seeded moves them all one week back, "this week" then being the one before
        LocalDate thisWeek = mondayOf(now);
        assertThat(d.weeks().get(LeadDashboard.WEEKS - 1).monday()).as("the dashboard ends with this week")
            .isIn(thisWeek, mondayOf(Instant.now()));
        assertThat(d.weeks()).as("Eins to Vier in their week, Fünf in this one").filteredOn(w -> w.leads() > 0)
            .containsExactly(new LeadDashboard.Week(mondayOf(t), 4), new LeadDashboard.Week(thisWeek, 1));
        assertThat(d.inTimePercent()).isEqualTo(50);
        assertThat(d.withBooking()).isZero();
        assertThat(d.bookingPercent()).as("five leads, none booked").isZero();
        assertThat(dashboards.of(agency + "-none").bookingPercent()).as("no leads").isNull();
        assertThat(d.outcomes()).as("the booking module's outcome figures, none recorded for this agency").hasValueSatisfying(
            o -> {
                assertThat(o.recorded()).isZero();
                assertThat(o.noShowPercent()).isNull();
            });
        assertThat(figures.of(null, now.minus(84, ChronoUnit.DAYS), now).total()).as("the network counts all")
            .isGreaterThanOrEqualTo(6);
    }

    /**
     * The dashboard's weeks are Berlin's: a lead of half past midnight on a Monday in Berlin (Sunday evening in UTC,
     * which the database stores) counts in the week that Monday begins. Its days were UTC dates, which put it into the
     * week before.
     */
    @Test
    void aLeadOfAMondaysFirstHourInBerlinCountsInThatWeek() throws Exception {
        String agency = "fig-" + UUID.randomUUID().toString().substring(0, 8);
        java.time.ZoneId berlin = java.time.ZoneId.of("Europe/Berlin");
        Instant mondayNight = Instant.now().atZone(berlin).toLocalDate()
            .with(java.time.temporal.TemporalAdjusters.previousOrSame(java.time.DayOfWeek.MONDAY)).minusWeeks(1)
            .atTime(0, 30).atZone(berlin).toInstant();
        try (LeadSeed seed = new LeadSeed(dataSource)) {
            seed.add(agency, "Montag", "Dortmund", 1, "NEW", mondayNight, mondayNight.plus(2, ChronoUnit.DAYS), null,
                null, null);
        }
        LeadDashboard.Dashboard d = dashboards.of(agency);
        // the week that Monday began: last week, or the one before if a new week began since (Sunday midnight)
        int week = d.weeks().indexOf(new LeadDashboard.Week(mondayNight.atZone(berlin).toLocalDate(), 1));
        assertThat(week).as("the week that Monday began: " + d.weeks()).isIn(LeadDashboard.WEEKS - 2, LeadDashboard.WEEKS - 3);
        assertThat(d.weeks().get(week - 1).leads()).as("the week before").isZero();
        assertThat(d.weeks().stream().mapToLong(LeadDashboard.Week::leads).sum()).as("that week only").isEqualTo(1);
        assertThat(figures.of(agency, mondayNight.minus(1, ChronoUnit.DAYS), Instant.now()).perDay())
            .containsExactly(Map.entry(mondayNight.atZone(berlin).toLocalDate(), 1L));
    }

    /** A withdrawn or erased lead is shown as such (LeadRow#shownToAgency), so it counts as such, not under its stage. */
    @Test
    void aWithdrawnOrErasedLeadCountsAsNoLongerSharedNotUnderItsStage() throws Exception {
        String agency = "fig-" + UUID.randomUUID().toString().substring(0, 8);
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        Instant t = now.minus(3, ChronoUnit.DAYS);
        String withdrawn;
        String erased;
        try (LeadSeed seed = new LeadSeed(dataSource)) {
            seed.add(agency, "Offen", "Dortmund", 1, "NEW", t, t.plus(2, ChronoUnit.DAYS), null, null, null);
            withdrawn = seed.add(agency, "Widerrufen", "Dortmund", 1, "NEW", t, t.plus(2, ChronoUnit.DAYS), null, null, null);
            erased = seed.add(agency, "Gelöscht", "Dortmund", 1, "CONTACTED", t, t.plus(2, ChronoUnit.DAYS), t, null, null);
        }
        Database db = new Database(dataSource);
        db.execute("UPDATE agency_lead SET status = 'WITHDRAWN', withdrawn_at = ? WHERE id = ?", java.sql.Timestamp.from(now), withdrawn);
        db.execute("UPDATE agency_lead SET status = 'ERASED', withdrawn_at = ? WHERE id = ?", java.sql.Timestamp.from(now), erased);
        LeadFigures.Figures f = figures.of(agency, now.minus(84, ChronoUnit.DAYS), now);
        assertThat(f.byStage()).containsEntry("NEW", 1L).containsEntry("CONTACTED", 0L)
            .containsEntry("WITHDRAWN", 2L);
        assertThat(f.total()).as("every lead of the period still counts once").isEqualTo(3);
        assertThat(dashboards.of(agency).byStage()).isEqualTo(f.byStage());
    }

    /**
     * A lead rejected while new (spam) had no first contact: it counts neither in the median nor in the share within
     * the service level. Its rejection stopped the clock: rejected before its deadline it is left out of the share;
     * rejected after the deadline had passed (overdue, escalated by then) it missed the service level. A lead rejected
     * after a first contact counts by that contact.
     */
    @Test
    void aRejectionIsNoFirstContactButStopsTheClock() throws Exception {
        String agency = "fig-" + UUID.randomUUID().toString().substring(0, 8);
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        Instant t = now.minus(10, ChronoUnit.DAYS);
        Instant due = t.plus(2, ChronoUnit.DAYS);
        String inTime;
        String late;
        String contactedThenRejected;
        try (LeadSeed seed = new LeadSeed(dataSource)) {
            seed.add(agency, "Kontakt", "Dortmund", 1, "CONTACTED", t, due, t.plus(4, ChronoUnit.HOURS), null, null);
            inTime = seed.add(agency, "Spam", "Dortmund", 1, "REJECTED", t, due, null, null, null);
            late = seed.add(agency, "Spam spät", "Dortmund", 1, "REJECTED", t, due, null, null, null);
            contactedThenRejected = seed.add(agency, "Kein Bedarf", "Dortmund", 1, "REJECTED", t, due,
                t.plus(8, ChronoUnit.HOURS), null, null);
        }
        Database db = new Database(dataSource);
        db.execute("UPDATE agency_lead SET closed_at = ? WHERE id = ?", java.sql.Timestamp.from(t.plusSeconds(600)), inTime);
        db.execute("UPDATE agency_lead SET closed_at = ? WHERE id = ?", java.sql.Timestamp.from(due.plusSeconds(3600)), late);
        db.execute("UPDATE agency_lead SET closed_at = ? WHERE id = ?", java.sql.Timestamp.from(t.plus(9, ChronoUnit.HOURS)),
            contactedThenRejected);
        LeadFigures.Figures f = figures.of(agency, now.minus(84, ChronoUnit.DAYS), now);
        assertThat(f.total()).isEqualTo(4);
        assertThat(f.contacted()).as("the two first contacts, no rejection").isEqualTo(2);
        assertThat(f.medianFirstContact()).as("of 4 and 8 hours").isEqualTo(Duration.ofHours(6));
        assertThat(f.decided()).as("the two contacted and the one rejected after its deadline").isEqualTo(3);
        assertThat(f.inTime()).isEqualTo(2);
        assertThat(dashboards.of(agency).inTimePercent()).isEqualTo(67);
    }

    @Test
    void anEvenNumberOfFirstContactsTakesTheMeanOfTheMiddleTwo() throws Exception {
        String agency = "fig-" + UUID.randomUUID().toString().substring(0, 8);
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        Instant t = now.minus(3, ChronoUnit.DAYS);
        try (LeadSeed seed = new LeadSeed(dataSource)) {
            for (int hours : new int[] {1, 2, 4, 100}) {
                seed.add(agency, "Lead " + hours, "Dortmund", 1, "CONTACTED", t, t.plus(2, ChronoUnit.DAYS),
                    t.plus(hours, ChronoUnit.HOURS), null, null);
            }
        }
        assertThat(figures.of(agency, t.minusSeconds(1), now).medianFirstContact()).isEqualTo(Duration.ofHours(3));
        assertThat(figures.of(agency + "-none", t, now).medianFirstContact()).isNull();
    }

    @Test
    void readinessAveragesAndBookingSharesAreSqlAggregates() {
        ReadinessFigures.Averages network = readiness.averages(null);
        ReadinessFigures.Averages none = readiness.averages("no-such-agency");
        assertThat(none.checks()).isZero();
        assertThat(none.levels()).isEmpty();
        assertThat(network.levels().values()).allSatisfy(v -> assertThat(v).isBetween(0.0, 5.0));
        assertThat(bookings.checksWithBooking(List.of())).isZero();
        assertThat(bookings.checksWithBooking(java.util.stream.IntStream.range(0, 1200)
            .mapToObj(i -> UUID.randomUUID().toString()).toList())).as("chunked IN lists").isZero();
        assertThat(bookings.confirmedBookings(List.of())).isEmpty();
        assertThat(bookings.confirmedBookings(java.util.stream.IntStream.range(0, 1200)
            .mapToObj(i -> UUID.randomUUID().toString()).toList())).as("chunked IN lists").isEmpty();
    }

    /**
     * Only confirmed appointments count, both ways: a lead linked to bookings counts while one of them is confirmed
     * (its bookings all cancelled, it counts no longer — unless its check has a confirmed booking after all), a check's
     * booking made without consent while it is confirmed. Links to cancelled bookings once made a lead count for ever.
     */
    @Test
    void theBookingShareCountsEveryLeadOfThePeriodAndEachBookedOneOnce() throws Exception {
        BookableAgency a = BookableAgency.create(agencies, accounts, calendars, coachProfiles, 1);
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        Instant t = now.minus(2, ChronoUnit.DAYS);
        Instant due = t.plus(2, ChronoUnit.DAYS);
        // a lead made by a booking (no check before): linked to its booking; another one whose booking was then
        // cancelled by the company
        java.time.LocalDate day = BookableAgency.bookableDay(3);
        List<de.digitalcheck.portal.booking.FreeSlot> free = booking.free(a.agencyId(), a.typeId(), day,
            day.plusDays(7), null);
        booking.book(new Bookings.Request(a.agencyId(), a.typeId(), free.get(0).start(), null, "Termin GmbH", "44135",
            "Tina Termin", "tina@termin.example.org", null, null, null, true, Language.DE, null));
        Bookings.Made cancelled = booking.book(new Bookings.Request(a.agencyId(), a.typeId(),
            free.get(free.size() - 1).start(), null, "Absage GmbH", "44135", "Anna Absage", "anna@absage.example.org",
            null, null, null, true, Language.DE, null));
        changes.cancel(cancelled.booking().id(), cancelled.token(), null);
        String checkLinked = UUID.randomUUID().toString();
        String checkBookedWithoutConsent = UUID.randomUUID().toString();
        String checkCancelledWithoutConsent = UUID.randomUUID().toString();
        String checkLinkedCancelledBookedWithoutConsent = UUID.randomUUID().toString();
        String linkedLead;
        String linkedCancelledLead;
        String linkedCancelledBookedLead;
        String otherAgencysLead;
        try (LeadSeed seed = new LeadSeed(dataSource)) {
            // a check's lead whose company then booked with consent (linked, twice: one of them cancelled), one whose
            // company booked without consent (its check has a booking, no link), one whose bookings were all
            // cancelled (linked, and without consent), one whose linked booking was cancelled but whose check has a
            // confirmed booking without consent, one with a check and no booking, one without either
            linkedLead = seed.add(a.agencyId(), "Verknüpft", "Dortmund", 2, "NEW", t, due, null, checkLinked, null);
            seed.add(a.agencyId(), "Ohne Zustimmung", "Dortmund", 2, "NEW", t, due, null, checkBookedWithoutConsent, null);
            linkedCancelledLead = seed.add(a.agencyId(), "Abgesagt", "Dortmund", 2, "NEW", t, due, null,
                checkCancelledWithoutConsent, null);
            linkedCancelledBookedLead = seed.add(a.agencyId(), "Neu gebucht", "Dortmund", 2, "NEW", t, due, null,
                checkLinkedCancelledBookedWithoutConsent, null);
            seed.add(a.agencyId(), "Nur Check", "Dortmund", 2, "NEW", t, due, null, UUID.randomUUID().toString(), null);
            seed.add(a.agencyId(), "Nichts", "Dortmund", 2, "NEW", t, due, null, null, null);
            otherAgencysLead = seed.add(a.agencyId() + "-x", "Fremd", "Hagen", 2, "NEW", t, due, null, null, null);
        }
        Database db = new Database(dataSource);
        link(db, linkedLead, insertBooking(db, a, checkLinked, "CONFIRMED", true, now));
        link(db, linkedLead, insertBooking(db, a, checkLinked, "CANCELLED", true, now));
        link(db, linkedCancelledLead, insertBooking(db, a, checkCancelledWithoutConsent, "CANCELLED", true, now));
        insertBooking(db, a, checkCancelledWithoutConsent, "CANCELLED", false, now);
        link(db, linkedCancelledBookedLead, insertBooking(db, a, checkLinkedCancelledBookedWithoutConsent, "CANCELLED",
            true, now));
        insertBooking(db, a, checkLinkedCancelledBookedWithoutConsent, "CONFIRMED", false, now);
        link(db, otherAgencysLead, insertBooking(db, a, null, "CONFIRMED", true, now));
        insertBooking(db, a, checkBookedWithoutConsent, "CONFIRMED", false, now);

        LeadDashboard.Dashboard d = dashboards.of(a.agencyId());
        assertThat(d.leads()).as("the two bookings' leads and the six seeded").isEqualTo(8);
        assertThat(d.withBooking()).as("the confirmed booking's lead, the linked one, the one whose check was booked, "
            + "the one whose check was booked again without consent; not the cancelled ones").isEqualTo(4);
        assertThat(d.bookingPercent()).isEqualTo(50);
        LeadFigures.Figures f = figures.of(a.agencyId(), now.minus(84, ChronoUnit.DAYS), now.plusSeconds(60));
        assertThat(f.total()).isEqualTo(8);
        assertThat(f.bookingLinks()).as("one entry per lead of the period").hasSize(8)
            .filteredOn(l -> !l.bookingIds().isEmpty()).hasSize(5);
        assertThat(f.bookingLinks()).filteredOn(l -> checkLinked.equals(l.checkId())).singleElement()
            .satisfies(l -> assertThat(l.bookingIds()).hasSize(2));
    }

    private static void link(Database db, String leadId, String bookingId) {
        db.execute("INSERT INTO lead_booking (booking_id, lead_id, linked_at) VALUES (?, ?, ?)", bookingId, leadId,
            java.sql.Timestamp.from(Instant.now()));
    }

    /** A booking of the agency's coach a month from now, of the check (null: none), in the status given. */
    private static String insertBooking(Database db, BookableAgency a, String checkId, String status, boolean consent,
                                        Instant now) {
        String id = UUID.randomUUID().toString();
        Instant later = now.plus(30, ChronoUnit.DAYS);
        db.execute("INSERT INTO booking (id, coach_id, agency_id, type_id, assessment_id, start_at, end_at, blocked_from, "
                + "blocked_until, meeting_mode, status, company_name, company_postal_code, contact_name, contact_email, "
                + "language, token_hash, consent_share, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, 'VIDEO', "
                + "?, 'Seed GmbH', '44135', 'Sara Seed', 'sara@seed.example.org', 'de', ?, ?, ?, ?)",
            id, a.coachIds().get(0), a.agencyId(), a.typeId(), checkId,
            java.sql.Timestamp.from(later), java.sql.Timestamp.from(later.plus(1, ChronoUnit.HOURS)),
            java.sql.Timestamp.from(later), java.sql.Timestamp.from(later.plus(1, ChronoUnit.HOURS)), status,
            UUID.randomUUID().toString().replace("-", "") + UUID.randomUUID().toString().replace("-", ""), consent,
            java.sql.Timestamp.from(now), java.sql.Timestamp.from(now));
        return id;
    }

    /** The Monday of the instant's week in Berlin, as the dashboard's weeks begin. */
    static LocalDate mondayOf(Instant instant) {
        return PortalTime.local(instant).toLocalDate()
            .with(java.time.temporal.TemporalAdjusters.previousOrSame(java.time.DayOfWeek.MONDAY));
    }
}
