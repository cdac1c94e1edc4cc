package de.digitalcheck.portal.routing;

import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import io.micronaut.core.annotation.Nullable;

import java.time.Instant;

/** An economic development agency (Wirtschaftsförderung) of the network. */
@MappedEntity("agency")
public record Agency(
    @Id String id,
    String name,
    String shortName,
    String email,
    @Nullable String phone,
    @Nullable String website,
    @Nullable String address,
    Instant createdAt,
    /** Service level: the first contact with a new lead within this many working days (NRW holidays excluded). */
    int firstContactDays) {

    /** The service level of a new agency (SPEC §5: first contact within 2 working days). */
    public static final int DEFAULT_FIRST_CONTACT_DAYS = 2;

    public Agency withContact(String newEmail, @Nullable String newPhone, @Nullable String newWebsite,
                              @Nullable String newAddress) {
        return new Agency(id, name, shortName, newEmail, newPhone, newWebsite, newAddress, createdAt, firstContactDays);
    }

    public Agency withNames(String newName, String newShortName, int newFirstContactDays) {
        return new Agency(id, newName, newShortName, email, phone, website, address, createdAt, newFirstContactDays);
    }
}
