package de.digitalcheck.portal.routing.web;

import com.fasterxml.jackson.annotation.JsonProperty;
import de.digitalcheck.portal.routing.AgencyProfile;
import de.digitalcheck.portal.shared.validation.Formats;
import de.digitalcheck.portal.shared.web.Csrf;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import java.util.Map;

import static de.digitalcheck.portal.shared.validation.FormValidation.text;

/** The agency's contact as its staff edit it; {@code version}: the agency's {@code Agency.contactStamp()} when the form was read. */
@Serdeable
record ContactForm(
    @NotBlank(message = "error.required") @Pattern(regexp = Formats.EMAIL, message = "error.email.format") String email,
    @Pattern(regexp = Formats.PHONE, message = "error.phone.format") String phone,
    @Pattern(regexp = Formats.WEB_ADDRESS, message = "error.website.format") String website,
    @Size(max = AgencyProfile.MAX_ADDRESS, message = "error.name.tooLong") String address,
    @Nullable @Pattern(regexp = "|" + Formats.EMAIL, message = "error.email.format") String leadEmail,
    @Nullable String version,
    @JsonProperty(Csrf.FIELD) @Nullable String csrfToken) implements Csrf.Form {

    static final ContactForm EMPTY = new ContactForm("", "", "", "", "", null, null);

    ContactForm {
        email = text(email);
        phone = text(phone);
        website = text(website);
        address = text(address);
        leadEmail = text(leadEmail);
    }

    /** Field name → value, as the page names its inputs. */
    Map<String, String> values() {
        return Map.of("email", email, "phone", phone, "website", website, "address", address, "leadEmail", leadEmail);
    }
}
