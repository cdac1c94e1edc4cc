package de.digitalcheck.portal.booking;

import de.digitalcheck.portal.shared.metrics.BusinessMetrics;
import de.digitalcheck.portal.shared.security.Tokens;
import de.digitalcheck.portal.shared.time.PortalTime;
import de.digitalcheck.portal.shared.validation.Errors;
import de.digitalcheck.portal.shared.validation.TextRules;
import de.digitalcheck.portal.shared.validation.ValidationException;
import io.micronaut.context.annotation.Value;
import io.micronaut.context.event.ApplicationEventPublisher;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.transaction.TransactionDefinition;
import io.micronaut.transaction.TransactionOperations;
import io.micronaut.transaction.support.DefaultTransactionDefinition;
import jakarta.inject.Singleton;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.sql.Connection;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Moving and cancelling a booked appointment (issue 15): by the company with the private token of its newest mail, or
 * by the coach and the agency's staff with a message to the company. A move keeps the booking's id and coach, checks
 * the new time under the coach's lock like a new booking, and gives the booking a new private token (only its hash is
 * stored): the links of earlier mails stop working and the update mail carries the new one. A cancellation keeps the
 * token (its link then shows the cancelled appointment). A change with the company's token updates the row only while
 * it still has the token's hash (one conditional update): a link spent between its check and the change (a move, a
 * reminder or "Mein Unternehmen" gave the appointment a new one) changes nothing and is answered as an old link.
 * Nothing changes once the appointment has begun. Every change is mailed to both sides with the same {@code UID} and a
 * higher {@code SEQUENCE}, in the change's transaction, and published as {@link BookingChanged} there.
 */
@Singleton
public class BookingChanges {

    /** At most this many characters in a reason or message. */
    public static final int MAX_NOTE = 500;
    private static final ZoneId ZONE = PortalTime.ZONE;

    private final Bookings bookings;
    private final BookingRows rows;
    private final BookingChangeRows changes;
    private final CoachRows coaches;
    private final CoachCalendarRows calendars;
    private final AppointmentTypeRows types;
    private final BookingMails mails;
    private final Clock clock;
    private final TransactionOperations<Connection> transactions;
    private final Duration reminderLead;
    private final BusinessMetrics metrics;
    private final ApplicationEventPublisher<BookingChanged> events;

    BookingChanges(Bookings bookings, BookingRows rows, BookingChangeRows changes, CoachRows coaches,
                   CoachCalendarRows calendars, AppointmentTypeRows types, BookingMails mails, Clock clock,
                   TransactionOperations<Connection> transactions,
                   @Value("${portal.booking.reminder.lead:24h}") Duration reminderLead, BusinessMetrics metrics,
                   ApplicationEventPublisher<BookingChanged> events) {
        this.metrics = metrics;
        this.events = events;
        this.bookings = bookings;
        this.rows = rows;
        this.changes = changes;
        this.coaches = coaches;
        this.calendars = calendars;
        this.types = types;
        this.mails = mails;
        this.clock = clock;
        this.transactions = transactions;
        this.reminderLead = reminderLead;
    }

    /** A change done: the booking as it is now and the private token that opens it now. */
    public record Changed(Booking booking, String token) {
    }

    // ---------------------------------------------------------------------------------------------------- reading

    /** A booking by its id and the private token of its newest mail; an old or wrong token is not found. */
    public Booking byToken(String id, String token) {
        return bookings.view(rowByToken(id, token));
    }

    /** An appointment of this coach; another coach's (or none) is not found. */
    public Booking ofCoach(String id, String coachId) {
        return bookings.view(rowOfCoach(id, coachId));
    }

    /** Whether the appointment can still be moved or cancelled: confirmed and not yet begun. */
    public boolean changeable(Booking booking) {
        return booking.status() == Booking.Status.CONFIRMED && clock.instant().isBefore(booking.start());
    }

    /** The last day the appointment can move to: the end of its coach's booking window. */
    public LocalDate lastDayForMove(Booking booking) {
        return PortalTime.today(clock).plusDays(calendarOf(booking.coachId()).windowDays());
    }

    /**
     * Whether the appointment's coach can still take it at another time (not blocked, still named by its type, still
     * meeting companies the way it was booked): else there is no time to move it to in any week, and the move pages
     * say why instead of listing empty weeks.
     */
    public boolean coachOffersType(Booking booking) {
        return bookings.movable(booking.type(), booking.coachId(), booking.mode());
    }

