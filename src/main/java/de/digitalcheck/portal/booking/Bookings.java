package de.digitalcheck.portal.booking;

import de.digitalcheck.portal.accounts.Account;
import de.digitalcheck.portal.accounts.Accounts;
import de.digitalcheck.portal.readiness.AssessmentId;
import de.digitalcheck.portal.readiness.Assessments;
import de.digitalcheck.portal.routing.Agencies;
import de.digitalcheck.portal.routing.UnknownAgency;
import de.digitalcheck.portal.shared.i18n.Language;
import de.digitalcheck.portal.shared.metrics.BusinessMetrics;
import de.digitalcheck.portal.shared.quota.DailyQuotas;
import de.digitalcheck.portal.shared.security.Role;
import de.digitalcheck.portal.shared.security.Tokens;
import de.digitalcheck.portal.shared.time.PortalTime;
import de.digitalcheck.portal.shared.validation.Errors;
import de.digitalcheck.portal.shared.validation.Formats;
import de.digitalcheck.portal.shared.validation.TextRules;
import io.micronaut.context.annotation.Value;
import io.micronaut.context.event.ApplicationEventPublisher;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.exceptions.DataAccessException;
import io.micronaut.transaction.TransactionDefinition;
import io.micronaut.transaction.TransactionOperations;
import io.micronaut.transaction.support.DefaultTransactionDefinition;
import jakarta.inject.Singleton;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.sql.Connection;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Free times and bookings (SPEC §6). A booking is one transaction that first locks the candidate coaches' rows (in
 * id order), then reads their calendars and bookings, checks the time (overlaps with buffers, daily limit, hours,
 * notice, window) and inserts: two bookings of one coach are serialised by the database, whatever replica they reach.
 */
@Singleton
public class Bookings {

    /**
     * The version of the consent text a company agrees to when it shares its booking with the agency
     * ({@code booking.consent}; raised with its wording). booking-share-2: it names the check's result, which a booking
     * made from a check shares too.
     */
    public static final String CONSENT_TEXT_VERSION = "booking-share-2";
    /** Days of free times offered in a 409 answer, from the day asked for. */
    static final int FRESH_DAYS = 7;
    /** At most this many days in one slot search, {@code from} and {@code to} included. */
    public static final int MAX_SEARCH_DAYS = 62;
    /**
     * The most free times one search of the API answers with: its size is bounded whatever the range, the number of
     * coaches and their slot interval (about 190 bytes each, so some 2 MB at most). A search with more is a 422 naming
     * {@code to}, to be asked again for fewer days (or one coach).
     */
    public static final int MAX_SLOTS = 10_000;
    static final int MAX_KEY = 100;
    /** The {@link DailyQuotas} purpose of the new bookings per contact address and day. */
    static final String PER_ADDRESS = "booking-contact-address";

    private static final ZoneId ZONE = PortalTime.ZONE;

    private final BookingRows bookings;
    private final AppointmentRows appointments;
    private final CoachRows coaches;
    private final CoachCalendarRows calendars;
    private final AppointmentTypeRows types;
    private final Agencies agencies;
    private final Accounts accounts;
    private final Assessments assessments;
    private final Clock clock;
    private final TransactionOperations<Connection> transactions;
    private final ApplicationEventPublisher<BookingMade> events;
    private final byte[] tokenSecret;
    private final BookingMails mails;
    private final BusinessMetrics metrics;
    private final VisitAddressRules visitAddresses;
    private final DailyQuotas quotas;
    private final int perAddressPerDay;

    Bookings(BookingRows bookings, CoachRows coaches, CoachCalendarRows calendars, AppointmentTypeRows types,
             Agencies agencies, Accounts accounts, Assessments assessments, Clock clock,
             TransactionOperations<Connection> transactions, ApplicationEventPublisher<BookingMade> events,
             @Value("${micronaut.security.token.jwt.signatures.secret.generator.secret}") String secret,
             BookingMails mails, BusinessMetrics metrics, VisitAddressRules visitAddresses, DailyQuotas quotas,
             @Value("${portal.booking.per-address-per-day:3}") int perAddressPerDay, AppointmentRows appointments) {
        this.appointments = appointments;
        this.quotas = quotas;
        this.perAddressPerDay = perAddressPerDay;
        this.visitAddresses = visitAddresses;
        this.mails = mails;
        this.metrics = metrics;
        this.bookings = bookings;
        this.coaches = coaches;
        this.calendars = calendars;
        this.types = types;
        this.agencies = agencies;
        this.accounts = accounts;
        this.assessments = assessments;
        this.clock = clock;
        this.transactions = transactions;
        this.events = events;
        this.tokenSecret = ("booking-token:" + secret).getBytes(StandardCharsets.UTF_8);
    }

