package de.digitalcheck.portal.readiness.web;

import com.fasterxml.jackson.annotation.JsonProperty;
import de.digitalcheck.portal.readiness.CompanyProfile;
import de.digitalcheck.portal.readiness.internal.AssessmentRow;
import de.digitalcheck.portal.readiness.internal.CompanyInput;
import de.digitalcheck.portal.readiness.internal.ContactInput;
import de.digitalcheck.portal.readiness.internal.ProfileRules;
import de.digitalcheck.portal.routing.PostalCodeDirectory;
import de.digitalcheck.portal.shared.validation.Formats;
import de.digitalcheck.portal.shared.web.Csrf;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import java.util.List;

import static de.digitalcheck.portal.shared.validation.FormValidation.text;

/**
 * The company profile form's values as typed, so that nothing is lost on an error, with the shape of each; the
 * postal code's municipality, the known sectors and types and a complete contact are {@link ProfileRules}'.
 */
@Serdeable
record ProfileForm(
    @NotBlank(message = "error.required") @Size(max = ProfileRules.MAX_NAME, message = "error.name.tooLong") String name,
    @NotBlank(message = "error.required") @Pattern(regexp = "(\\d{5})?", message = "error.postalCode.format")
    String postalCode,
    String ags,
    @NotBlank(message = "error.required") String sector,
    @NotBlank(message = "error.required") @Pattern(regexp = "([+-]?\\d+)?", message = "error.employees.number")
    String employees,
    @NotBlank(message = "error.required") String companyType,
    @Size(max = ProfileRules.MAX_NAME, message = "error.name.tooLong") String contactName,
    @Pattern(regexp = Formats.EMAIL, message = "error.email.format") String contactEmail,
    @Nullable String nav,
    @JsonProperty(Csrf.FIELD) @Nullable String csrfToken) implements Csrf.Form {

    /** The {@code nav} of a completed check's second button: on to its questions rather than back to its result. */
    static final String TO_QUESTIONS = "questions";

    static final ProfileForm EMPTY = new ProfileForm("", "", "", "", "", "", "", "", null, null);
    /** The page's fields in their order (the contact's named as the rules name them). */
    static final List<String> FIELDS = List.of("name", "postalCode", "ags", "sector", "employees", "companyType",
        "contact.name", "contact.email");

    ProfileForm {
        name = text(name);
        postalCode = PostalCodeDirectory.typed(postalCode); // "44 135" is 44135
        ags = text(ags);
        sector = text(sector);
        employees = text(employees);
        companyType = text(companyType);
        contactName = text(contactName);
        contactEmail = text(contactEmail);
    }

    static ProfileForm of(AssessmentRow a) {
        CompanyProfile c = a.company();
        return new ProfileForm(c.name(), c.postalCode(), c.ags(), c.sector(), String.valueOf(c.employees()),
            c.type().name(), a.contact().name(), a.contact().email(), null, null);
    }

    /** A completed check's profile saved with the button that goes on to its questions (not back to its result). */
    boolean toQuestions() {
        return TO_QUESTIONS.equals(nav);
    }

    /** The page's name of a component's field: the contact's as {@link ProfileRules} names them. */
    static String field(String component) {
        return switch (component) {
            case "contactName" -> "contact.name";
            case "contactEmail" -> "contact.email";
            default -> component;
        };
    }

    CompanyInput input() {
        return new CompanyInput(name, postalCode, ags, sector, employees, companyType);
    }

    ContactInput contact() {
        return new ContactInput(contactName, contactEmail, null);
    }
}