    /**
     * The times the appointment can move to, from {@code from} to {@code to} (local dates, included): its coach's free
     * times for an appointment of its booked length (the type's length may have changed since), its own time not
     * counting as taken (and not offered), earliest first.
     */
    public List<FreeSlot> freeForMove(Booking booking, LocalDate from, LocalDate to) {
        AppointmentType type = booking.type();
        if (!coachOffersType(booking)) {
            return List.of(); // a blocked coach (or one who no longer offers the type) is offered for no time
        }
        SlotFinder finder = new SlotFinder(calendarOf(booking.coachId()), ZONE,
            bookedMinutes(booking.start(), booking.end()), type.travelBufferMinutes());
        return finder.free(othersOf(booking.coachId(), booking.id(), from, to), from, to, clock.instant()).stream()
            .filter(s -> !s.start().equals(booking.start()))
            .map(s -> new FreeSlot(s.start(), s.end(), booking.coachId(), booking.coachName(), booking.mode()))
            .toList();
    }

    // ---------------------------------------------------------------------------------------------------- changes

    /**
     * The company moves its appointment (same id, same coach) with the token of its newest mail.
     *
     * @throws UnknownBooking for a wrong id, an old or wrong token
     * @throws SlotTaken when the new time is not free (409; the appointment stays as it was), with the times it can
     *     move to on that day and the {@value Bookings#FRESH_DAYS} days after
     * @throws de.digitalcheck.portal.shared.validation.ValidationException when the time is not offered (also: the
     *     coach cannot be booked any more, e.g. blocked), past, too soon, the same time, or the appointment is
     *     cancelled or has begun (422)
     */
    public Changed reschedule(String id, String token, Instant start) {
        return reschedule(id, token, start, null);
    }

    /**
     * As {@link #reschedule(String, String, Instant)}, with the key of the move's form ({@code key}; null: none):
     * the form sent again (a double click, a resend after a slow answer) after its move has spent the token is
     * answered as the move was — the booking with its new token — instead of as an old link. The new token of a
     * move with a key is an HMAC of the key, the booking, the spent token and the time under the portal's secret (as a
     * booking's with an idempotency key): only the booking's hash is stored, and only the very request that moved it
     * finds it again, for {@link #REPEAT_WINDOW} and while nothing changed it since (moved again, cancelled, given a
     * new link). The spent token opens nothing else: another time, another booking, no key or another key stay an
     * old link.
     */
    public Changed reschedule(String id, String token, Instant start, @Nullable String key) {
        String usable = usableKey(key);
        try {
            BookingRow row = rowByToken(id, token);
            String newToken = usable == null ? Tokens.newToken()
                : bookings.derivedToken(usable, moveHash(id, token, start));
            return move(row, Tokens.hash(token), start, null, null, current -> newToken);
        } catch (UnknownBooking e) {
            if (usable != null && id != null && token != null && Tokens.isWellFormed(token)) {
                Changed again = repeatedMove(rows.findById(id).orElse(null), start, usable,
                    row -> moveHash(id, token, start));
                if (again != null) {
                    return again;
                }
            }
            throw e;
        }
    }

    /** How long a move's form sent again is answered as its move was: long enough for a slow answer and a resend. */
    public static final Duration REPEAT_WINDOW = Duration.ofMinutes(10);

    /**
     * The move of {@code row} to {@code start} with {@code key} that this request made, if it is the booking's last
     * change, done less than {@link #REPEAT_WINDOW} ago: its token is the one derived from the key and what the
     * request asked for ({@code requestHash}, of the row as the move left it); else null.
     */
    private @Nullable Changed repeatedMove(@Nullable BookingRow row, Instant start, String key,
                                           Function<BookingRow, String> requestHash) {
        if (row == null || !row.status().equals(BookingRow.CONFIRMED) || !row.startAt().equals(start)
            || row.updatedAt().plus(REPEAT_WINDOW).isBefore(clock.instant())) {
            return null;
        }
        String derived = bookings.derivedToken(key, requestHash.apply(row));
        return sameHash(row.tokenHash(), Tokens.hash(derived)) ? new Changed(bookings.view(row), derived) : null;
    }

    /** What a company's move asks for: the booking, the (hash of the) token it was asked with, the new time. */
    private static String moveHash(String id, String token, Instant start) {
        return Tokens.hash("move\n" + id + "\n" + Tokens.hash(token) + "\n" + start);
    }

    /** A form's key as it can be used (null: none, or not one: blank, too long, more than a line). */
    private static @Nullable String usableKey(@Nullable String key) {
        return key == null || key.isBlank() || TextRules.tooLong(key, Bookings.MAX_KEY) || !TextRules.isSingleLine(key)
            ? null : key;
    }

