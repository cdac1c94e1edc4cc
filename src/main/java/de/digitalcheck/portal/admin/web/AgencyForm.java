package de.digitalcheck.portal.admin.web;

import com.fasterxml.jackson.annotation.JsonProperty;
import de.digitalcheck.portal.routing.AgencyProfile;
import de.digitalcheck.portal.shared.validation.Formats;
import de.digitalcheck.portal.shared.web.Csrf;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import static de.digitalcheck.portal.shared.validation.FormValidation.text;

/**
 * An agency's profile as the network admin creates or edits it; the service level is the domain's to check.
 * {@code version}: the agency's {@code Agency.profileStamp()} when the edit form was read (none when creating).
 */
@Serdeable
record AgencyForm(
    @NotBlank(message = "error.required") @Size(max = AgencyProfile.MAX_NAME, message = "error.name.tooLong") String name,
    @NotBlank(message = "error.required") @Size(max = AgencyProfile.MAX_SHORT_NAME, message = "error.name.tooLong")
    String shortName,
    @NotBlank(message = "error.required") @Pattern(regexp = Formats.EMAIL, message = "error.email.format") String email,
    @Pattern(regexp = Formats.PHONE, message = "error.phone.format") String phone,
    @Pattern(regexp = Formats.WEB_ADDRESS, message = "error.website.format") String website,
    @Size(max = AgencyProfile.MAX_ADDRESS, message = "error.name.tooLong") String address,
    String firstContactDays,
    @Nullable String version,
    @JsonProperty(Csrf.FIELD) @Nullable String csrfToken) implements Csrf.Form {

    static final AgencyForm EMPTY = new AgencyForm("", "", "", "", "", "", "", null, null);

    AgencyForm {
        name = text(name);
        shortName = text(shortName);
        email = text(email);
        phone = text(phone);
        website = text(website);
        address = text(address);
        firstContactDays = text(firstContactDays);
    }

    AgencyProfile profile() {
        return new AgencyProfile(name, shortName, email, phone, website, address, firstContactDays);
    }
}
