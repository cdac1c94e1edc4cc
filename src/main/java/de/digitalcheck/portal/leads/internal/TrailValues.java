package de.digitalcheck.portal.leads.internal;

import de.digitalcheck.portal.booking.AppointmentOutcome;
import de.digitalcheck.portal.booking.AppointmentOutcomeRecorded;
import de.digitalcheck.portal.booking.AppointmentOutcomes;
import de.digitalcheck.portal.booking.Appointments;
import de.digitalcheck.portal.booking.Booking;
import de.digitalcheck.portal.readiness.ResultSummaries;
import de.digitalcheck.portal.shared.i18n.Dates;
import de.digitalcheck.portal.shared.i18n.Language;
import de.digitalcheck.portal.shared.i18n.Messages;
import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The values of a lead's trail ({@code lead_audit.from_value}, {@code to_value}) as the reader's language writes them.
 * The trail stores values, not sentences: a stage as its code (shown by its name), an appointment's time as
 * {@code 22.12.2026 09:00} ({@link Dates#trailValue}), a booked appointment as its time, its type's id and its coach
 * ({@link #booking}: shown with the type's name in the reader's language), an appointment's outcome as codes ({@link #outcome}: attendance,
 * follow-up, the recommended programme's id), shown with the words of the outcome form and the programme's name. The
 * outcome was once stored as a German sentence naming the programme by its id ("… · Empfehlung: innoscheck-ruhr"),
 * German for every reader; such an entry is read back into its codes where its parts are the outcome form's words.
 */
@Singleton
public class TrailValues {

    /** How {@link #outcome} stores an outcome: {@code HELD}, {@code HELD FOLLOW_UP PROGRAMME=innoscheck-ruhr}. */
    private static final Pattern OUTCOME = Pattern.compile("(HELD|NO_SHOW)( FOLLOW_UP)?(?: PROGRAMME=(\\S+))?");
    private static final String SEPARATOR = " · ";
    /** How {@link #booking} stores a booked appointment: its time, its type's id, its coach's name. */
    private static final Pattern BOOKING = Pattern.compile("(\\d{2}\\.\\d{2}\\.\\d{4} \\d{2}:\\d{2}) TYPE=(\\S+) COACH=(.*)");

    private final Messages messages;
    private final AppointmentOutcomes outcomes;
    private final Appointments appointments;

    TrailValues(Messages messages, AppointmentOutcomes outcomes, Appointments appointments) {
        this.messages = messages;
        this.outcomes = outcomes;
        this.appointments = appointments;
    }

    /**
     * A booked appointment as the trail stores it: its time ({@code when}, as {@link Dates#trailValue} reads it), its
     * type's id (named in the reader's language when shown) and its coach's name.
     */
    static String booking(String when, Booking booked) {
        return when + " TYPE=" + booked.type().id() + " COACH=" + booked.coachName();
    }

    /** An outcome as the trail stores it: its codes, in no language. */
    static String outcome(AppointmentOutcomeRecorded outcome) {
        return outcome.attendance().name() + (outcome.followUp() ? " FOLLOW_UP" : "")
            + (outcome.programmeId() == null ? "" : " PROGRAMME=" + outcome.programmeId());
    }

    /**
     * Who made the entry, as the trail names them in {@code language} (a language code, as pages have it): the person
     * it names (staff, a coach, a network admin; a token's person with "(API)"), else the company for what the company
     * did ({@link #byCompany}), else the portal (an escalation, an assignee removed with their account).
     */
    public String who(LeadAuditRow entry, String language) {
        if (entry.actorName() != null) {
            return entry.actorName();
        }
        return messages.get(Language.fromCode(language).orElse(Language.DE),
            byCompany(entry.action()) ? "leads.audit.company" : "leads.audit.system");
    }

    /**
     * The entries the company makes, which name no person: its booking ({@code BOOKING}; only companies book), its
     * move or cancellation of it ({@code BOOKING_MOVED}, {@code BOOKING_CANCELLED}; staff's name themselves), the values
     * of a consent given again ({@code DATA_…}) and its check revised ({@code RESULT}). The booking once showed "–"
     * (or the portal) where its move and cancellation showed the company.
     */
    static boolean byCompany(String action) {
        return action.equals(BookingLeads.ACTION_BOOKING) || action.startsWith(BookingLeads.ACTION_BOOKING + "_")
            || action.startsWith("DATA_") || action.equals(LeadAuditRow.RESULT);
    }

    /**
     * What the entry records, in {@code language} (a language code, as pages have it): the words of its kind
     * ({@code leads.audit.action.…}), or "Sonstige Änderung" / "Other change" for a kind without words — an entry of
     * an older kind, or of one a newer version writes —, never the message key. The lead pages and the company's
     * export name entries by it.
     */
    public String what(LeadAuditRow entry, String language) {
        Language in = Language.fromCode(language).orElse(Language.DE);
        return known(entry.action(), in).orElseGet(() -> messages.get(in, OTHER));
    }

    /** The words of a kind of entry, empty for a kind without words ({@link #what} says "other change" then). */
    java.util.Optional<String> known(String action, Language language) {
        return messages.find(language, "leads.audit.action." + action);
    }

    /** The words of a kind of entry that has none of its own. */
    static final String OTHER = "leads.audit.other";

    /** The entry's "from" value in {@code language} (a language code, as pages have it); null when it has none. */
    public @Nullable String from(LeadAuditRow entry, String language) {
        return shown(entry, entry.fromValue(), Language.fromCode(language).orElse(Language.DE));
    }

    /** The entry's "to" value in {@code language} (a language code, as pages have it); null when it has none. */
    public @Nullable String to(LeadAuditRow entry, String language) {
        return shown(entry, entry.toValue(), Language.fromCode(language).orElse(Language.DE));
    }

    private @Nullable String shown(LeadAuditRow entry, @Nullable String value, Language language) {
        if (value == null) {
            return null;
        }
        if (entry.action().equals(LeadAuditRow.STAGE)) {
            return messages.get(language, "leads.stage." + value);
        }
        if (entry.action().equals(LeadAuditRow.RESULT)) {
            // a score, stored as 2.8: as the result page shows it, in the reader's language
            try {
                return ResultSummaries.decimal(language, Double.parseDouble(value));
            } catch (NumberFormatException e) {
                return value;
            }
        }
        if (entry.action().equals(BookingLeads.ACTION_BOOKING)) {
            // a booking's entry names the kind and the coach (stored before: the time alone, shown as it is)
            Matcher m = BOOKING.matcher(value);
            if (m.matches()) {
                String type = appointments.typeName(m.group(2), language).orElse(null);
                return Dates.in(language).trailValue(m.group(1)) + (type == null ? "" : SEPARATOR + type)
                    + (m.group(3).isBlank() ? "" : SEPARATOR + messages.get(language, "booking.times.with", m.group(3)));
            }
        }
        if (entry.action().equals(BookingLeads.ACTION_OUTCOME)) {
            String codes = OUTCOME.matcher(value).matches() ? value : fromGerman(value);
            if (codes != null) {
                return outcomeText(codes, language);
            }
        }
        return Dates.in(language).trailValue(value);
    }

    private String outcomeText(String codes, Language language) {
        Matcher m = OUTCOME.matcher(codes);
        if (!m.matches()) {
            throw new IllegalArgumentException(codes);
        }
        List<String> parts = new ArrayList<>();
        parts.add(messages.get(language, "outcome.attendance." + m.group(1)));
        if (m.group(2) != null) {
            parts.add(messages.get(language, "outcome.followUp.short"));
        }
        if (m.group(3) != null) {
            String id = m.group(3);
            String name = outcomes.programme(id).map(p -> language == Language.EN && !p.nameEn().isBlank()
                ? p.nameEn() : p.nameDe()).orElse(id);
            parts.add(messages.get(language, "outcome.recommended", name));
        }
        return String.join(SEPARATOR, parts);
    }

    /**
     * The codes of an outcome stored as the German sentence it was once stored as; null when a part of it is not one
     * of the outcome form's words (it is then shown as stored).
     */
    private @Nullable String fromGerman(String stored) {
        String[] parts = stored.split(Pattern.quote(SEPARATOR));
        StringBuilder codes = new StringBuilder();
        for (AppointmentOutcome.Attendance attendance : AppointmentOutcome.Attendance.values()) {
            if (parts[0].equals(messages.get(Language.DE, "outcome.attendance." + attendance.name()))) {
                codes.append(attendance.name());
            }
        }
        if (codes.isEmpty()) {
            return null;
        }
        String recommended = messages.get(Language.DE, "outcome.recommended", "");
        for (int i = 1; i < parts.length; i++) {
            if (parts[i].equals(messages.get(Language.DE, "outcome.followUp.short"))) {
                codes.append(" FOLLOW_UP");
            } else if (parts[i].startsWith(recommended) && parts[i].length() > recommended.length()) {
                codes.append(" PROGRAMME=").append(parts[i].substring(recommended.length()));
            } else {
                return null;
            }
        }
        String read = codes.toString();
        return OUTCOME.matcher(read).matches() ? read : null;
    }
}
