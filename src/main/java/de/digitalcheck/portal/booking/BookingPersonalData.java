package de.digitalcheck.portal.booking;

import de.digitalcheck.portal.funding.FundingAdministration;
import de.digitalcheck.portal.readiness.AgencyLeads;
import de.digitalcheck.portal.readiness.AssessmentErased;
import de.digitalcheck.portal.shared.i18n.Language;
import de.digitalcheck.portal.shared.i18n.Messages;
import de.digitalcheck.portal.shared.privacy.PersonalDataHolder;
import de.digitalcheck.portal.shared.security.Tokens;
import io.micronaut.runtime.event.annotation.EventListener;
import jakarta.inject.Singleton;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The bookings' part of a company's data (issue 15, SPEC §8): its bookings with their outcomes (export) and their
 * erasure — company (with a visit's address), contact, consent and the link to the check erased, appointments still to come cancelled (the
 * coach gets the cancellation for the calendar, without the company's data; the company, which asked for the erasure
 * and was told so on the erasure page, gets no mail), the outcomes' notes forgotten; time,
 * coach, type and outcome stay for the agency's figures; its private links open nothing any more. A check erased through its own link erases its bookings too.
 * SPEC §8 names no retention period for bookings (only for leads), so none is applied.
 *
 * <p>A booking's consent to share is exported as it stands now, as the leads' part exports the consent log: given
 * ({@code consentShare}, {@code consentTextVersion}, {@code consentAt}) and, once the company withdrew it (the
 * withdrawal of the lead it made, Mein Unternehmen), {@code consentShare} false with {@code consentWithdrawnAt};
 * {@code consentWithdrawnAt} is null while it stands. (It said {@code "consentShare": true} after the withdrawal.)
 *
 * <p>Beside each code, its words in the export's language, for people: {@code statusText}, {@code meetingModeText},
 * {@code languageText}, the outcome's {@code attendanceText}; a code without words reads "Sonstiger Wert". Beside the
 * outcome's recommended funding programme ({@code programmeId}) its name, {@code programmeName}, in the export's
 * language as the programme pages show it (German where it has no English name); null where no programme has the id
 * (the id is kept). It was the id alone, which says nothing to the company.
 */
@Singleton
class BookingPersonalData implements PersonalDataHolder {

    private final AppointmentRows bookings;
    private final OutcomeRows outcomes;
    private final BookingMails mails;
    private final Clock clock;
    private final AgencyLeads leads;
    private final Messages messages;
    private final FundingAdministration funding;

    /** The words of the codes the export carries ({@link Messages#codeText}): {@code prefix + code}. */
    static final String STATUS_WORDS = "booking.status.";
    static final String MODE_WORDS = "mode.";
    static final String ATTENDANCE_WORDS = "outcome.attendance.";
    static final String LANGUAGE_WORDS = "language.name.";

    BookingPersonalData(AppointmentRows bookings, OutcomeRows outcomes, BookingMails mails, Clock clock,
                        AgencyLeads leads, Messages messages, FundingAdministration funding) {
        this.funding = funding;
        this.messages = messages;
        this.leads = leads;
        this.bookings = bookings;
        this.outcomes = outcomes;
        this.mails = mails;
        this.clock = clock;
    }

    @Override
    public String part() {
        return "bookings";
    }

    @Override
    public Object export(String email) {
        return export(email, Language.DE);
    }

    /** Its bookings, each code (status, meeting mode, language, attendance) with its words in {@code language}. */
    @Override
    public Object export(String email, Language language) {
        List<BookingRow> rows = bookings.ofContact(email);
        Map<String, OutcomeRow> recorded = new LinkedHashMap<>();
        Map<String, Instant> withdrawn = Map.of();
        if (!rows.isEmpty()) {
            List<String> ids = rows.stream().map(BookingRow::id).toList();
            outcomes.findByBookingIdIn(ids).forEach(o -> recorded.put(o.bookingId(), o));
            withdrawn = leads.bookingConsentsWithdrawn(
                rows.stream().filter(BookingRow::consentShare).map(BookingRow::id).toList());
        }
        Map<String, Instant> withdrawals = withdrawn;
        return rows.stream().map(b -> exported(b, recorded.get(b.id()), withdrawals.get(b.id()), language)).toList();
    }

    private Map<String, Object> exported(BookingRow b, OutcomeRow outcome, Instant consentWithdrawnAt,
                                         Language language) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", b.id());
        m.put("agencyId", b.agencyId());
        m.put("start", b.startAt().toString());
        m.put("end", b.endAt().toString());
        m.put("status", b.status());
        m.put("statusText", messages.codeText(language, STATUS_WORDS, b.status()));
        m.put("meetingMode", b.meetingMode());
        m.put("meetingModeText", messages.codeText(language, MODE_WORDS, b.meetingMode()));
        m.put("companyName", b.companyName());
        m.put("postalCode", b.companyPostalCode());
        m.put("street", b.companyStreet());
        m.put("town", b.companyTown());
        m.put("contactName", b.contactName());
        m.put("contactEmail", b.contactEmail());
        m.put("contactPhone", b.contactPhone());
        m.put("language", b.language());
        m.put("languageText", messages.codeText(language, LANGUAGE_WORDS, b.language()));
        m.put("assessmentId", b.assessmentId());
        m.put("consentShare", b.consentShare() && consentWithdrawnAt == null);
        m.put("consentTextVersion", b.consentTextVersion());
        m.put("consentAt", b.consentAt() == null ? null : b.consentAt().toString());
        m.put("consentWithdrawnAt", consentWithdrawnAt == null ? null : consentWithdrawnAt.toString());
        m.put("cancelReason", b.cancelReason());
        m.put("createdAt", b.createdAt().toString());
        if (outcome != null) {
            Map<String, Object> o = new LinkedHashMap<>();
            o.put("attendance", outcome.attendance());
            o.put("attendanceText", messages.codeText(language, ATTENDANCE_WORDS, outcome.attendance()));
            o.put("followUp", outcome.followUp());
            o.put("programmeId", outcome.programmeId());
            o.put("programmeName", outcome.programmeId() == null ? null
                : funding.find(outcome.programmeId()).map(p -> p.nameIn(language)).orElse(null));
            o.put("note", outcome.note());
            o.put("recordedAt", outcome.recordedAt().toString());
            m.put("outcome", o);
        }
        return m;
    }

    @Override
    public int erase(String email) {
        return erase(bookings.ofContact(email));
    }

    @EventListener
    void onErased(AssessmentErased event) {
        erase(bookings.findByAssessmentId(event.assessmentId().value()));
    }

    private int erase(List<BookingRow> rows) {
        if (rows.isEmpty()) {
            return 0;
        }
        List<String> ids = rows.stream().map(BookingRow::id).toList();
        Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        for (BookingRow b : rows) {
            // one by one: the coach is told of those this erasure cancelled (one cancelled meanwhile was told already)
            if (BookingRow.CONFIRMED.equals(b.status()) && b.startAt().isAfter(now)
                && bookings.cancelUpcoming(List.of(b.id()), now) == 1) {
                bookings.findByIdIn(List.of(b.id())).forEach(mails::cancelledByErasure); // with its raised SEQUENCE
            }
        }
        bookings.erase(ids, now);
        // the private links (the mails', the confirmation page's) answer as an invalid link: an erased company's
        // appointment is nobody's to see, move or cancel any more (they showed time, coach and status)
        ids.forEach(id -> bookings.spendLinks(id, Tokens.hash(Tokens.newToken())));
        outcomes.forgetNotes(ids);
        return rows.size();
    }
}
