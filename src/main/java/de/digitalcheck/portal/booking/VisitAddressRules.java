package de.digitalcheck.portal.booking;

import de.digitalcheck.portal.routing.PostalCodeDirectory;
import de.digitalcheck.portal.shared.validation.Errors;
import io.micronaut.context.BeanProvider;
import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;

/**
 * The address a booking at the company needs: street with house number, a postal code that the portal's postal-code
 * table knows (the routing's, SPEC §5), and the town. Errors under the API's names ({@code company.street},
 * {@code company.postalCode}, {@code company.town}).
 */
@Singleton
class VisitAddressRules {

    static final int MAX_STREET = 200;
    static final int MAX_TOWN = 100;

    /** Read at the first visit booked: starting the portal need not read the table. */
    private final BeanProvider<PostalCodeDirectory> directory;

    VisitAddressRules(BeanProvider<PostalCodeDirectory> directory) {
        this.directory = directory;
    }

    /**
     * Checks the address; the postal code's shape is checked with the company's details already ({@code postalCodeOk}
     * says whether it passed), here only whether it exists.
     */
    void check(@Nullable String street, @Nullable String postalCode, boolean postalCodeOk, @Nullable String town,
               Errors errors) {
        if (Bookings.required(street, "company.street", MAX_STREET, errors)
            && street.chars().noneMatch(c -> c >= '0' && c <= '9')) {
            errors.add("company.street", "error.address.houseNumber");
        }
        if (postalCodeOk && directory.get().municipalities(postalCode.strip()).isEmpty()) {
            errors.add("company.postalCode", "error.postalCode.unknown");
        }
        Bookings.required(town, "company.town", MAX_TOWN, errors);
    }
}