    /**
     * What a company asks to book; {@code coachId} null for "any coach". A self-check is attached only with its private
     * token ({@code assessmentToken}, the check's link): its id alone reaches nothing. {@code street} and {@code town}
     * (with {@code postalCode}: the address of the visit) are required for an appointment at the company and ignored
     * (neither checked nor stored) for any other.
     */
    public record Request(String agencyId, String typeId, Instant start, @Nullable String coachId,
                          @Nullable String companyName, @Nullable String postalCode, @Nullable String contactName,
                          @Nullable String contactEmail, @Nullable String contactPhone,
                          @Nullable String assessmentId, @Nullable String assessmentToken, boolean consentShare,
                          Language language, @Nullable String idempotencyKey, @Nullable String street,
                          @Nullable String town) {

        /** A request without an address (for an appointment that is not at the company). */
        public Request(String agencyId, String typeId, Instant start, @Nullable String coachId,
                       @Nullable String companyName, @Nullable String postalCode, @Nullable String contactName,
                       @Nullable String contactEmail, @Nullable String contactPhone, @Nullable String assessmentId,
                       @Nullable String assessmentToken, boolean consentShare, Language language,
                       @Nullable String idempotencyKey) {
            this(agencyId, typeId, start, coachId, companyName, postalCode, contactName, contactEmail, contactPhone,
                assessmentId, assessmentToken, consentShare, language, idempotencyKey, null, null);
        }

        Request withoutAddress() {
            return new Request(agencyId, typeId, start, coachId, companyName, postalCode, contactName, contactEmail,
                contactPhone, assessmentId, assessmentToken, consentShare, language, idempotencyKey);
        }
    }

    /** A booking made (or found again by its idempotency key) and its private token. */
    public record Made(Booking booking, String token, boolean repeated) {
    }

    // ---------------------------------------------------------------------------------------------------- reading

    /**
     * The agency's appointment types that companies can book: active and offered by at least one coach who can be
     * booked for it (see {@link #offeredBy}). A type nobody offers is not shown to companies: they would find no time.
     */
    public List<AppointmentType> typesOf(String agencyId) {
        requireAgency(agencyId);
        Map<String, Bookable> bookable = bookableCoaches(agencyId);
        return types.findByAgencyIdOrderByDurationMinutesAsc(agencyId).stream().map(AppointmentTypeRow::type)
            .filter(t -> t.active() && !offering(t, bookable).isEmpty()).toList();
    }

    /**
     * An active appointment type of the agency, also one that nobody offers right now (a link to it finds no time, and
     * a booking is refused as for a blocked coach).
     *
     * @throws UnknownAppointmentType for none with the id or another agency's, and ({@link
     *     UnknownAppointmentType#withdrawn()}) for one the agency switched off
     */
    public AppointmentType type(String agencyId, String typeId) {
        requireAgency(agencyId);
        if (typeId == null || typeId.isBlank()) {
            throw new UnknownAppointmentType();
        }
        AppointmentType type = types.findById(typeId).map(AppointmentTypeRow::type)
            .filter(t -> t.agencyId().equals(agencyId)).orElseThrow(UnknownAppointmentType::new);
        if (!type.active()) {
            throw UnknownAppointmentType.ofWithdrawn();
        }
        return type;
    }

    /** Whether the agency's active type is an appointment at the company (false for an unknown one). */
    public boolean atCompany(String agencyId, String typeId) {
        return typeId != null && types.findById(typeId).map(AppointmentTypeRow::type)
            .filter(t -> t.agencyId().equals(agencyId) && t.active()).map(t -> t.mode().atCompany()).orElse(false);
    }

    /**
     * The coaches who can be booked for a type, in id order: those the type names who have a coach row in its agency,
     * an active (not blocked) coach account of that agency, who meet companies the way the type does (its
     * {@link MeetingMode} is among the coach's modes: a coach who only phones gets no visit at the company), and
     * for whom an appointment of the type's length can be booked at all, other appointments aside
     * ({@link CalendarSettings#longestBookableMinutes}: the hours of the days in the booking window, without absences
     * and public holidays, from the minimum notice on; a coach whose longest range is 4 hours offers no 8-hour type, and
     * one without hours, or away for the whole window, none). Empty: nobody offers it (for the staff's warning). The one rule of the
     * types companies see, the slot search and booking; moving asks the same but for the length
     * ({@link #movable}).
     */
    public List<String> offeredBy(AppointmentType type) {
        return offering(type, bookableCoaches(type.agencyId()));
    }

    /**
     * The longest bookable time (in minutes, {@link CalendarSettings#longestBookableMinutes}; 0 for none: no hours, or
     * absences, public holidays and the notice leave none in the booking window) among the coaches who would offer the
     * type but for its length (named on it, bookable, meeting companies in its mode), when its length fits into none
     * of them: the staff's warning says so. Empty when someone offers the type or nobody would offer it anyway.
     */
    public Optional<Integer> tooLongFor(AppointmentType type) {
        Map<String, Bookable> bookable = bookableCoaches(type.agencyId());
        List<String> inMode = offering(type, type.mode(), 0, bookable);
        if (inMode.isEmpty() || !offering(type, bookable).isEmpty()) {
            return Optional.empty();
        }
        return inMode.stream().map(c -> bookable.get(c).longestMinutes()).max(Comparator.naturalOrder());
    }

