package de.digitalcheck.portal.leads.internal;

import de.digitalcheck.portal.booking.BookingFigures;
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
 * contacts within the service level, the share of leads whose check has a booked appointment, and the average
 * readiness per dimension of the agency's checks beside the network's.
 */
@Singleton
public class LeadDashboard {

    public static final int WEEKS = 12;

    private final LeadFigures leads;
    private final ReadinessFigures readiness;
    private final BookingFigures bookings;
    private final Clock clock;

    LeadDashboard(LeadFigures leads, ReadinessFigures readiness, BookingFigures bookings, Clock clock) {
        this.leads = leads;
        this.readiness = readiness;
        this.bookings = bookings;
        this.clock = clock;
    }

    public record Week(LocalDate monday, long leads) {
    }

    /**
     * Outcomes of the appointments (issue 14's coaches record them): how many were held, the share of no-shows, how
     * many ended with a voucher recommendation.
     */
    public record AppointmentOutcomes(long held, long noShows, long recommendations) {
    }

    public record Dashboard(@Nullable String agencyId, LocalDate firstWeek, List<Week> weeks,
                            Map<String, Long> byStage, long leads, @Nullable Duration medianFirstContact,
                            long decided, long inTime, long withBooking, long withCheck,
                            ReadinessFigures.Averages territory, ReadinessFigures.Averages network,
                            Optional<AppointmentOutcomes> outcomes) {

        /** Share of first contacts within the service level, in percent; null where none is decided yet. */
        public @Nullable Integer inTimePercent() {
            return decided == 0 ? null : (int) Math.round(100.0 * inTime / decided);
        }

        /** Share of the leads whose check has a booked appointment, in percent; null without leads with a check. */
        public @Nullable Integer bookingPercent() {
            return withCheck == 0 ? null : (int) Math.round(100.0 * withBooking / withCheck);
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
            f.inTime(), bookings.checksWithBooking(f.checkIds()), f.checkIds().size(), territory, network,
            appointmentOutcomes(agencyId, from, now));
    }

    /**
     * Extension point for the appointments' outcomes (held, no-show rate, recommendations): the booking module will
     * offer them as a facade method (e.g. {@code Bookings.outcomeStats(agencyId, from, to)}); call it here and the
     * dashboard shows them. Until then there are none and the dashboard leaves the section out.
     */
    Optional<AppointmentOutcomes> appointmentOutcomes(@Nullable String agencyId, Instant from, Instant to) {
        return Optional.empty();
    }
}
