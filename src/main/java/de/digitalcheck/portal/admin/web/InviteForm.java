package de.digitalcheck.portal.admin.web;

import com.fasterxml.jackson.annotation.JsonProperty;
import de.digitalcheck.portal.accounts.Accounts;
import de.digitalcheck.portal.shared.security.Role;
import de.digitalcheck.portal.shared.validation.Formats;
import de.digitalcheck.portal.shared.web.Csrf;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import static de.digitalcheck.portal.shared.validation.FormValidation.text;

/** The invitation form as typed; the role, agency and language are the directory's to check. */
@Serdeable
record InviteForm(
    @NotBlank(message = "error.required") @Pattern(regexp = Formats.EMAIL, message = "error.email.format") String email,
    @NotBlank(message = "error.required") @Size(max = Accounts.MAX_NAME, message = "error.name.tooLong") String name,
    String role,
    String agencyId,
    @Nullable String language,
    @JsonProperty(Csrf.FIELD) @Nullable String csrfToken) implements Csrf.Form {

    /** The empty form; its role is the least powerful one (coach), its language German (the portal's default). */
    static final InviteForm EMPTY = new InviteForm("", "", Role.COACH.name(), "", "de", null);

    InviteForm {
        email = text(email);
        name = text(name);
        role = text(role);
        agencyId = text(agencyId);
        language = text(language);
    }
}