    /**
     * Why companies cannot book the coach at all because of the coach's calendar (saved settings), or empty: the
     * calendar offers no hours ({@link Unbookable.Reason#NO_HOURS}); the minimum notice reaches past the booking
     * window's last day ({@link Unbookable.Reason#NOTICE_PAST_WINDOW}); absences, blocked days, public holidays and the
     * notice leave no time in the window ({@link Unbookable.Reason#NO_TIME_IN_WINDOW}); or every active type of the
     * coach's agency that names the coach in a way the coach meets companies is longer than the longest bookable time
     * ({@link Unbookable.Reason#TYPES_TOO_LONG}, with the shortest of them): the rule of {@link #offeredBy}. Empty
     * also when the cause lies elsewhere (no way of meeting companies ticked, named on no type): the calendar is not
     * what keeps companies away then.
     */
    public Optional<Unbookable> unbookable(String coachId) {
        Optional<CoachRow> coach = coaches.findById(coachId);
        if (coach.isEmpty()) {
            return Optional.empty();
        }
        CalendarSettings settings = calendars.findById(coachId).map(CoachCalendarRow::settings)
            .orElse(CalendarSettings.NEW);
        if (!settings.offersHours()) {
            return Optional.of(new Unbookable(Unbookable.Reason.NO_HOURS, null, 0));
        }
        Instant now = clock.instant();
        int longest = settings.longestBookableMinutes(now, ZONE);
        if (longest == 0) {
            LocalDate today = LocalDate.ofInstant(now, ZONE);
            LocalDate earliest = LocalDateTime.ofInstant(now, ZONE).plusMinutes(settings.minNotice()).toLocalDate();
            return Optional.of(new Unbookable(earliest.isAfter(today.plusDays(settings.windowDays()))
                ? Unbookable.Reason.NOTICE_PAST_WINDOW : Unbookable.Reason.NO_TIME_IN_WINDOW, null, 0));
        }
        java.util.Set<MeetingMode> modes = coach.get().profile().modes();
        List<AppointmentType> wouldOffer = types.findByAgencyIdOrderByDurationMinutesAsc(coach.get().agencyId())
            .stream().map(AppointmentTypeRow::type)
            .filter(t -> t.active() && t.coachIds().contains(coachId) && modes.contains(t.mode())).toList();
        if (wouldOffer.isEmpty() || wouldOffer.stream().anyMatch(t -> t.durationMinutes() <= longest)) {
            return Optional.empty();
        }
        return Optional.of(new Unbookable(Unbookable.Reason.TYPES_TOO_LONG, wouldOffer.get(0), longest));
    }

    /**
     * Whether this coach can be booked for the type ({@link #offeredBy}).
     */
    boolean bookable(AppointmentType type, String coachId) {
        return offeredBy(type).contains(coachId);
    }

    /**
     * Whether an appointment of the type with this coach, booked for {@code mode}, can move to another time: by the
     * rule of a new booking ({@link #offeredBy}) for the way it was booked, not the way the type says now — an
     * appointment keeps what was booked (its length and its mode) when the agency edits or switches off the type; a
     * blocked coach's, or one the type no longer names or who no longer meets companies that way, does not move. Its
     * length is not asked here: the move's slot search looks for times of the booked length.
     */
    boolean movable(AppointmentType type, String coachId, MeetingMode mode) {
        return offering(type, mode, 0, bookableCoaches(type.agencyId())).contains(coachId);
    }

    /** What makes an active coach bookable: the ways they meet companies and the longest time bookable with them. */
    private record Bookable(java.util.Set<MeetingMode> modes, int longestMinutes) {
    }

    /**
     * The agency's coaches with an active account, with the modes each offers and the longest appointment they could
     * be booked for ({@link CalendarSettings#longestBookableMinutes}; 0 for a coach whose calendar was never saved: no
     * hours, or whose absences, public holidays and notice leave no time in the booking window).
     */
    private Map<String, Bookable> bookableCoaches(String agencyId) {
        java.util.Set<String> active = coachNames(agencyId).keySet();
        List<CoachRow> rows = coaches.findByAgencyId(agencyId).stream().filter(c -> active.contains(c.accountId()))
            .toList();
        if (rows.isEmpty()) {
            return Map.of();
        }
        Instant now = clock.instant();
        Map<String, Integer> longest = calendars.findByCoachIdIn(rows.stream().map(CoachRow::accountId).toList())
            .stream().collect(Collectors.toMap(CoachCalendarRow::coachId,
                row -> row.settings().longestBookableMinutes(now, ZONE)));
        return rows.stream().collect(Collectors.toMap(CoachRow::accountId,
            c -> new Bookable(c.profile().modes(), longest.getOrDefault(c.accountId(), 0))));
    }

    private static List<String> offering(AppointmentType type, Map<String, Bookable> bookable) {
        return offering(type, type.mode(), type.durationMinutes(), bookable);
    }

    /** The type's coaches who are bookable, meet companies in {@code mode} and have a range of {@code minutes}. */
    private static List<String> offering(AppointmentType type, MeetingMode mode, int minutes,
                                         Map<String, Bookable> bookable) {
        return type.coachIds().stream()
            .filter(c -> bookable.containsKey(c) && bookable.get(c).modes().contains(mode)
                && bookable.get(c).longestMinutes() >= minutes)
            .distinct().sorted().toList();
    }

    /**
     * The last day on which a type can be booked at all, of one coach or of any who offers it: the furthest end of
     * their booking windows ({@link CalendarSettings#windowDays()} after today); empty if nobody offers it. The
     * booking pages page no further, and say so, instead of asking to look at the next week of a week with no times.
     */
    public Optional<LocalDate> lastBookableDay(AppointmentType type, @Nullable String coachId) {
        List<String> offering = offeredBy(type).stream().filter(c -> coachId == null || c.equals(coachId)).toList();
        LocalDate today = PortalTime.today(clock);
        return calendars.findByCoachIdIn(offering).stream()
            .map(row -> today.plusDays(row.settings().windowDays())).max(Comparator.naturalOrder());
    }

