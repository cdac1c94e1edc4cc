package de.digitalcheck.portal.booking.web;

import com.fasterxml.jackson.annotation.JsonProperty;
import de.digitalcheck.portal.booking.AppointmentType;
import de.digitalcheck.portal.booking.Calendars;
import de.digitalcheck.portal.shared.web.Csrf;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

import java.util.List;

/** The appointment type form. */
@Serdeable
public record TypeForm(@Nullable String nameDe, @Nullable String nameEn, @Nullable String durationMinutes,
                       @Nullable String mode, @Nullable String travelBufferMinutes, @Nullable List<String> coachIds,
                       @Nullable String active, @JsonProperty(Csrf.FIELD) @Nullable String csrfToken) implements Csrf.Form {

    static final TypeForm NEW = new TypeForm("", "", "60", "VIDEO", "0", List.of(), "on", null);

    public TypeForm {
        coachIds = coachIds == null ? List.of() : List.copyOf(coachIds);
    }

    static TypeForm of(AppointmentType t) {
        return new TypeForm(t.nameDe(), t.nameEn(), String.valueOf(t.durationMinutes()), t.mode().name(),
            String.valueOf(t.travelBufferMinutes()), t.coachIds(), t.active() ? "on" : null, null);
    }

    public boolean isActive() {
        return "on".equals(active);
    }

    Calendars.TypeInput input() {
        return new Calendars.TypeInput(nameDe, nameEn, durationMinutes, mode, travelBufferMinutes, coachIds, isActive());
    }
}
