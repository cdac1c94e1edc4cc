package de.digitalcheck.portal.booking;

import de.digitalcheck.portal.funding.FundingAdministration;
import de.digitalcheck.portal.funding.FundingProgramme;
import de.digitalcheck.portal.shared.persistence.DatabaseErrors;
import de.digitalcheck.portal.shared.time.PortalTime;
import de.digitalcheck.portal.shared.validation.Errors;
import de.digitalcheck.portal.shared.validation.TextRules;
import io.micronaut.context.event.ApplicationEventPublisher;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.exceptions.DataAccessException;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The outcomes of appointments (issue 15): recorded after the start by the appointment's coach or the staff of its
 * agency, changeable, each change published as {@link AppointmentOutcomeRecorded}; and an agency's figures.
 * Another coach's or agency's appointment is {@link UnknownBooking} (404).
 */
@Singleton
public class AppointmentOutcomes {

    public static final int MAX_NOTE = 2000;
    /** The programme shown first (the network's own voucher). */
    public static final String INNOSCHECK = "innoscheck-ruhr";

    private final OutcomeRows outcomes;
    private final AppointmentRows appointments;
    private final Bookings bookings;
    private final FundingAdministration funding;
    private final ApplicationEventPublisher<AppointmentOutcomeRecorded> events;
    private final Clock clock;

    AppointmentOutcomes(OutcomeRows outcomes, AppointmentRows appointments, Bookings bookings,
                        FundingAdministration funding, ApplicationEventPublisher<AppointmentOutcomeRecorded> events,
                        Clock clock) {
        this.outcomes = outcomes;
        this.appointments = appointments;
        this.bookings = bookings;
        this.funding = funding;
        this.events = events;
        this.clock = clock;
    }

    /** Whose appointments one may see: a coach's own, or any of an agency's (its staff). */
    public record Scope(@Nullable String coachId, @Nullable String agencyId) {

        public static Scope coach(String coachId) {
            return new Scope(Objects.requireNonNull(coachId), null);
        }

        public static Scope agency(String agencyId) {
            return new Scope(null, Objects.requireNonNull(agencyId));
        }

        boolean sees(BookingRow b) {
            return coachId != null ? coachId.equals(b.coachId()) : agencyId != null && agencyId.equals(b.agencyId());
        }
    }

    /** What the form offers: {@code "attendance"} as {@code HELD}/{@code NO_SHOW}, a checkbox, a programme id or blank. */
    public record Input(@Nullable String attendance, boolean followUp, @Nullable String programme,
                        @Nullable String note) {
    }

    /** An appointment with its outcome so far (null: none) and whether an outcome can be recorded now. */
    public record Recordable(Booking booking, @Nullable AppointmentOutcome outcome, boolean open) {
    }

    /**
     * Someone recorded or changed the appointment's outcome since the form was read (optimistic locking on the
     * outcome's {@code version}); nothing was stored.
     */
    public static class StaleOutcome extends RuntimeException {
        public StaleOutcome() {
            super("outcome changed since it was read", null, false, false);
        }
    }

    /** A funding programme one can recommend: id and names. */
    public record Programme(String id, String nameDe, String nameEn) {
    }

    @Transactional(readOnly = true)
    public Recordable find(String bookingId, Scope scope) {
        BookingRow row = row(bookingId, scope);
        return new Recordable(bookings.view(row), outcomes.findById(bookingId).map(AppointmentOutcomes::outcome)
            .orElse(null), isOpen(row));
    }

    /** The outcomes of these bookings (those recorded), by booking id. */
    @Transactional(readOnly = true)
    public Map<String, AppointmentOutcome> of(Collection<String> bookingIds) {
        if (bookingIds.isEmpty()) {
            return Map.of();
        }
        return outcomes.findByBookingIdIn(bookingIds).stream().map(AppointmentOutcomes::outcome)
            .collect(Collectors.toMap(AppointmentOutcome::bookingId, Function.identity()));
    }

    /** The programmes one can recommend after an appointment on {@code day}: open that day, InnoScheck first. */
    public List<Programme> programmes(LocalDate day) {
        return funding.all().stream().filter(p -> p.openOn(day))
            .sorted(Comparator.comparing((FundingProgramme p) -> !INNOSCHECK.equals(p.id()))
                .thenComparing(FundingProgramme::nameDe))
            .map(p -> new Programme(p.id(), p.nameDe(), p.nameEn())).toList();
    }

    /**
     * A programme by its id, open or not (an outcome recommended it on the day of its appointment): for what is shown
     * of outcomes recorded earlier, by the programme's name. Empty for an id no programme has.
     */
    public Optional<Programme> programme(String id) {
        return funding.find(id).map(p -> new Programme(p.id(), p.nameDe(), p.nameEn()));
    }