    /**
     * The free times of an appointment type from {@code from} to {@code to} (local dates, included), of one coach
     * or of every coach who offers it, earliest first.
     *
     * @throws UnknownAgency, UnknownAppointmentType
     * @throws de.digitalcheck.portal.shared.validation.ValidationException for a coach who does not offer the type, or
     *     a range of more than {@value #MAX_SEARCH_DAYS} days or backwards
     */
    public List<FreeSlot> free(String agencyId, String typeId, LocalDate from, LocalDate to, @Nullable String coachId) {
        return free(agencyId, typeId, from, to, coachId, Integer.MAX_VALUE);
    }

    /**
     * {@link #free(String, String, LocalDate, LocalDate, String)}, refused ({@code 422} naming {@code to}) where
     * there are more than {@code most} free times, before more of them are computed.
     */
    public List<FreeSlot> free(String agencyId, String typeId, LocalDate from, LocalDate to, @Nullable String coachId,
                               int most) {
        AppointmentType type = type(agencyId, typeId);
        Errors errors = new Errors();
        if (to.isBefore(from)) {
            errors.add("to", "error.booking.range");
        } else if (from.plusDays(MAX_SEARCH_DAYS - 1L).isBefore(to)) { // both ends count: from + 61 is the 62nd day
            errors.add("to", "error.booking.rangeTooLong", MAX_SEARCH_DAYS);
        }
        List<String> candidates = candidates(type, coachId, errors);
        errors.throwIfAny();
        return free(type, candidates, from, to, Map.of(), most);
    }

    private List<FreeSlot> free(AppointmentType type, List<String> candidates, LocalDate from, LocalDate to,
                                Map<String, String> knownNames) {
        return free(type, candidates, from, to, knownNames, Integer.MAX_VALUE);
    }

    private List<FreeSlot> free(AppointmentType type, List<String> candidates, LocalDate from, LocalDate to,
                                Map<String, String> knownNames, int most) {
        if (candidates.isEmpty()) {
            return List.of();
        }
        Instant now = clock.instant();
        Map<String, CalendarSettings> settings = calendars.findByCoachIdIn(candidates).stream()
            .collect(Collectors.toMap(CoachCalendarRow::coachId, CoachCalendarRow::settings));
        Instant since = from.minusDays(1).atStartOfDay(ZONE).toInstant();
        Instant until = to.plusDays(2).atStartOfDay(ZONE).toInstant();
        Map<String, List<SlotFinder.Booked>> booked = bookedOf(candidates, since, until);
        Map<String, String> names = knownNames.isEmpty() ? coachNames(type.agencyId()) : knownNames;
        List<FreeSlot> slots = new ArrayList<>();
        for (String coach : candidates) {
            CalendarSettings calendar = settings.get(coach);
            if (calendar == null || !names.containsKey(coach)) {
                continue;
            }
            SlotFinder finder = new SlotFinder(calendar, ZONE, type.durationMinutes(), type.travelBufferMinutes());
            for (SlotFinder.Slot s : finder.free(booked.getOrDefault(coach, List.of()), from, to, now)) {
                slots.add(new FreeSlot(s.start(), s.end(), coach, names.get(coach), type.mode()));
            }
            if (slots.size() > most) {
                Errors tooMany = new Errors();
                tooMany.add("to", "error.booking.tooManySlots", most);
                tooMany.throwIfAny();
            }
        }
        slots.sort(Comparator.comparing(FreeSlot::start).thenComparing(FreeSlot::coachName));
        return slots;
    }

    /**
     * The coaches who can be booked for a type ({@link #offeredBy}), one of them if {@code coachId} is given. The one
     * rule of the types companies see, the slot search and booking.
     */
    private List<String> candidates(AppointmentType type, @Nullable String coachId, Errors errors) {
        List<String> offering = offeredBy(type);
        if (coachId == null) {
            return offering;
        }
        if (!offering.contains(coachId)) {
            errors.add("coachId", "error.booking.coachNotOffering");
            return List.of();
        }
        return List.of(coachId);
    }

    /** The display names of the agency's active coaches, by account id. */
    /**
     * The agency's disabled coaches who still have appointments to come, each with how many, by name: disabling keeps
     * the appointments with the agency, and its staff must still reach them, though the coach is no longer listed among
     * the bookable ones ({@link #coachNames}).
     */
    public Map<Account, Long> disabledCoachesWithComing(String agencyId) {
        Instant now = clock.instant();
        Map<Account, Long> coming = new java.util.LinkedHashMap<>();
        accounts.ofAgency(agencyId, Role.COACH).stream().filter(Account::disabled)
            .sorted(Comparator.comparing(Account::name))
            .forEach(a -> {
                long count = appointments.countComingOfCoachAt(a.id(), agencyId, now);
                if (count > 0) {
                    coming.put(a, count);
                }
            });
        return coming;
    }

    public Map<String, String> coachNames(String agencyId) {
        return accounts.ofAgency(agencyId, Role.COACH).stream().filter(a -> !a.disabled())
            .collect(Collectors.toMap(Account::id, Account::name, (a, b) -> a));
    }

    private Map<String, List<SlotFinder.Booked>> bookedOf(List<String> coachIds, Instant since, Instant until) {
        return bookings.busyTimes(coachIds, since, until).stream()
            .collect(Collectors.groupingBy(BookingRows.BusyTime::coachId,
                Collectors.mapping(BookingRows.BusyTime::booked, Collectors.toList())));
    }

    /** A booking by its id and private token. */
    public Booking find(String id, String token) {
        return view(row(id, token));
    }

    /** The confirmed appointments of a check, earliest first. */
    public List<Booking> ofAssessment(String assessmentId) {
        return bookings.findByAssessmentIdAndStatusOrderByStartAtAsc(assessmentId, BookingRow.CONFIRMED).stream()
            .map(this::view).toList();
    }

