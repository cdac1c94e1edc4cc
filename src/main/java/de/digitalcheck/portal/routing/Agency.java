package de.digitalcheck.portal.routing;

import io.micronaut.core.annotation.Nullable;

/**
 * An economic development agency (Wirtschaftsförderung) of the network, as every module may show it: names,
 * public contact and service level.
 *
 * @param firstContactDays the service level: first contact with a new lead within this many working days (NRW
 *                         public holidays excluded)
 * @param leadEmail        where new leads are mailed, if not to {@code email} (see {@link #leadAddress()})
 */
public record Agency(
    String id,
    String name,
    String shortName,
    String email,
    @Nullable String phone,
    @Nullable String website,
    @Nullable String address,
    int firstContactDays,
    @Nullable String leadEmail) {

    /** An agency that receives its leads at its contact email. */
    public Agency(String id, String name, String shortName, String email, @Nullable String phone,
                  @Nullable String website, @Nullable String address, int firstContactDays) {
        this(id, name, shortName, email, phone, website, address, firstContactDays, null);
    }

    /** Where new leads are mailed: the lead email, else the contact email. */
    public String leadAddress() {
        return leadEmail == null ? email : leadEmail;
    }

    /** The service level of a new agency (SPEC §5: first contact within 2 working days). */
    public static final int DEFAULT_FIRST_CONTACT_DAYS = 2;

    /**
     * A fingerprint of what the network admin's agency form edits (names, contact, service level): the form carries the
     * one it was read with, and {@link AgencyAdministration#update} refuses it once the agency's values are others
     * ({@link StaleAgency}): someone changed them since the form was read.
     */
    public String profileStamp() {
        return stamp(name, shortName, email, phone, website, address, String.valueOf(firstContactDays));
    }

    /**
     * The same for what the agency staff's contact form edits: contact and lead email
     * ({@link AgencyAdministration#updateContact}).
     */
    public String contactStamp() {
        return stamp(email, phone, website, address, leadEmail);
    }

    private static String stamp(String... values) {
        return de.digitalcheck.portal.shared.security.Fingerprints.of(values);
    }
}
