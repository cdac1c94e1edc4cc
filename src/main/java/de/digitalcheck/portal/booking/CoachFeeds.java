package de.digitalcheck.portal.booking;

import de.digitalcheck.portal.accounts.Account;
import de.digitalcheck.portal.accounts.Accounts;
import de.digitalcheck.portal.shared.i18n.Language;
import de.digitalcheck.portal.shared.i18n.Messages;
import de.digitalcheck.portal.shared.security.Fingerprints;
import de.digitalcheck.portal.shared.security.Role;
import de.digitalcheck.portal.shared.security.Tokens;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * A coach's private calendar subscription (issue 15): a feed address with a 256-bit token (stored as its SHA-256
 * hash, shown once), renewable (the old address stops working) and revocable. The feed holds the coach's
 * appointments from {@value #DAYS_BACK} days back on, however far ahead, confirmed and cancelled
 * ({@code STATUS:CANCELLED}, so that a calendar that had the appointment drops it), with what the coach needs to meet
 * the company: the kind of appointment, the company, its contact's name and phone, the mode; in the language the coach
 * was invited in, as their mails ({@code account.language}: it was German for every coach). Not only up to the end of
 * the booking window: that says how far ahead companies can book, not which appointments stand (a shortened window
 * would drop those booked beyond it from the feed, and a subscribed calendar would delete them). An unknown or revoked
 * token finds nothing ({@link UnknownBooking}: 404).
 */
@Singleton
public class CoachFeeds {

    static final int DAYS_BACK = 30;

    private final CoachFeedRows feeds;
    private final CoachRows coaches;
    private final AppointmentRows appointments;
    private final AppointmentTypeRows types;
    private final Accounts accounts;
    private final Messages messages;
    private final Clock clock;

    CoachFeeds(CoachFeedRows feeds, CoachRows coaches, AppointmentRows appointments, AppointmentTypeRows types,
               Accounts accounts, Messages messages, Clock clock) {
        this.feeds = feeds;
        this.coaches = coaches;
        this.appointments = appointments;
        this.types = types;
        this.accounts = accounts;
        this.messages = messages;
        this.clock = clock;
    }

    /** The feed's path for a token. */
    public static String path(String token) {
        return "/kalender/" + token + ".ics";
    }

    /** Since when the coach's current feed address exists; empty when there is none. */
    public Optional<Instant> since(String coachId) {
        return feeds.findById(coachId).map(CoachFeedRow::createdAt);
    }

    /**
     * The version of the coach's feed address the settings page's form carries: a fingerprint of its token's hash, or
     * of none ({@link #renew(String, String)}).
     */
    public String version(String coachId) {
        return Fingerprints.of(feeds.findById(coachId).map(CoachFeedRow::tokenHash).orElse(null));
    }

    /** A new feed address for the coach (the previous one stops working); its token, to be shown once. */
    @Transactional
    public String renew(String coachId) {
        return renewed(coachId);
    }

    /**
     * As {@link #renew(String)}, unless the address was renewed since the form was read ({@code readVersion}, its
     * {@link #version}): a second post of one form (a double click, a reload of the page that showed the new address,
     * a second tab) made yet another address, which silently ended the one just shown or already subscribed. Two
     * renewals of one coach take turns (the coach's row is locked). Without an address now there is nothing to replace:
     * one is made.
     *
     * @throws StaleFeed the coach's address is another one now than the form was read with: nothing changed
     */
    @Transactional
    public String renew(String coachId, String readVersion) {
        coaches.lock(List.of(coachId));
        Optional<CoachFeedRow> current = feeds.findById(coachId);
        if (current.isPresent() && !Fingerprints.of(current.get().tokenHash()).equals(readVersion)) {
            throw new StaleFeed();
        }
        return renewed(coachId);
    }

    private String renewed(String coachId) {
        String token = Tokens.newToken();
        Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        CoachFeedRow row = new CoachFeedRow(coachId, Tokens.hash(token), now);
        if (feeds.existsById(coachId)) {
            feeds.update(row);
        } else {
            feeds.save(row);
        }
        return token;
    }

    /** Ends the coach's feed address; nothing when there is none. */
    @Transactional
    public void revoke(String coachId) {
        feeds.deleteById(coachId);
    }

    /**
     * As {@link #revoke(String)}, unless the address was renewed since the form was read ({@code readVersion}, its
     * {@link #version}): a revoke from a page read before (another tab, an old page) ended the address made since,
     * which the coach may just have subscribed to, unseen. A renewal and a revoke of one coach take turns (the coach's
     * row is locked). Without an address now there is nothing to revoke: nothing happens (a revoke sent twice).
     *
     * @throws StaleFeed the coach's address is another one now than the form was read with: nothing revoked
     */
    @Transactional
    public void revoke(String coachId, String readVersion) {
        coaches.lock(List.of(coachId));
        Optional<CoachFeedRow> current = feeds.findById(coachId);
        if (current.isEmpty()) {
            return;
        }
        if (!Fingerprints.of(current.get().tokenHash()).equals(readVersion)) {
            throw new StaleFeed();
        }
        feeds.deleteById(coachId);
    }

    /**
     * The feed of a token.
     *
     * @throws UnknownBooking for a malformed, unknown or revoked token
     */
    @Transactional(readOnly = true)
    public String ics(@Nullable String token) {
        if (!Tokens.isWellFormed(token)) {
            throw new UnknownBooking();
        }
        CoachFeedRow feed = feeds.findByTokenHash(Tokens.hash(token)).orElseThrow(UnknownBooking::new);
        // a coach still, of an agency: a feed that outlived a change of role or agency shows nothing
        Account coach = accounts.find(feed.coachId())
            .filter(a -> !a.disabled() && a.role() == Role.COACH && a.agencyId() != null)
            .orElseThrow(UnknownBooking::new);
        Instant now = clock.instant();
        Instant from = now.minus(DAYS_BACK, ChronoUnit.DAYS);
        // the appointments at the coach's agency only, never another's
        List<BookingRow> rows = appointments.ofCoachStartingFrom(coach.id(), from).stream()
            .filter(b -> coach.agencyId().equals(b.agencyId())).toList();
        Map<String, AppointmentType> byId = rows.stream().map(BookingRow::typeId).distinct()
            .map(types::findById).flatMap(Optional::stream).map(AppointmentTypeRow::type)
            .collect(Collectors.toMap(AppointmentType::id, t -> t));
        Language lang = coach.language();
        List<CoachFeedCalendar.Event> events = rows.stream().map(b -> {
            AppointmentType type = byId.get(b.typeId());
            String typeName = type == null ? "" : type.name(lang);
            String mode = messages.get(lang, "mode." + MeetingMode.parse(b.meetingMode()).map(Enum::name)
                .orElse("VIDEO"));
            // a visit at the company: where the coach goes, as in the invitation (the same UID: one event)
            String location = b.visitAddress() == null ? mode
                : mode + ": " + b.companyName() + ", " + b.visitAddress().line();
            // a booking whose company's data were erased says so instead of showing empty values
            String erased = messages.get(lang, "feed.erased");
            String company = b.companyName() == null || b.companyName().isBlank() ? erased : b.companyName();
            String contact = b.contactName() == null || b.contactName().isBlank() ? erased : b.contactName()
                + (b.contactPhone() == null ? "" : ", " + b.contactPhone());
            return new CoachFeedCalendar.Event(b.id(), b.sequenceNo(), BookingRow.CANCELLED.equals(b.status()),
                b.startAt(), b.endAt(), messages.get(lang, "feed.summary", typeName, company),
                messages.get(lang, "feed.description", company, contact, mode), location);
        }).toList();
        return CoachFeedCalendar.ics(messages.get(lang, "feed.name", coach.name()), events, now);
    }
}