    /** The check's next confirmed appointment that has not ended (the report's cover shows it). */
    public Optional<Booking> nextOfAssessment(String assessmentId) {
        return nextOfAssessment(assessmentId, b -> true);
    }

    /** As {@link #nextOfAssessment(String)}, among the appointments {@code shown} lets through (e.g. one agency's). */
    public Optional<Booking> nextOfAssessment(String assessmentId, java.util.function.Predicate<Booking> shown) {
        Instant now = clock.instant();
        return ofAssessment(assessmentId).stream().filter(b -> b.end().isAfter(now)).filter(shown).findFirst();
    }

    /**
     * A coach's confirmed appointments at the coach's agency that overlap {@code from}..{@code to}, earliest first
     * (a coach who moved agency does not see the old agency's companies).
     */
    public List<Booking> ofCoach(String coachId, Instant from, Instant to) {
        String agency = coaches.findById(coachId).map(CoachRow::agencyId).orElse(null);
        return bookings.findByCoachIdInAndStatusAndBlockedFromLessThanAndBlockedUntilGreaterThan(
                List.of(coachId), BookingRow.CONFIRMED, to, from).stream()
            .filter(b -> b.startAt().isBefore(to) && b.endAt().isAfter(from) && b.agencyId().equals(agency))
            .sorted(Comparator.comparing(BookingRow::startAt)).map(this::view).toList();
    }

    /** How far ahead {@link #outsideHours} looks: longer than any booking window a calendar can have. */
    static final Duration OUTSIDE_HOURS_AHEAD = Duration.ofDays(2 * 366);

    /**
     * The coach's confirmed appointments that have not begun and that the calendar would no longer offer at their time
     * (in the coach's zone), earliest first: in an absence, on a day blocked or given other hours by an override, on a
     * public holiday without hours, or outside the weekday's hours — those the coach, by the calendar, would miss.
     * Nothing changes them by itself; the coach (or the agency's staff) moves or cancels each, and the company is told.
     */
    public List<Booking> outsideHours(String coachId, CalendarSettings calendar) {
        Instant now = clock.instant();
        return ofCoach(coachId, now, now.plus(OUTSIDE_HOURS_AHEAD)).stream()
            .filter(b -> b.start().isAfter(now))
            .filter(b -> !withinHours(calendar, b.start(), b.end()))
            .toList();
    }

    /** Whether {@code start}–{@code end} lies within the hours of its start's day, in one unbroken span of them. */
    static boolean withinHours(CalendarSettings calendar, Instant start, Instant end) {
        LocalDateTime from = LocalDateTime.ofInstant(start, ZONE);
        LocalDateTime to = LocalDateTime.ofInstant(end, ZONE);
        LocalDate date = from.toLocalDate();
        return SlotFinder.hoursOn(calendar, date).stream()
            .anyMatch(r -> !from.isBefore(date.atTime(r.start())) && !to.isAfter(r.endOn(date)));
    }

    private BookingRow row(String id, String token) {
        if (id == null || !Tokens.isWellFormed(token)) {
            throw new UnknownBooking();
        }
        return bookings.findById(id)
            .filter(b -> MessageDigest.isEqual(b.tokenHash().getBytes(StandardCharsets.US_ASCII),
                Tokens.hash(token).getBytes(StandardCharsets.US_ASCII)))
            .orElseThrow(UnknownBooking::new);
    }

    Booking view(BookingRow b) {
        AppointmentType type = types.findById(b.typeId()).map(AppointmentTypeRow::type).orElseThrow();
        String coachName = accounts.find(b.coachId()).map(Account::name).orElse("");
        return new Booking(b.id(), b.agencyId(), type, b.coachId(), coachName, b.startAt(), b.endAt(),
            MeetingMode.parse(b.meetingMode()).orElse(type.mode()), Booking.Status.valueOf(b.status()),
            b.assessmentId(), b.companyName(), b.contactName(), b.contactEmail(), b.contactPhone(), b.language(),
            b.assignment(), b.consentShare(), b.consentAt(), b.visitAddress(), b.cancelReason());
    }

    // ---------------------------------------------------------------------------------------------------- booking