    /**
     * Records (or changes) the outcome of an appointment, on top of the outcome the form was read with: {@code
     * readVersion} is that outcome's version, null when none was recorded then. Two people saving the same
     * appointment's outcome at once: the first one's is stored, the second gets {@link StaleOutcome} (a conditional
     * update on the version; for the first outcome the primary key), and neither overwrites the other unseen.
     *
     * @throws UnknownBooking another coach's or agency's appointment
     * @throws StaleOutcome the outcome was recorded or changed since {@code readVersion}: nothing stored
     * @throws de.digitalcheck.portal.shared.validation.ValidationException before the start, a cancelled appointment,
     *     no or an unknown attendance, an unknown programme or one with a no-show, a note too long: nothing stored
     */
    @Transactional
    public AppointmentOutcome record(String bookingId, Scope scope, Input input, @Nullable Integer readVersion,
                                     String actorId, String actorName) {
        BookingRow row = row(bookingId, scope);
        Optional<OutcomeRow> before = outcomes.findById(bookingId);
        if (!Objects.equals(before.map(OutcomeRow::version).orElse(null), readVersion)) {
            throw new StaleOutcome();
        }
        Errors errors = new Errors();
        if (BookingRow.CANCELLED.equals(row.status())) {
            errors.add("attendance", "outcome.error.cancelled");
        } else if (!isOpen(row)) {
            errors.add("attendance", "outcome.error.notYet");
        }
        AppointmentOutcome.Attendance attendance = attendance(input.attendance());
        if (attendance == null) {
            errors.add("attendance", "outcome.error.attendance");
        }
        String programme = TextRules.shownOrNull(input.programme());
        if (programme != null) {
            LocalDate day = PortalTime.local(row.startAt()).toLocalDate();
            if (programmes(day).stream().noneMatch(p -> p.id().equals(programme))) {
                errors.add("programme", "outcome.error.programme");
            } else if (attendance == AppointmentOutcome.Attendance.NO_SHOW) {
                errors.add("programme", "outcome.error.programmeNoShow");
            }
        }
        String note = TextRules.shownOrNull(input.note());
        if (note != null && !TextRules.isMultiLine(note)) {
            errors.add("note", TextRules.MULTI_LINE_KEY);
        } else if (TextRules.tooLongMultiLine(note, MAX_NOTE)) {
            errors.add("note", "outcome.error.noteTooLong", MAX_NOTE);
        }
        errors.throwIfAny();
        Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        String recommendation = programme == null ? AppointmentOutcome.NONE : AppointmentOutcome.PROGRAMME;
        OutcomeRow saved = new OutcomeRow(bookingId, row.agencyId(), row.coachId(), row.startAt(), attendance.name(),
            input.followUp(), recommendation, programme, note, actorId, now, readVersion == null ? 0 : readVersion + 1);
        if (readVersion != null) {
            if (outcomes.changeIf(bookingId, readVersion, attendance.name(), input.followUp(), recommendation, programme,
                note, actorId, now) != 1) {
                throw new StaleOutcome();
            }
        } else {
            try {
                outcomes.save(saved);
            } catch (DataAccessException e) {
                if (DatabaseErrors.duplicateKey(e)) {
                    throw new StaleOutcome(); // recorded by someone else at the same moment
                }
                throw e;
            }
        }
        events.publishEvent(new AppointmentOutcomeRecorded(bookingId, row.agencyId(), row.coachId(), row.startAt(),
            attendance, input.followUp(), programme, note, actorId, actorName, now, before.isPresent()));
        return outcome(saved);
    }

    /**
     * The agency's figures for appointments that started from {@code from} (included) to {@code to}: held, no-shows,
     * the no-show rate, follow-ups and recommendations by programme id.
     */
    @Transactional(readOnly = true)
    public OutcomeStats outcomeStats(@Nullable String agencyId, Instant from, Instant to) {
        long held = 0;
        long noShows = 0;
        long followUps = 0;
        Map<String, Long> recommended = new HashMap<>();
        for (OutcomeRows.Count c : agencyId == null ? outcomes.countsOfNetwork(from, to)
            : outcomes.counts(agencyId, from, to)) {
            if (AppointmentOutcome.Attendance.HELD.name().equals(c.attendance())) {
                held += c.n();
            } else {
                noShows += c.n();
            }
            if (c.followUp()) {
                followUps += c.n();
            }
            if (c.programmeId() != null) {
                recommended.merge(c.programmeId(), c.n(), Long::sum);
            }
        }
        double rate = held + noShows == 0 ? 0 : (double) noShows / (held + noShows);
        return new OutcomeStats(held, noShows, rate, followUps, recommended);
    }

    private BookingRow row(String bookingId, Scope scope) {
        if (bookingId == null) {
            throw new UnknownBooking();
        }
        return appointments.findByIdIn(List.of(bookingId)).stream().filter(scope::sees).findFirst()
            .orElseThrow(UnknownBooking::new);
    }

    private boolean isOpen(BookingRow row) {
        return BookingRow.CONFIRMED.equals(row.status()) && !clock.instant().isBefore(row.startAt());
    }

    @Nullable
    private static AppointmentOutcome.Attendance attendance(@Nullable String value) {
        if (value == null) {
            return null;
        }
        for (AppointmentOutcome.Attendance a : AppointmentOutcome.Attendance.values()) {
            if (a.name().equals(value)) {
                return a;
            }
        }
        return null;
    }

    private static AppointmentOutcome outcome(OutcomeRow r) {
        return new AppointmentOutcome(r.bookingId(), AppointmentOutcome.Attendance.valueOf(r.attendance()),
            r.followUp(), r.programmeId(), r.note(), r.recordedBy(), r.recordedAt(), r.version());
    }
}
