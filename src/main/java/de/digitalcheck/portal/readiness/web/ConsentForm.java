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

/**
 * The result page's consent (leads, issue 12): the contact the agency will reach and the unticked checkbox that
 * shares the check with it, as typed.
 */
@Serdeable
record ConsentForm(
    @NotBlank(message = "consent.name.required") @Size(max = ProfileRules.MAX_NAME, message = "error.name.tooLong")
    String consentName,
    @NotBlank(message = "consent.email.required") @Pattern(regexp = Formats.EMAIL, message = "error.email.format")
    String consentEmail,
    @NotBlank(message = "consent.required") @Pattern(regexp = TICKED, message = "consent.required")
    @Nullable String shareWithAgency,
    @JsonProperty(Csrf.FIELD) @Nullable String csrfToken) implements Csrf.Form {

    /**
     * What the ticked box sends, and the only value that consents: {@code false}, {@code off} or any other text is no
     * tick (a lead was made from {@code shareWithAgency=false}).
     */
    static final String TICKED = "on";

    ConsentForm {
        consentName = text(consentName);
        consentEmail = text(consentEmail);
    }

    /** The form as first shown: the check's contact, if it has one, and the box unticked. */
    static ConsentForm of(@Nullable String name, @Nullable String email) {
        return new ConsentForm(name == null ? "" : name, email == null ? "" : email, null, null);
    }

    /** The page's name of a component's field. */
    static String field(String component) {
        return switch (component) {
            case "consentName" -> "contact.name";
            case "consentEmail" -> "contact.email";
            default -> "consent.shareWithAgency";
        };
    }

    ContactInput contact() {
        return new ContactInput(consentName, consentEmail, null);
    }
}
