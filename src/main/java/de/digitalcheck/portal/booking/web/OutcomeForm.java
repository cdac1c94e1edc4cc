package de.digitalcheck.portal.booking.web;

import com.fasterxml.jackson.annotation.JsonProperty;
import de.digitalcheck.portal.booking.AppointmentOutcome;
import de.digitalcheck.portal.booking.AppointmentOutcomes;
import de.digitalcheck.portal.shared.web.Csrf;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

/** An appointment's outcome as posted: attendance (HELD, NO_SHOW), follow-up ("on"), a programme id, a note. */
@Serdeable
record OutcomeForm(@Nullable String attendance, @Nullable String followUp, @Nullable String programme,
                   @Nullable String note, @JsonProperty(Csrf.FIELD) @Nullable String csrfToken) implements Csrf.Form {

    static final OutcomeForm EMPTY = new OutcomeForm(null, null, null, null, null);

    static OutcomeForm of(@Nullable AppointmentOutcome o) {
        return o == null ? EMPTY : new OutcomeForm(o.attendance().name(), o.followUp() ? "on" : null,
            o.programmeId(), o.note(), null);
    }

    AppointmentOutcomes.Input input() {
        return new AppointmentOutcomes.Input(attendance, "on".equals(followUp), programme, note);
    }
}
