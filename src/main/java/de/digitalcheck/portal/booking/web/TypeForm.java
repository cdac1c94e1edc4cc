package de.digitalcheck.portal.booking.web;

import com.fasterxml.jackson.annotation.JsonProperty;
import de.digitalcheck.portal.booking.AppointmentType;
import de.digitalcheck.portal.booking.Calendars;
import de.digitalcheck.portal.shared.web.Csrf;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

import java.util.List;

/**
 * The appointment type form; {@code version}: the {@link Calendars#stamp(AppointmentType)} of the type it was read
 * with (none for a new type); {@code key}: a new type's own key, which becomes its id, so that the form sent twice adds
 * one type.
 */
@Serdeable
public record TypeForm(@Nullable String nameDe, @Nullable String nameEn, @Nullable String durationMinutes,
                       @Nullable String mode, @Nullable String travelBufferMinutes, @Nullable List<String> coachIds,
                       @Nullable String active, @Nullable String version, @Nullable String key,
                       @JsonProperty(Csrf.FIELD) @Nullable String csrfToken) implements Csrf.Form {

    static final TypeForm NEW = new TypeForm("", "", "60", "VIDEO", "0", List.of(), "on", null, null, null);

    /** The empty form of a new type, with the key of its own that the type will get ({@code Calendars.addType}). */
    static TypeForm fresh() {
        return new TypeForm("", "", "60", "VIDEO", "0", List.of(), "on", null, java.util.UUID.randomUUID().toString(),
            null);
    }

    public TypeForm {
        coachIds = coachIds == null ? List.of() : List.copyOf(coachIds);
    }

    static TypeForm of(AppointmentType t) {
        return new TypeForm(t.nameDe(), t.nameEn(), String.valueOf(t.durationMinutes()), t.mode().name(),
            String.valueOf(t.travelBufferMinutes()), t.coachIds(), t.active() ? "on" : null, Calendars.stamp(t), null,
            null);
    }

    /** This form as typed, carrying the version of {@code current} (saving it again replaces that type). */
    TypeForm readWith(AppointmentType current) {
        return new TypeForm(nameDe, nameEn, durationMinutes, mode, travelBufferMinutes, coachIds, active,
            Calendars.stamp(current), null, null);
    }

    public boolean isActive() {
        return "on".equals(active);
    }

    Calendars.TypeInput input() {
        return new Calendars.TypeInput(nameDe, nameEn, durationMinutes, mode, travelBufferMinutes, coachIds, isActive());
    }
}
