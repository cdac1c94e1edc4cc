package de.digitalcheck.portal.booking;

import de.digitalcheck.portal.routing.Agency;
import de.digitalcheck.portal.routing.Municipality;
import de.digitalcheck.portal.routing.PostalCodeDirectory;
import de.digitalcheck.portal.routing.Router;
import de.digitalcheck.portal.shared.validation.Errors;
import de.digitalcheck.portal.shared.validation.TextRules;
import io.micronaut.context.BeanProvider;
import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;

import java.util.List;
import java.util.Optional;

/**
 * The address a booking at the company needs (and the postal code every booking needs: {@link #checkKnown}): street (at least two letters, of any script; with its house number
 * where it has one: "Am Markt" in a village has none), a
 * postal code that the portal's postal-code table knows (the routing's, SPEC §5) in the booked agency's area
 * ({@link Router#serves}: its coaches visit companies there, not anywhere in the country; the error names the agency
 * responsible for the place), and the town. Errors under the API's names ({@code company.street},
 * {@code company.postalCode}, {@code company.town}).
 */
@Singleton
class VisitAddressRules {

    static final int MAX_STREET = 200;
    /**
     * A street names itself with letters: {@code "1"} or {@code "12"} is a house number alone. No digit is required:
     * some addresses have no house number ("Am Markt", a farm's name).
     */
    static final int MIN_STREET_LETTERS = 2;
    static final int MAX_TOWN = 100;

    /** Read at the first visit booked: starting the portal need not read the table. */
    private final BeanProvider<PostalCodeDirectory> directory;
    private final Router router;

    VisitAddressRules(BeanProvider<PostalCodeDirectory> directory, Router router) {
        this.directory = directory;
        this.router = router;
    }

    private static final String UNKNOWN_POSTAL_CODE = "error.postalCode.unknown";

    /**
     * The company's postal code of a booking of any mode, whose shape passed: one the portal's table knows (SPEC §5:
     * an unknown code is a clear error, as in the self-check). {@code 99999} was booked for a video call.
     */
    void checkKnown(String postalCode, Errors errors) {
        if (directory.get().municipalities(postalCode.strip()).isEmpty()) {
            errors.add("company.postalCode", UNKNOWN_POSTAL_CODE);
        }
    }

    /**
     * Checks the address; the postal code's shape is checked with the company's details already ({@code postalCodeOk}
     * says whether it passed), here only whether it exists.
     */
    void check(Agency agency, @Nullable String street, @Nullable String postalCode, boolean postalCodeOk,
               @Nullable String town, Errors errors) {
        if (Bookings.required(street, "company.street", MAX_STREET, errors)) {
            if (TextRules.letters(street) < MIN_STREET_LETTERS) {
                errors.add("company.street", "error.address.street");
            } else {
                TextRules.checkName(street, "company.street", errors); // the mails carry it: no link in it
            }
        }
        if (postalCodeOk) {
            List<Municipality> places = directory.get().municipalities(postalCode.strip());
            if (places.isEmpty()) {
                errors.add("company.postalCode", UNKNOWN_POSTAL_CODE);
            } else if (places.stream().noneMatch(m -> router.serves(agency.id(), m.ags()))) {
                String place = postalCode.strip() + " " + places.get(0).label();
                Optional<Agency> responsible = router.agencyFor(places.get(0).ags());
                if (responsible.isPresent()) {
                    errors.add("company.postalCode", "error.address.outsideTerritory", agency.name(), place,
                        responsible.get().name());
                } else {
                    errors.add("company.postalCode", "error.address.outsideNetwork", agency.name(), place);
                }
            }
        }
        if (Bookings.required(town, "company.town", MAX_TOWN, errors)) {
            TextRules.checkName(town, "company.town", errors);
        }
    }
}
