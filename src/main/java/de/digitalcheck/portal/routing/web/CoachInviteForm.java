package de.digitalcheck.portal.routing.web;

import com.fasterxml.jackson.annotation.JsonProperty;
import de.digitalcheck.portal.routing.AgencyTeam;
import de.digitalcheck.portal.shared.validation.Formats;
import de.digitalcheck.portal.shared.web.Csrf;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import static de.digitalcheck.portal.shared.validation.FormValidation.text;

/** A coach that staff invite into their agency. */
@Serdeable
record CoachInviteForm(
    @NotBlank(message = "error.required") @Pattern(regexp = Formats.EMAIL, message = "error.email.format") String email,
    @NotBlank(message = "error.required") @Size(max = AgencyTeam.MAX_NAME, message = "error.name.tooLong") String name,
    @Nullable String language,
    @JsonProperty(Csrf.FIELD) @Nullable String csrfToken) implements Csrf.Form {

    /** The empty form: German, the portal's default, as the invitation's language. */
    static final CoachInviteForm EMPTY = new CoachInviteForm("", "", "de", null);

    CoachInviteForm {
        email = text(email);
        name = text(name);
        language = text(language);
    }
}