    /**
     * Books an appointment: the given coach, or of the coaches who offer the type and are free at that time the one
     * least recently booked (the reason is recorded). A repeated request with the same idempotency key answers the
     * booking made the first time.
     *
     * @throws UnknownAgency, UnknownAppointmentType: 404
     * @throws de.digitalcheck.portal.shared.validation.ValidationException for bad input or a time that is not
     *     offered, past, too soon or outside the window: 422, nothing stored
     * @throws SlotTaken when the time is no longer free: 409
     * @throws IdempotencyConflict when the key was used with another request, or its booking's token was replaced
     *     since (moved, reminded): 422
     * @throws BookingLimitReached when {@link #perAddressPerDay()} bookings were made for the contact's address today
     *     (one mailbox however spelled, {@link Formats#mailbox}: case, spaces, a {@code +} subaddress; across all
     *     agencies and replicas, {@link DailyQuotas}; a request repeated
     *     with its idempotency key is the booking made before and counts no more): 429, nothing stored, nothing mailed.
     *     Every booking mails the address in the agency's name, whoever typed it in.
     */
    public Made book(Request asked) {
        AppointmentType type = type(asked.agencyId(), asked.typeId());
        // an address is asked for and kept only where the coach goes to the company (data minimisation, GDPR Art. 5)
        Request request = type.mode().atCompany() ? asked : asked.withoutAddress();
        Errors errors = new Errors();
        boolean postalCodeOk = validateContact(request, errors);
        if (type.mode().atCompany()) {
            visitAddresses.check(agencies.require(type.agencyId()), request.street(), request.postalCode(), postalCodeOk,
                request.town(), errors);
        } else if (postalCodeOk) {
            visitAddresses.checkKnown(request.postalCode(), errors);
        }
        // the check's id is no secret (it is in bookings, leads, webhooks): only its private token shows that the
        // request comes from the company that made it. An unknown id and a wrong or missing token read the same.
        if (request.assessmentId() != null
            && assessments.byId(request.assessmentId(), request.assessmentToken()).isEmpty()) {
            errors.add("assessmentId", "error.booking.assessment");
        }
        String key = request.idempotencyKey();
        if (key != null && (key.isBlank() || TextRules.tooLong(key, MAX_KEY))) {
            errors.add("Idempotency-Key", "error.booking.idempotencyKey", MAX_KEY);
        } else if (key != null && !TextRules.isSingleLine(key)) {
            // a tab or another control character (HTTP lets a header carry tabs and bytes 0x80–0x9F): its length is
            // fine, so the message says which characters a key may hold
            errors.add("Idempotency-Key", "error.booking.idempotencyKeyCharacters");
        }
        List<String> candidates = candidates(type, request.coachId(), errors);
        errors.throwIfAny();
        String requestHash = requestHash(request);
        if (key != null) {
            Optional<Made> earlier = repeated(key, scopedKey(key, request.contactEmail()), requestHash);
            if (earlier.isPresent()) {
                return earlier.get();
            }
        }
        String token = key == null ? Tokens.newToken() : derivedToken(key, requestHash);
        String scoped = key == null ? null : scopedKey(key, request.contactEmail());
        // one count per mailbox, however the address is spelled (name+1@, NAME@, a no-break space before it): the
        // limit was walked around with subaddresses; the booking keeps and mails the address as given
        String address = Formats.mailbox(request.contactEmail());
        // counted before the booking's transaction (which then holds no lock on the count) and given back when no new
        // booking comes of it: a refused one (409, 422) or the first one's repetition does not count
        Optional<LocalDate> count = quotas.taken(PER_ADDRESS, address, perAddressPerDay);
        // a request repeated with its key at the same moment as the first (a client retrying at once): the repeats
        // hold counts until the first one is booked and they give theirs back, so a refused repeat waits for that
        // booking (its answer) or a count given back, a bounded while, before it says the day's limit is reached
        for (int i = 0; count.isEmpty() && key != null && i < SAME_MOMENT_CHECKS; i++) {
            pause(SAME_MOMENT_PAUSE);
            Optional<Made> earlier = repeated(key, scoped, requestHash);
            if (earlier.isPresent()) {
                return earlier.get();
            }
            count = quotas.taken(PER_ADDRESS, address, perAddressPerDay);
        }
        LocalDate counted = count.orElseThrow(() -> new BookingLimitReached(perAddressPerDay));
        boolean booked = false;
        try {
            BookingRow row = inTransaction(() -> insert(request, type, candidates, token, scoped, requestHash));
            booked = true;
            metrics.bookingMade();
            return new Made(view(row), token, false);
        } catch (SlotTakenSignal e) {
            // the same request sent again at the same moment (a client retrying): the time went to its own first
            // request, whose booking is the answer
            if (key != null) {
                Optional<Made> earlier = repeated(key, scoped, requestHash);
                if (earlier.isPresent()) {
                    return earlier.get();
                }
            }
            throw taken(type, request.coachId(), request.start());
        } catch (DataAccessException e) {
            // the same key raced in from another request: the unique index let one of them in
            if (key != null) {
                Optional<Made> earlier = repeated(key, scoped, requestHash);
                if (earlier.isPresent()) {
                    return earlier.get();
                }
            }
            throw e;
        } finally {
            if (!booked) {
                quotas.giveBack(PER_ADDRESS, address, counted);
            }
        }
    }

    /** How often, and how far apart, a keyed request refused by the day's limit looks for its first request's booking. */
    static final int SAME_MOMENT_CHECKS = 20;
    static final Duration SAME_MOMENT_PAUSE = Duration.ofMillis(100);