    /** A coach or staff member moves an appointment of {@code coachId}, with a message to the company. */
    public Changed move(String id, String coachId, Instant start, String author, @Nullable String message) {
        return move(id, coachId, start, author, message, null);
    }

    /**
     * As {@link #move(String, String, Instant, String, String)}, with the key of the move's form ({@code key}; null:
     * none): the form sent again (a double click, a resend after a slow answer) after its move is answered as the move
     * was instead of refused as a move to the time the appointment already has — as the company's
     * ({@link #reschedule(String, String, Instant, String)}), by the same means: the new token of a move with a key is
     * an HMAC of the key, the booking, the time, the message and the {@code SEQUENCE} the move gives the booking (it
     * has no spent token to tell one move from another; every change raises the {@code SEQUENCE}, so no two moves
     * derive the same token), and only the very request that moved it finds it again, for {@link #REPEAT_WINDOW} and
     * while nothing changed it since. Another time, another message, another key or none is a move of its own.
     */
    public Changed move(String id, String coachId, Instant start, String author, @Nullable String message,
                        @Nullable String key) {
        String usable = usableKey(key);
        BookingRow row = rowOfCoach(id, coachId);
        ChangeNote note = note(author, message);
        String text = note == null ? "" : note.text();
        try {
            // the move raises the SEQUENCE by one: the token derived from what the row will be
            return move(row, null, start, note, author, usable == null ? current -> Tokens.newToken()
                : current -> bookings.derivedToken(usable, deskMoveHash(id, current.sequenceNo() + 1, start, text)));
        } catch (ValidationException | UnknownBooking e) {
            if (usable != null) {
                Changed again = repeatedMove(rows.findById(id).filter(b -> b.coachId().equals(row.coachId())
                    && b.agencyId().equals(row.agencyId())).orElse(null), start, usable,
                    moved -> deskMoveHash(id, moved.sequenceNo(), start, text));
                if (again != null) {
                    return again;
                }
            }
            throw e;
        }
    }

    /** What a coach's or staff member's move asks for: the booking, its {@code SEQUENCE} once moved, time, message. */
    private static String deskMoveHash(String id, int sequence, Instant start, String message) {
        return Tokens.hash("desk-move\n" + id + "\n" + sequence + "\n" + start + "\n" + message);
    }

    /**
     * The company cancels with the token of its newest mail and an optional reason; cancelling a cancelled
     * appointment changes nothing and sends nothing.
     *
     * @throws UnknownBooking for a wrong id, an old or wrong token
     * @throws de.digitalcheck.portal.shared.validation.ValidationException for a reason that is too long, or when the
     *     appointment has begun
     */
    public Booking cancel(String id, String token, @Nullable String reason) {
        BookingRow row = rowByToken(id, token);
        String text = TextRules.shownOrNull(reason);
        checkNote("reason", text);
        return cancel(row, Tokens.hash(token), text, text == null ? null : new ChangeNote(null, text), token, null);
    }

    /** A coach or staff member cancels an appointment of {@code coachId}, with a message to the company. */
    public Booking cancelByStaff(String id, String coachId, String author, @Nullable String message) {
        BookingRow row = rowOfCoach(id, coachId);
        ChangeNote note = note(author, message);
        return cancel(row, null, note == null ? null : note.text(), note, null, author);
    }

    // ---------------------------------------------------------------------------------------------------- helpers

    /** The length an appointment was booked with, in minutes. */
    private static int bookedMinutes(Instant start, Instant end) {
        return Math.toIntExact(Duration.between(start, end).toMinutes());
    }

