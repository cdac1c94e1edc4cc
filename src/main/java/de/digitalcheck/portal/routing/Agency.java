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
    Instant createdAt) {

    public Agency withContact(String newEmail, @Nullable String newPhone, @Nullable String newWebsite,
                              @Nullable String newAddress) {
        return new Agency(id, name, shortName, newEmail, newPhone, newWebsite, newAddress, createdAt);
    }
}
