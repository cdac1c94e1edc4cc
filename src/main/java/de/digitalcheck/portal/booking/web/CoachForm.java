package de.digitalcheck.portal.booking.web;

import com.fasterxml.jackson.annotation.JsonProperty;
import de.digitalcheck.portal.accounts.Accounts;
import de.digitalcheck.portal.booking.CoachProfile;
import de.digitalcheck.portal.shared.web.Csrf;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import java.util.List;

import static de.digitalcheck.portal.shared.validation.FormValidation.text;

/** A coach's profile form: display name, focus topics (comma-separated) and the checked meeting modes. */
@Serdeable
record CoachForm(
    @NotBlank(message = "error.required") @Size(max = Accounts.MAX_NAME, message = "error.name.tooLong") String name,
    String expertise,
    List<String> modes,
    @JsonProperty(Csrf.FIELD) @Nullable String csrfToken) implements Csrf.Form {

    static final CoachForm EMPTY = new CoachForm("", "", List.of(), null);

    CoachForm {
        name = text(name);
        expertise = text(expertise);
        modes = modes == null ? List.of() : List.copyOf(modes);
    }

    static CoachForm of(String name, CoachProfile profile) {
        return new CoachForm(name, String.join(", ", profile.expertise()),
            profile.modes().stream().map(Enum::name).toList(), null);
    }
}
