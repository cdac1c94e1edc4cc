package de.digitalcheck.portal.booking.web;

import com.fasterxml.jackson.annotation.JsonProperty;
import de.digitalcheck.portal.booking.AppointmentOutcome;
import de.digitalcheck.portal.booking.AppointmentOutcomes;
import de.digitalcheck.portal.shared.web.Csrf;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

/**
 * An appointment's outcome as posted: attendance (HELD, NO_SHOW), follow-up ("on"), a programme id, a note, and the
 * version of the outcome the form was read with (empty: none was recorded then).
 */
@Serdeable
record OutcomeForm(@Nullable String attendance, @Nullable String followUp, @Nullable String programme,
                   @Nullable String note, @Nullable String version,
                   @JsonProperty(Csrf.FIELD) @Nullable String csrfToken) implements Csrf.Form {

    static final OutcomeForm EMPTY = new OutcomeForm(null, null, null, null, "", null);

    static OutcomeForm of(@Nullable AppointmentOutcome o) {
        return o == null ? EMPTY : new OutcomeForm(o.attendance().name(), o.followUp() ? "on" : null,
            o.programmeId(), o.note(), String.valueOf(o.version()), null);
    }

    /** The same input, read with {@code current} (after a conflict: saving again replaces what is stored now). */
    OutcomeForm readWith(@Nullable AppointmentOutcome current) {
        return new OutcomeForm(attendance, followUp, programme, note, current == null ? "" : String.valueOf(current.version()),
            csrfToken);
    }

    AppointmentOutcomes.Input input() {
        return new AppointmentOutcomes.Input(attendance, "on".equals(followUp), programme, note);
    }
}
