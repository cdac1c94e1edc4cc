package de.digitalcheck.portal.accounts.company.web;

import com.fasterxml.jackson.annotation.JsonProperty;
import de.digitalcheck.portal.shared.validation.Formats;
import de.digitalcheck.portal.shared.web.Csrf;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;

import static de.digitalcheck.portal.shared.validation.FormValidation.text;

/** "Mein Unternehmen": the email address a magic link is asked for. */
@Serdeable
record LinkRequestForm(
    @NotBlank(message = "error.required") @Pattern(regexp = Formats.EMAIL, message = "error.email.format") String email,
    @JsonProperty(Csrf.FIELD) @Nullable String csrfToken) implements Csrf.Form {

    static final LinkRequestForm EMPTY = new LinkRequestForm("", null);

    LinkRequestForm {
        email = text(email);
    }
}
