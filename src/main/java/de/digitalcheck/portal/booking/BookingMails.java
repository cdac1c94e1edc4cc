package de.digitalcheck.portal.booking;

import de.digitalcheck.portal.accounts.Account;
import de.digitalcheck.portal.accounts.Accounts;
import de.digitalcheck.portal.routing.Agencies;
import de.digitalcheck.portal.routing.Agency;
import de.digitalcheck.portal.shared.config.PortalSettings;
import de.digitalcheck.portal.shared.i18n.Dates;
import de.digitalcheck.portal.shared.i18n.Language;
import de.digitalcheck.portal.shared.i18n.Messages;
import de.digitalcheck.portal.shared.mail.Mail;
import de.digitalcheck.portal.shared.mail.MailOutbox;
import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.List;

/**
 * The appointment's emails with its iCalendar invitation — confirmed, moved, cancelled: the company (in its language)
 * and the coach (in the language they were invited in) get the same appointment, organised by the agency (the coach's
 * invitation without the company's private link). Written to the outbox inside the booking's transaction, sent
 * after it commits.
 */
@Singleton
class BookingMails {

    static final String CONTENT_TYPE_REQUEST = "text/calendar; method=REQUEST; charset=UTF-8";
    static final String CONTENT_TYPE_CANCEL = "text/calendar; method=CANCEL; charset=UTF-8";

    private final MailOutbox outbox;
    private final Messages messages;
    private final PortalSettings settings;
    private final Agencies agencies;
    private final Accounts accounts;
    private final Clock clock;
    private final AppointmentTypeRows types;

    BookingMails(MailOutbox outbox, Messages messages, PortalSettings settings, Agencies agencies, Accounts accounts,
                 Clock clock, AppointmentTypeRows types) {
        this.types = types;
        this.outbox = outbox;
        this.messages = messages;
        this.settings = settings;
        this.agencies = agencies;
        this.accounts = accounts;
        this.clock = clock;
    }

    /** The confirmation of a new booking to the company and to the coach ({@code SEQUENCE:0}). */
    void confirmed(BookingRow row, AppointmentType type, String token) {
        send(row, type, token, "confirmed");
    }

    /**
     * A cancelled booking (the same {@code UID}, the row's raised {@code SEQUENCE}) with what the other side is told
     * ({@code note}: the company's reason, or the message of the coach or staff member who cancelled it); {@code token}
     * null when no valid link can be given (a cancellation by the agency's side: the mail then carries no link).
     */
    void cancelled(BookingRow row, @Nullable String token, @Nullable ChangeNote note) {
        AppointmentType type = types.findById(row.typeId()).map(AppointmentTypeRow::type).orElseThrow();
        send(row, type, token, "cancelled", note, null);
    }

    /**
     * A moved booking ({@code row}; {@code before}: the same booking before the move): the same {@code UID}, the raised
     * {@code SEQUENCE}, with the note of who moved it. Both mails say the time it had before, written as its new time:
     * a coach with two appointments with one company could not tell which of them had moved, and a company that had
     * written down the old time could not match the mail to it. The invitations carry the new time only: a calendar
     * replaces the event of the same {@code UID}.
     */
    void moved(BookingRow row, BookingRow before, String token, @Nullable ChangeNote note) {
        AppointmentType type = types.findById(row.typeId()).map(AppointmentTypeRow::type).orElseThrow();
        send(row, type, token, "moved", note, before);
    }

