package de.digitalcheck.portal.booking;

/** Where the coach goes for an appointment at the company (SPEC §6): street (and house number, where it has one), postal
 * code, town. */
public record VisitAddress(String street, String postalCode, String town) {

    /** "Musterstraße 1, 58452 Witten". */
    public String line() {
        return street + ", " + postalCode + " " + town;
    }
}
