package de.digitalcheck.portal.routing;

import io.micronaut.core.annotation.Nullable;

/**
 * An economic development agency (Wirtschaftsförderung) of the network, as every module may show it: names,
 * public contact and service level.
 *
 * @param firstContactDays the service level: first contact with a new lead within this many working days (NRW
 *                         public holidays excluded)
 */
public record Agency(
    String id,
    String name,
    String shortName,
    String email,
    @Nullable String phone,
    @Nullable String website,
    @Nullable String address,
    int firstContactDays) {

    /** The service level of a new agency (SPEC §5: first contact within 2 working days). */
    public static final int DEFAULT_FIRST_CONTACT_DAYS = 2;
}