    /**
     * A booking cancelled because its company had its data erased: only the coach is told (the company asked for the
     * erasure and its address is being erased), with the cancellation for the coach's calendar (the same {@code UID},
     * the raised {@code SEQUENCE}) and nothing of the company but that it asked for the erasure.
     */
    void cancelledByErasure(BookingRow row) {
        AppointmentType type = types.findById(row.typeId()).map(AppointmentTypeRow::type).orElseThrow();
        Agency agency = agencies.find(row.agencyId()).orElseThrow();
        Account coach = accounts.find(row.coachId()).orElseThrow();
        MeetingMode mode = MeetingMode.parse(row.meetingMode()).orElse(type.mode());
        Language coachLang = coach.language();
        String how = messages.get(coachLang, "mode." + mode.name());
        byte[] ics = AppointmentCalendar.ics(new AppointmentCalendar.Invitation(row.id(), row.sequenceNo(), true,
            row.startAt(), row.endAt(), type.name(coachLang) + " – " + agency.shortName(),
            messages.get(coachLang, "booking.mail.ics.descriptionWithoutLink", coach.name(), agency.name()), how,
            agency.name(), agency.email(), null, null, coach.name(), coach.email(), clock.instant()))
            .getBytes(StandardCharsets.UTF_8);
        outbox.send(new Mail(coachLang, coach.email(),
            messages.get(coachLang, "booking.mail.coach.erased.subject", when(row, coachLang)),
            messages.get(coachLang, "booking.mail.coach.erased.text", coach.name(), type.name(coachLang),
                when(row, coachLang)),
            List.of(new Mail.Attachment(messages.get(coachLang, "booking.mail.ics.file"), CONTENT_TYPE_CANCEL, ics))));
    }

    /**
     * The reminder before the appointment to the company, in its language, with the appointment and the link of its
     * new private token (the reminder is the newest mail: the links of earlier mails no longer work). No invitation:
     * the calendar holds the appointment already.
     */
    void reminder(BookingRow row, String token) {
        AppointmentType type = types.findById(row.typeId()).map(AppointmentTypeRow::type).orElseThrow();
        Language language = Language.fromCode(row.language()).orElse(Language.DE);
        Agency agency = agencies.find(row.agencyId()).orElseThrow();
        Account coach = accounts.find(row.coachId()).orElseThrow();
        MeetingMode mode = MeetingMode.parse(row.meetingMode()).orElse(type.mode());
        String when = when(row, language);
        outbox.send(new Mail(language, row.contactEmail(),
            messages.get(language, "booking.mail.reminder.subject", when, agency.shortName()),
            messages.get(language, "booking.mail.reminder.text", row.contactName(), type.name(language), coach.name(),
                agency.name(), when, place(mode, agency, row, language, false), manageLink(row, token))));
    }

    /** The appointment's private page in the company's language (a mail's link opens where no language is chosen). */
    private String manageLink(BookingRow row, String token) {
        return settings.link(BookingPaths.manage(row.id(), token, row.language()));
    }

    /** The agency's booking page, in the company's language (the cancellation's way to a new appointment). */
    private String bookingLink(Agency agency, Language language) {
        return settings.link("/termin/" + java.net.URLEncoder.encode(agency.id(), StandardCharsets.UTF_8)
            + (language == Language.DE ? "" : "?lang=" + language.code()));
    }

    private String noted(String text, @Nullable ChangeNote note, Language language) {
        if (note == null) {
            return text;
        }
        String line = note.author() == null ? messages.get(language, "booking.mail.note.reason", note.text())
            : messages.get(language, "booking.mail.note.message", note.author(), note.text());
        // before the last paragraph (the greeting of the company's mails, the attachment's note of the coach's)
        int last = text.lastIndexOf("\n\n");
        return last < 0 ? text + "\n\n" + line : text.substring(0, last) + "\n\n" + line + text.substring(last);
    }

    private void send(BookingRow row, AppointmentType type, String token, String kind) {
        send(row, type, token, kind, null, null);
    }

