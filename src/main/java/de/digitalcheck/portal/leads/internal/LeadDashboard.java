package de.digitalcheck.portal.leads.internal;

import de.digitalcheck.portal.booking.BookingFigures;
import de.digitalcheck.portal.booking.OutcomeStats;
import de.digitalcheck.portal.readiness.ReadinessFigures;
import de.digitalcheck.portal.shared.time.PortalTime;
import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;

import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The dashboard of one agency (its staff, and network admins) or of the whole network (admins): the last
 * {@value #WEEKS} weeks' leads per week and per stage, the median time to the first contact, the share of first
 * contacts within the service level, the share of the leads with a booked appointment, and the average
 * readiness per dimension of the agency's checks beside the network's.
 */
@Singleton
public class LeadDashboard {

    public static final int WEEKS = 12;

    private final de.digitalcheck.portal.booking.AppointmentOutcomes outcomes;
    private final LeadFigures leads;
    private final ReadinessFigures readiness;
    private final BookingFigures bookings;
    private final Clock clock;

    LeadDashboard(LeadFigures leads, ReadinessFigures readiness, BookingFigures bookings, de.digitalcheck.portal.booking.AppointmentOutcomes outcomes,
                  Clock clock) {
        this.outcomes = outcomes;
        this.leads = leads;
        this.readiness = readiness;
        this.bookings = bookings;
        this.clock = clock;
    }

    public record Week(LocalDate monday, long leads) {
    }

    /**
     * Outcomes of the appointments that started in the period (their coaches record them): how many were held, how
     * many were no-shows and their share (null: none recorded), how many need a follow-up, how many ended with a
     * funding programme recommended.
     */
    public record AppointmentOutcomes(long held, long noShows, long followUps, long recommendations) {

        /** Share of no-shows among the recorded outcomes, in percent; null where none is recorded. */
        public @Nullable Integer noShowPercent() {
            return held + noShows == 0 ? null : (int) Math.round(100.0 * noShows / (held + noShows));
        }

        public long recorded() {
            return held + noShows;
        }
    }

    public record Dashboard(@Nullable String agencyId, LocalDate firstWeek, List<Week> weeks,
                            Map<String, Long> byStage, long leads, @Nullable Duration medianFirstContact,
                            long decided, long inTime, long withBooking,
                            ReadinessFigures.Averages territory, ReadinessFigures.Averages network,
                            Optional<AppointmentOutcomes> outcomes) {

        /** Share of first contacts within the service level, in percent; null where none is decided yet. */
        public @Nullable Integer inTimePercent() {
            return decided == 0 ? null : (int) Math.round(100.0 * inTime / decided);
        }

        /**
         * Share of the period's leads (all of them, those a booking made included) with a booked appointment, in
         * percent; null without leads.
         */
        public @Nullable Integer bookingPercent() {
            return leads == 0 ? null : (int) Math.round(100.0 * withBooking / leads);
        }
    }

    /** The dashboard of an agency, or of the network with {@code null}. */
    public Dashboard of(@Nullable String agencyId) {
        Instant now = clock.instant();
        LocalDate thisMonday = PortalTime.local(now).toLocalDate().with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
        LocalDate first = thisMonday.minusWeeks(WEEKS - 1);
        Instant from = first.atStartOfDay(PortalTime.ZONE).toInstant();
        LeadFigures.Figures f = leads.of(agencyId, from, now);
        long[] perWeek = new long[WEEKS];
        f.perDay().forEach((day, count) -> {
            long week = ChronoUnit.DAYS.between(first, day) / 7;
            perWeek[(int) Math.max(0, Math.min(WEEKS - 1, week))] += count;
        });
        List<Week> weeks = new ArrayList<>();
        for (int i = 0; i < WEEKS; i++) {
            weeks.add(new Week(first.plusWeeks(i), perWeek[i]));
        }
        ReadinessFigures.Averages network = readiness.averages(null);
        ReadinessFigures.Averages territory = agencyId == null ? network : readiness.averages(agencyId);
        return new Dashboard(agencyId, first, weeks, f.byStage(), f.total(), f.medianFirstContact(), f.decided(),
            f.inTime(), withBooking(f), territory, network,
            appointmentOutcomes(agencyId, from, now));
    }

    /**
     * The period's leads with a booked appointment: those with a confirmed booking linked to them, and those whose
     * check has a confirmed booking (made without consent, so linked to no lead, or linked to another lead). Only
     * confirmed bookings count, both ways: a lead whose appointments were all cancelled has none booked.
     */
    private long withBooking(LeadFigures.Figures f) {
        java.util.Set<String> confirmed = bookings.confirmedBookings(f.bookingLinks().stream()
            .flatMap(l -> l.bookingIds().stream()).toList());
        long booked = 0;
        List<String> checks = new ArrayList<>();
        for (LeadFigures.BookingLinks lead : f.bookingLinks()) {
            if (lead.bookingIds().stream().anyMatch(confirmed::contains)) {
                booked++;
            } else if (lead.checkId() != null) {
                checks.add(lead.checkId());
            }
        }
        if (checks.isEmpty()) {
            return booked;
        }
        java.util.Set<String> bookedChecks = bookings.bookedChecks(checks);
        return booked + checks.stream().filter(bookedChecks::contains).count();
    }

    /** The appointments' outcomes in the agency (null: the network) from the booking module. */
    Optional<AppointmentOutcomes> appointmentOutcomes(@Nullable String agencyId, Instant from, Instant to) {
        OutcomeStats s = outcomes.outcomeStats(agencyId, from, to);
        return Optional.of(new AppointmentOutcomes(s.held(), s.noShows(), s.followUps(),
            s.recommendations().values().stream().mapToLong(Long::longValue).sum()));
    }
}
