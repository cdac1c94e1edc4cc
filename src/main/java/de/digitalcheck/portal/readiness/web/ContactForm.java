package de.digitalcheck.portal.readiness.web;

import com.fasterxml.jackson.annotation.JsonProperty;
import de.digitalcheck.portal.readiness.internal.ContactInput;
import de.digitalcheck.portal.readiness.internal.ProfileRules;
import de.digitalcheck.portal.shared.validation.Formats;
import de.digitalcheck.portal.shared.web.Csrf;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import static de.digitalcheck.portal.shared.validation.FormValidation.text;

/** The contact a company adds on its result page to have the PDF report mailed: name and email, as typed. */
@Serdeable
record ContactForm(
    @NotBlank(message = "error.required") @Size(max = ProfileRules.MAX_NAME, message = "error.name.tooLong")
    String contactName,
    @NotBlank(message = "error.required") @Pattern(regexp = Formats.EMAIL, message = "error.email.format")
    String contactEmail,
    @JsonProperty(Csrf.FIELD) @Nullable String csrfToken) implements Csrf.Form {

    static final ContactForm EMPTY = new ContactForm("", "", null);

    ContactForm {
        contactName = text(contactName);
        contactEmail = text(contactEmail);
    }

    /** The page's name of a component's field (as the contact rules name them). */
    static String field(String component) {
        return "contactName".equals(component) ? "contact.name" : "contact.email";
    }

    ContactInput contact() {
        return new ContactInput(contactName, contactEmail, null);
    }
}