    /** {@code before}: the booking before a move (its time is the texts' last argument), else null. */
    private void send(BookingRow row, AppointmentType type, @Nullable String token, String kind,
                      @Nullable ChangeNote note, @Nullable BookingRow before) {
        boolean cancelled = kind.equals("cancelled");
        String contentType = cancelled ? CONTENT_TYPE_CANCEL : CONTENT_TYPE_REQUEST;
        Language language = Language.fromCode(row.language()).orElse(Language.DE);
        Agency agency = agencies.find(row.agencyId()).orElseThrow();
        Account coach = accounts.find(row.coachId()).orElseThrow();
        MeetingMode mode = MeetingMode.parse(row.meetingMode()).orElse(type.mode());
        String manage = token == null ? null : manageLink(row, token);
        String companyWhen = when(row, language);
        String companyPlace = place(mode, agency, row, language, false);
        byte[] ics = invitation(row, type, agency, coach, cancelled, language, manage, companyPlace);
        outbox.send(new Mail(language, row.contactEmail(),
            messages.get(language, "booking.mail." + kind + ".subject", companyWhen, agency.shortName()),
            noted(messages.get(language, "booking.mail." + kind + ".text", row.contactName(), type.name(language),
                coach.name(), agency.name(), companyWhen, companyPlace, manage == null ? "–" : manage,
                bookingLink(agency, language), before == null ? "" : when(before, language)), note, language),
            List.of(new Mail.Attachment(messages.get(language, "booking.mail.ics.file"), contentType, ics))));
        // the coach's own invitation: in the coach's language, and without the company's private link (whoever reads
        // the coach's mail or calendar must not be able to move or cancel the appointment as the company)
        Language coachLang = coach.language();
        // where and how, in the coach's terms: for a video appointment the coach sends the link, not gets it
        String coachPlace = place(mode, agency, row, coachLang, true);
        byte[] coachIcs = invitation(row, type, agency, coach, cancelled, coachLang, null, coachPlace);
        outbox.send(new Mail(coachLang, coach.email(),
            messages.get(coachLang, "booking.mail.coach." + kind + ".subject", when(row, coachLang), row.companyName()),
            noted(messages.get(coachLang, "booking.mail.coach." + kind + ".text", coach.name(), type.name(coachLang),
                row.companyName(), row.contactName(), row.contactEmail(),
                row.contactPhone() == null ? "–" : row.contactPhone(), when(row, coachLang), coachPlace,
                before == null ? "" : when(before, coachLang)), note, coachLang),
            List.of(new Mail.Attachment(messages.get(coachLang, "booking.mail.ics.file"), contentType, coachIcs))));
    }

    /** The appointment's invitation (the same {@code UID} and {@code SEQUENCE} for both sides) with its location. */
    private byte[] invitation(BookingRow row, AppointmentType type, Agency agency, Account coach, boolean cancelled,
                              Language language, @Nullable String manage, String location) {
        return AppointmentCalendar.ics(new AppointmentCalendar.Invitation(row.id(), row.sequenceNo(), cancelled,
            row.startAt(), row.endAt(), type.name(language) + " – " + agency.shortName(),
            manage == null ? messages.get(language, "booking.mail.ics.descriptionWithoutLink", coach.name(), agency.name())
                : messages.get(language, "booking.mail.ics.description", coach.name(), agency.name(), manage),
            location, agency.name(), agency.email(), row.companyName(), row.contactEmail(), coach.name(),
            coach.email(), clock.instant())).getBytes(StandardCharsets.UTF_8);
    }

    private static String when(BookingRow row, Language language) {
        // the zone named where a time alone would not say which one it is (the hour the clocks go back)
        return Dates.longDate(language, row.startAt()) + ", " + Dates.timeRange(language, row.startAt(), row.endAt());
    }

    /** Where the appointment takes place, told to the company or ({@code forCoach}) to the coach. */
    private String place(MeetingMode mode, Agency agency, BookingRow row, Language language, boolean forCoach) {
        String how = messages.get(language, "mode." + mode.name());
        return switch (mode) {
            case AT_AGENCY -> how + (agency.address() == null ? "" : ": " + agency.address());
            case ON_SITE -> how + ": " + row.companyName() + ", "
                + (row.visitAddress() == null ? row.companyPostalCode() : row.visitAddress().line());
            case VIDEO -> how + ": " + messages.get(language,
                forCoach ? "booking.mail.coach.videoLink" : "booking.mail.videoLink");
            case PHONE -> how + (row.contactPhone() == null ? "" : ": " + row.contactPhone());
        };
    }
}