    /**
     * {@code by}: the coach's or staff member's name, null for the company; {@code newToken}: the new private token,
     * of the row as it is read under the coach's lock.
     */
    private Changed move(BookingRow row, @Nullable String tokenHash, Instant start, @Nullable ChangeNote note,
                         @Nullable String by, Function<BookingRow, String> newToken) {
        AppointmentType type = types.findById(row.typeId()).map(AppointmentTypeRow::type)
            .orElseThrow(UnknownAppointmentType::new);
        try {
            Moved moved = inTransaction(() -> {
                Instant now = clock.instant();
                coaches.lock(List.of(row.coachId()));
                BookingRow current = rows.findById(row.id()).orElseThrow(UnknownBooking::new);
                String expected = tokenHash == null ? current.tokenHash() : tokenHash;
                if (!sameHash(current.tokenHash(), expected)) {
                    // moved, reminded or given a new link since the link was checked: the link is spent
                    throw new UnknownBooking();
                }
                requireChangeable(current, now);
                if (current.startAt().equals(start)) {
                    new Errors().add("start", "error.booking.sameTime").throwIfAny();
                }
                // the appointment keeps what was booked, whatever the agency changed in the type since: its length
                // and its mode (and it moves also when the type is no longer offered for new bookings)
                int minutes = bookedMinutes(current.startAt(), current.endAt());
                MeetingMode mode = MeetingMode.parse(current.meetingMode()).orElse(type.mode());
                // checked like a new booking: a coach who cannot be booked (blocked by the agency, no longer
                // offering the type or the way it was booked) takes no appointment at a new time either
                if (!bookings.movable(type, current.coachId(), mode)) {
                    new Errors().add("start", "error.booking.notOffered").throwIfAny();
                }
                // as for a new booking: not at the same time as another appointment of the check it was booked from
                bookings.requireCheckFree(current.assessmentId(), current.id(), start,
                    start.plus(Duration.ofMinutes(minutes)));
                SlotFinder finder = new SlotFinder(calendarOf(current.coachId()), ZONE, minutes,
                    type.travelBufferMinutes());
                LocalDate day = LocalDate.ofInstant(start, ZONE);
                SlotFinder.Verdict verdict = finder.verdict(othersOf(current.coachId(), current.id(), day, day),
                    start, now);
                if (verdict == SlotFinder.Verdict.TAKEN) {
                    throw new Taken();
                }
                if (verdict != SlotFinder.Verdict.FREE) {
                    new Errors().add("start", refusal(verdict)).throwIfAny();
                }
                SlotFinder.Booked time = finder.booked(start);
                String token = newToken.apply(current);
                // moved to less than the reminder's lead time ahead: the update mail is the reminder
                Instant reminder = Duration.between(now, start).compareTo(reminderLead) < 0 ? now : null;
                int updated = tokenHash == null
                    ? changes.moveByStaff(current.id(), current.startAt(), Tokens.hash(token), time.start(), time.end(),
                        time.blockedFrom(), time.blockedUntil(), now, reminder)
                    : changes.move(current.id(), expected, Tokens.hash(token), time.start(), time.end(),
                        time.blockedFrom(), time.blockedUntil(), now, reminder);
                if (updated != 1) {
                    // changed since it was read: cancelled (answered as a move of a cancelled appointment), or for
                    // the company its token replaced (the link is spent)
                    BookingRow meanwhile = rows.findById(current.id()).orElseThrow(UnknownBooking::new);
                    if (tokenHash == null || sameHash(meanwhile.tokenHash(), expected)) {
                        requireChangeable(meanwhile, now);
                    }
                    throw new UnknownBooking();
                }
                BookingRow after = rows.findById(current.id()).orElseThrow();
                mails.moved(after, current, token, note);
                events.publishEvent(new BookingChanged(after.id(), after.agencyId(), BookingChanged.Change.MOVED,
                    current.startAt(), after.startAt(), by, now));
                return new Moved(after, token);
            });
            return new Changed(bookings.view(moved.row()), moved.token());
        } catch (Taken e) {
            // the times this move could take, as they are now: its own time is free for itself (and not offered)
            LocalDate day = LocalDate.ofInstant(start, ZONE);
            Booking now = bookings.view(rows.findById(row.id()).orElseThrow(UnknownBooking::new));
            throw new SlotTaken(freeForMove(now, day, day.plusDays(Bookings.FRESH_DAYS)));
        }
    }

    /**
     * {@code tokenHash}: the hash of the company's token that {@code row} was found with (null for the coach or staff):
     * the appointment is cancelled only while it still has that token. A link spent in the meantime (the appointment
     * moved, reminded or given a new link from "Mein Unternehmen" after the link was checked) cancels nothing and is
     * answered as an old link ({@link UnknownBooking}).
     */
    private Booking cancel(BookingRow row, @Nullable String tokenHash, @Nullable String stored,
                           @Nullable ChangeNote note, @Nullable String token, @Nullable String by) {
        if (row.status().equals(BookingRow.CANCELLED)) {
            return bookings.view(row);
        }
        return bookings.view(inTransaction(() -> {
            Instant now = clock.instant();
            BookingRow current = rows.findById(row.id()).orElseThrow(UnknownBooking::new);
            requireToken(current, tokenHash);
            if (current.status().equals(BookingRow.CANCELLED)) {
                return current;
            }
            requireChangeable(current, now);
            int cancelled = tokenHash == null ? changes.cancel(current.id(), stored, now)
                : changes.cancelWithToken(current.id(), tokenHash, stored, now);
            if (cancelled != 1) {
                // cancelled meanwhile (no second mail), or its token replaced (the link is spent)
                BookingRow meanwhile = rows.findById(current.id()).orElseThrow(UnknownBooking::new);
                requireToken(meanwhile, tokenHash);
                return meanwhile;
            }
            BookingRow after = rows.findById(current.id()).orElseThrow();
            mails.cancelled(after, token, note);
            events.publishEvent(new BookingChanged(after.id(), after.agencyId(), BookingChanged.Change.CANCELLED,
                current.startAt(), null, by, now));
            metrics.afterCommit(metrics::bookingCancelled);
            return after;
        }));
    }