    private static void pause(Duration pause) {
        try {
            Thread.sleep(pause.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for a repeated booking's first request", e);
        }
    }

    /** How many new bookings one contact address may have a day ({@code portal.booking.per-address-per-day}). */
    public int perAddressPerDay() {
        return perAddressPerDay;
    }

    /**
     * An idempotency key belongs to the client that sent it. The public API has no client accounts (SPEC §9), so the
     * client is the contact the request books for: the key is stored as a hash of that contact's e-mail address and
     * the key. Another client's same key is another key (its own booking; neither learns of the other's), and the
     * stored value reveals neither key nor address.
     */
    static String scopedKey(String key, String contactEmail) {
        return Tokens.hash("idempotency-key\n" + Formats.normalisedEmail(contactEmail) + "\n" + key);
    }

    private Optional<Made> repeated(String key, String scopedKey, String requestHash) {
        Optional<BookingRow> earlier = bookings.findByIdempotencyKey(scopedKey);
        if (earlier.isEmpty()) {
            return Optional.empty();
        }
        if (!Objects.equals(earlier.get().requestHash(), requestHash)) {
            throw new IdempotencyConflict();
        }
        String token = derivedToken(key, requestHash);
        if (!MessageDigest.isEqual(Tokens.hash(token).getBytes(StandardCharsets.US_ASCII),
            earlier.get().tokenHash().getBytes(StandardCharsets.US_ASCII))) {
            // moved (or reminded) since: the first answer's token and link are spent, and the newest one is only in
            // the company's mail. Saying so beats handing out a token that opens nothing.
            throw IdempotencyConflict.linkReplaced();
        }
        return Optional.of(new Made(view(earlier.get()), token, true));
    }

    private BookingRow insert(Request request, AppointmentType type, List<String> candidates, String token,
                              @Nullable String scopedKey, String requestHash) {
        // milliseconds, as the columns keep them: the database rounds finer times, while the lead's consent log takes
        // the booking's consent time truncated, and finds the booking again by it (Mein Unternehmen)
        Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        List<String> locked = coaches.lock(candidates).stream().map(CoachRow::accountId).toList();
        requireCheckFree(request.assessmentId(), null, request.start(),
            request.start().plus(Duration.ofMinutes(type.durationMinutes())));
        Map<String, CalendarSettings> settings = calendars.findByCoachIdIn(locked).stream()
            .collect(Collectors.toMap(CoachCalendarRow::coachId, CoachCalendarRow::settings));
        LocalDate day = LocalDate.ofInstant(request.start(), ZONE);
        Map<String, List<SlotFinder.Booked>> booked = bookedOf(locked,
            day.minusDays(1).atStartOfDay(ZONE).toInstant(), day.plusDays(2).atStartOfDay(ZONE).toInstant());
        Map<String, SlotFinder.Verdict> verdicts = new HashMap<>();
        for (String coach : locked) {
            CalendarSettings calendar = settings.get(coach);
            verdicts.put(coach, calendar == null ? SlotFinder.Verdict.NOT_OFFERED
                : new SlotFinder(calendar, ZONE, type.durationMinutes(), type.travelBufferMinutes())
                    .verdict(booked.getOrDefault(coach, List.of()), request.start(), now));
        }
        List<String> free = locked.stream().filter(c -> verdicts.get(c) == SlotFinder.Verdict.FREE).toList();
        if (free.isEmpty()) {
            refuse(verdicts.values());
        }
        String coach;
        String assignment;
        if (request.coachId() != null) {
            coach = request.coachId();
            assignment = "chosen by the company";
        } else {
            Map<String, Instant> last = bookings.lastBooked(free).stream()
                .collect(Collectors.toMap(BookingRows.LastBooked::coachId, BookingRows.LastBooked::lastBooked));
            coach = free.stream().min(Comparator.comparing((String c) -> last.getOrDefault(c, Instant.EPOCH))
                .thenComparing(Function.identity())).orElseThrow();
            assignment = "any coach: least recently booked of " + free.size() + " free ("
                + (last.containsKey(coach) ? "last booked " + last.get(coach) : "never booked") + ")";
        }
        SlotFinder.Booked time = new SlotFinder(settings.get(coach), ZONE, type.durationMinutes(),
            type.travelBufferMinutes()).booked(request.start());
        boolean consent = request.consentShare();
        BookingRow row = new BookingRow(UUID.randomUUID().toString(), coach, type.agencyId(), type.id(),
            request.assessmentId(), time.start(), time.end(), time.blockedFrom(), time.blockedUntil(),
            type.mode().name(), BookingRow.CONFIRMED, request.companyName().strip(), request.postalCode().strip(),
            TextRules.shownOrNull(request.street()), TextRules.shownOrNull(request.town()), request.contactName().strip(), request.contactEmail().strip(), TextRules.shownOrNull(request.contactPhone()),
            request.language().code(), Tokens.hash(token), scopedKey, requestHash, assignment, consent,
            consent ? CONSENT_TEXT_VERSION : null, consent ? request.language().code() : null, consent ? now : null,
            null, now, now, 0);
        bookings.save(row);
        events.publishEvent(new BookingMade(row.id(), row.agencyId(), row.assessmentId(), coach, row.startAt(),
            row.companyName(), row.companyPostalCode(), row.contactName(), row.contactEmail(), row.contactPhone(),
            consent, row.consentTextVersion(), row.consentLanguage(), row.consentAt()));
        mails.confirmed(row, type, token);
        return row;
    }

    /**
     * Refuses (422 at {@code start}) a time {@code start}..{@code end} that overlaps another confirmed appointment of
     * the check the booking comes from ({@code bookingId}: the booking being moved, which does not count): a company
     * cannot be at two appointments at once, also not with two coaches booked from two tabs. Locks the check's row
     * first, after the coaches' rows (always in that order, in booking and moving: no deadlock), inside the booking's
     * transaction: a second booking for the check at the same moment waits, then sees the first one's appointment.
     * Appointments one after the other (a first talk, a later visit) stay possible. No check: nothing to test.
     */
    void requireCheckFree(@Nullable String assessmentId, @Nullable String bookingId, Instant start, Instant end) {
        if (assessmentId == null) {
            return;
        }
        if (!assessments.lock(new AssessmentId(assessmentId))) {
            new Errors().add("assessmentId", "error.booking.assessment").throwIfAny();
        }
        bookings.findByAssessmentIdAndStatusOrderByStartAtAsc(assessmentId, BookingRow.CONFIRMED).stream()
            .filter(b -> !b.id().equals(bookingId) && b.startAt().isBefore(end) && b.endAt().isAfter(start))
            .findFirst().ifPresent(b -> new Errors().add("start", "error.booking.checkOverlap",
                PortalTime.local(b.startAt()).toLocalTime().toString(),
                accounts.find(b.coachId()).map(Account::name).orElse("")).throwIfAny());
    }

    /** Why nobody can take the time: taken (409) if any coach would have been free but for other bookings. */
    private static void refuse(java.util.Collection<SlotFinder.Verdict> verdicts) {
        if (verdicts.contains(SlotFinder.Verdict.TAKEN)) {
            throw new SlotTakenSignal();
        }
        String key = verdicts.contains(SlotFinder.Verdict.PAST) ? "error.booking.past"
            : verdicts.contains(SlotFinder.Verdict.OUTSIDE_WINDOW) ? "error.booking.outsideWindow"
            : verdicts.contains(SlotFinder.Verdict.TOO_SOON) ? "error.booking.tooSoon" : "error.booking.notOffered";
        new Errors().add("start", key).throwIfAny();
    }

    /** Thrown inside the transaction (rolls it back); turned into {@link SlotTaken} with fresh times outside it. */
    private static final class SlotTakenSignal extends RuntimeException {
        SlotTakenSignal() {
            super("slot taken", null, false, false);
        }
    }

    private <T> T inTransaction(java.util.function.Supplier<T> work) {
        DefaultTransactionDefinition definition = new DefaultTransactionDefinition();
        // every statement sees what was committed before it: the bookings read after the lock include the last one
        definition.setIsolationLevel(TransactionDefinition.Isolation.READ_COMMITTED);
        return transactions.execute(definition, status -> work.get());
    }

    /** The free times around a refused time (its day and the {@value #FRESH_DAYS} days after). */
    private SlotTaken taken(AppointmentType type, @Nullable String coachId, Instant start) {
        LocalDate day = LocalDate.ofInstant(start, ZONE);
        List<String> candidates = candidates(type, coachId, new Errors());
        return new SlotTaken(free(type, candidates, day, day.plusDays(FRESH_DAYS), Map.of()));
    }

    // cancelling and moving: BookingChanges

    // ---------------------------------------------------------------------------------------------------- helpers

    private void requireAgency(String agencyId) {
        if (agencyId == null || agencies.find(agencyId).isEmpty()) {
            throw new UnknownAgency();
        }
    }

    /** Whether the postal code has the right shape (five digits). */
    private static boolean validateContact(Request r, Errors errors) {
        if (required(r.companyName(), "company.name", 200, errors)) {
            TextRules.checkName(r.companyName(), "company.name", errors); // the mails carry it: no link in it
        }
        boolean postalCodeOk = required(r.postalCode(), "company.postalCode", 10, errors);
        if (postalCodeOk && !r.postalCode().strip().matches("\\d{5}")) {
            errors.add("company.postalCode", "error.postalCode.format");
            postalCodeOk = false;
        }
        if (required(r.contactName(), "contact.name", 200, errors)) {
            TextRules.checkName(r.contactName(), "contact.name", errors);
        }
        if (required(r.contactEmail(), "contact.email", 254, errors) && !Formats.isEmail(r.contactEmail().strip())) {
            errors.add("contact.email", "error.email.format");
        }
        String phone = TextRules.shownOrNull(r.contactPhone());
        if (phone != null && TextRules.check(phone, false, "contact.phone", errors) && !Formats.isPhone(phone)) {
            errors.add("contact.phone", "error.phone.format");
        }
        return postalCodeOk;
    }

    /**
     * A required single-line text: present, keeping {@link TextRules}, showing something ({@link
     * TextRules#namesSomething}: no-break and zero-width spaces alone are no name, as for a check's company and
     * contact), at most {@code max} characters; adds the field's first error and says whether it passed (the visit's
     * address uses it too: {@link VisitAddressRules}).
     */
    static boolean required(@Nullable String value, String field, int max, Errors errors) {
        if (value == null || value.isBlank()) {
            errors.add(field, "error.required");
            return false;
        }
        if (!TextRules.check(value, false, field, errors)) {
            return false;
        }
        if (!TextRules.namesSomething(value)) {
            errors.add(field, "error.text.invisible");
            return false;
        }
        if (TextRules.tooLong(value.strip(), max)) {
            errors.add(field, "error.name.tooLong", max);
            return false;
        }
        return true;
    }

    private static String requestHash(Request r) {
        String canonical = String.join("\n", r.agencyId(), r.typeId(), r.start().toString(),
            String.valueOf(r.coachId()), String.valueOf(r.companyName()), String.valueOf(r.postalCode()),
            String.valueOf(r.contactName()), String.valueOf(r.contactEmail()), String.valueOf(r.contactPhone()),
            String.valueOf(r.assessmentId()), String.valueOf(r.consentShare()), r.language().code());
        if (r.street() != null || r.town() != null) { // a visit's address; other requests hash as they always did
            canonical += "\n" + r.street() + "\n" + r.town();
        }
        return Tokens.hash(canonical);
    }

    /**
     * The token of a booking made with an idempotency key: an HMAC of key and request under the portal's secret, so
     * that the repeated request gets the same answer although only the token's hash is stored.
     */
    String derivedToken(String key, String requestHash) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(tokenSecret, "HmacSHA256"));
            byte[] digest = mac.doFinal((key + "\n" + requestHash).getBytes(StandardCharsets.UTF_8));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
