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
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.time.Duration;
import java.time.Instant;
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
            Instant weekBegan = now.atZone(java.time.ZoneId.of("Europe/Berlin")).toLocalDate()
                .with(java.time.temporal.TemporalAdjusters.previousOrSame(java.time.DayOfWeek.MONDAY))
                .atStartOfDay(java.time.ZoneId.of("Europe/Berlin")).toInstant();
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
        assertThat(f.linked()).isZero();
        assertThat(f.unlinkedCheckIds()).isEmpty();

        LeadDashboard.Dashboard d = dashboards.of(agency);
        assertThat(d.weeks()).hasSize(LeadDashboard.WEEKS);
        assertThat(d.weeks().stream().mapToLong(LeadDashboard.Week::leads).sum()).isEqualTo(d.leads()).isEqualTo(5);
        assertThat(d.weeks().get(LeadDashboard.WEEKS - 1).leads()).as("this week: Fünf").isGreaterThanOrEqualTo(1);
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
        assertThat(d.weeks().get(LeadDashboard.WEEKS - 2).leads()).as("last week, which that Monday began").isEqualTo(1);
        assertThat(d.weeks().get(LeadDashboard.WEEKS - 3).leads()).as("the week before").isZero();
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
    }

    @Test
    void theBookingShareCountsEveryLeadOfThePeriodAndEachBookedOneOnce() throws Exception {
        BookableAgency a = BookableAgency.create(agencies, accounts, calendars, coachProfiles, 1);
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        Instant t = now.minus(2, ChronoUnit.DAYS);
        Instant due = t.plus(2, ChronoUnit.DAYS);
        // a lead made by a booking (no check before): linked to its booking
        java.time.LocalDate day = BookableAgency.bookableDay(3);
        Instant start = booking.free(a.agencyId(), a.typeId(), day, day.plusDays(7), null).get(0).start();
        booking.book(new Bookings.Request(a.agencyId(), a.typeId(), start, null, "Termin GmbH", "44135", "Tina Termin",
            "tina@termin.example.org", null, null, null, true, Language.DE, null));
        String checkLinked = UUID.randomUUID().toString();
        String checkBookedWithoutConsent = UUID.randomUUID().toString();
        String linkedLead;
        String otherAgencysLead;
        try (LeadSeed seed = new LeadSeed(dataSource)) {
            // a check's lead whose company then booked with consent (linked, twice), one whose company booked without
            // consent (its check has a booking, no link), one with a check and no booking, one without either
            linkedLead = seed.add(a.agencyId(), "Verknüpft", "Dortmund", 2, "NEW", t, due, null, checkLinked, null);
            seed.add(a.agencyId(), "Ohne Zustimmung", "Dortmund", 2, "NEW", t, due, null, checkBookedWithoutConsent, null);
            seed.add(a.agencyId(), "Nur Check", "Dortmund", 2, "NEW", t, due, null, UUID.randomUUID().toString(), null);
            seed.add(a.agencyId(), "Nichts", "Dortmund", 2, "NEW", t, due, null, null, null);
            otherAgencysLead = seed.add(a.agencyId() + "-x", "Fremd", "Hagen", 2, "NEW", t, due, null, null, null);
        }
        Database db = new Database(dataSource);
        for (String lead : List.of(linkedLead, linkedLead, otherAgencysLead)) {
            db.execute("INSERT INTO lead_booking (booking_id, lead_id, linked_at) VALUES (?, ?, ?)",
                UUID.randomUUID().toString(), lead, java.sql.Timestamp.from(now));
        }
        Instant later = now.plus(30, ChronoUnit.DAYS);
        db.execute("INSERT INTO booking (id, coach_id, agency_id, type_id, assessment_id, start_at, end_at, blocked_from, "
                + "blocked_until, meeting_mode, status, company_name, company_postal_code, contact_name, contact_email, "
                + "language, token_hash, consent_share, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, 'VIDEO', "
                + "'CONFIRMED', 'Ohne Zustimmung GmbH', '44135', 'Olaf Ohne', 'olaf@ohne.example.org', 'de', ?, FALSE, ?, ?)",
            UUID.randomUUID().toString(), a.coachIds().get(0), a.agencyId(), a.typeId(), checkBookedWithoutConsent,
            java.sql.Timestamp.from(later), java.sql.Timestamp.from(later.plus(1, ChronoUnit.HOURS)),
            java.sql.Timestamp.from(later), java.sql.Timestamp.from(later.plus(1, ChronoUnit.HOURS)),
            UUID.randomUUID().toString().replace("-", "") + UUID.randomUUID().toString().replace("-", ""),
            java.sql.Timestamp.from(now), java.sql.Timestamp.from(now));

        LeadDashboard.Dashboard d = dashboards.of(a.agencyId());
        assertThat(d.leads()).as("the booking's lead and the four seeded").isEqualTo(5);
        assertThat(d.withBooking()).as("the booking's lead, the linked one, the one whose check was booked")
            .isEqualTo(3);
        assertThat(d.bookingPercent()).isEqualTo(60);
        LeadFigures.Figures f = figures.of(a.agencyId(), now.minus(84, ChronoUnit.DAYS), now.plusSeconds(60));
        assertThat(f.total()).isEqualTo(5);
        assertThat(f.linked()).isEqualTo(2);
        assertThat(f.unlinkedCheckIds()).hasSize(2).doesNotContain(checkLinked);
        assertThat(bookings.bookedChecks(f.unlinkedCheckIds())).containsExactly(checkBookedWithoutConsent);
    }
}
