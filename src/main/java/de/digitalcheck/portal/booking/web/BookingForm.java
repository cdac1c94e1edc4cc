package de.digitalcheck.portal.booking.web;

import com.fasterxml.jackson.annotation.JsonProperty;
import de.digitalcheck.portal.routing.PostalCodeDirectory;
import de.digitalcheck.portal.shared.web.Csrf;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

/** The booking form's last step: the chosen time (hidden) and the company's details (a visit's street and town too). */
@Serdeable
record BookingForm(@Nullable String type, @Nullable String coach, @Nullable String start, @Nullable String key,
                   @Nullable String companyName, @Nullable String postalCode, @Nullable String street,
                   @Nullable String town, @Nullable String contactName,
                   @Nullable String contactEmail, @Nullable String contactPhone, @Nullable String consent,
                   @JsonProperty(Csrf.FIELD) @Nullable String csrfToken) implements Csrf.Form {

    static final BookingForm EMPTY = new BookingForm(null, null, null, null, null, null, null, null, null, null, null, null,
        null);

    BookingForm {
        companyName = text(companyName);
        postalCode = PostalCodeDirectory.typed(postalCode); // "44 135" is 44135
        street = text(street);
        town = text(town);
        contactName = text(contactName);
        contactEmail = text(contactEmail);
        contactPhone = text(contactPhone);
    }

    private static String text(@Nullable String s) {
        return s == null ? "" : s;
    }

    boolean consented() {
        return "on".equals(consent);
    }
}