    /** The company's link ({@code tokenHash}; null: the coach or staff) must still be the row's: else it is spent. */
    private static void requireToken(BookingRow row, @Nullable String tokenHash) {
        if (tokenHash != null && !sameHash(row.tokenHash(), tokenHash)) {
            throw new UnknownBooking();
        }
    }

    private static boolean sameHash(String stored, String expected) {
        return MessageDigest.isEqual(stored.getBytes(StandardCharsets.US_ASCII),
            expected.getBytes(StandardCharsets.US_ASCII));
    }

    private void requireChangeable(BookingRow row, Instant now) {
        if (row.status().equals(BookingRow.CANCELLED)) {
            new Errors().add("token", "error.booking.cancelled").throwIfAny();
        }
        if (!now.isBefore(row.startAt())) {
            new Errors().add("start", "error.booking.started").throwIfAny();
        }
    }

    private static String refusal(SlotFinder.Verdict verdict) {
        return switch (verdict) {
            case PAST -> "error.booking.past";
            case OUTSIDE_WINDOW -> "error.booking.outsideWindow";
            case TOO_SOON -> "error.booking.tooSoon";
            default -> "error.booking.notOffered";
        };
    }

    private BookingRow rowByToken(String id, String token) {
        if (id == null || token == null || !Tokens.isWellFormed(token)) {
            throw new UnknownBooking();
        }
        return rows.findById(id).filter(b -> sameHash(b.tokenHash(), Tokens.hash(token)))
            .orElseThrow(UnknownBooking::new);
    }

    private BookingRow rowOfCoach(String id, String coachId) {
        if (id == null || coachId == null) {
            throw new UnknownBooking();
        }
        // the coach's appointment at the coach's agency: one moved to another agency (possible once nothing of the
        // old one was still to come, CoachAccounts) no longer sees the old agency's companies
        String agency = coaches.findById(coachId).map(CoachRow::agencyId).orElse(null);
        return rows.findById(id).filter(b -> b.coachId().equals(coachId) && b.agencyId().equals(agency))
            .orElseThrow(UnknownBooking::new);
    }

    private CalendarSettings calendarOf(String coachId) {
        return calendars.findById(coachId).map(CoachCalendarRow::settings).orElse(CalendarSettings.NEW);
    }

    /** The coach's other confirmed appointments around {@code from}..{@code to} (a day more on each side). */
    private List<SlotFinder.Booked> othersOf(String coachId, String bookingId, LocalDate from, LocalDate to) {
        return rows.findByCoachIdInAndStatusAndBlockedFromLessThanAndBlockedUntilGreaterThan(List.of(coachId),
                BookingRow.CONFIRMED, to.plusDays(2).atStartOfDay(ZONE).toInstant(),
                from.minusDays(1).atStartOfDay(ZONE).toInstant())
            .stream().filter(b -> !b.id().equals(bookingId)).map(BookingRow::booked).toList();
    }

    private static ChangeNote note(String author, @Nullable String message) {
        String text = TextRules.shownOrNull(message);
        checkNote("message", text);
        return text == null ? null : new ChangeNote(author, text);
    }

    private static void checkNote(String field, @Nullable String text) {
        if (text != null && !TextRules.isMultiLine(text)) {
            new Errors().add(field, TextRules.MULTI_LINE_KEY).throwIfAny();
        }
        if (TextRules.tooLongMultiLine(text, MAX_NOTE)) {
            new Errors().add(field, "error.name.tooLong", MAX_NOTE).throwIfAny();
        }
    }

    private <T> T inTransaction(Supplier<T> work) {
        DefaultTransactionDefinition definition = new DefaultTransactionDefinition();
        definition.setIsolationLevel(TransactionDefinition.Isolation.READ_COMMITTED);
        return transactions.execute(definition, status -> work.get());
    }

    /** A move's row as it left it, and its new private token. */
    private record Moved(BookingRow row, String token) {
    }

    /** Thrown inside the transaction (rolls it back); a {@link SlotTaken} with fresh times outside it. */
    private static final class Taken extends RuntimeException {
        Taken() {
            super("slot taken", null, false, false);
        }
    }
}
