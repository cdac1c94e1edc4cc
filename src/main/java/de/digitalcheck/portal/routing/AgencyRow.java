package de.digitalcheck.portal.routing;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

import java.time.Instant;

/** A row of {@code agency}; other modules see an agency as {@link Agency}. */
@MappedEntity("agency")
record AgencyRow(
    @Id String id,
    String name,
    String shortName,
    String email,
    @Nullable String phone,
    @Nullable String website,
    @Nullable String address,
    Instant createdAt,
    int firstContactDays,
    @Nullable String leadEmail,
    String nameKey,
    String shortNameKey) {

    /**
     * A new row; its {@code nameKey} is the name's ({@link AgencyNames#key}), its {@code shortNameKey} the short name's
     * ({@link AgencyAdministration#shortNameKey}).
     */
    static AgencyRow of(String id, String name, String shortName, String email, @Nullable String phone,
                        @Nullable String website, @Nullable String address, Instant createdAt, int firstContactDays) {
        return new AgencyRow(id, name, shortName, email, phone, website, address, createdAt, firstContactDays, null,
            AgencyNames.key(name), AgencyAdministration.shortNameKey(id, shortName));
    }

    AgencyRow withContact(String newEmail, @Nullable String newPhone, @Nullable String newWebsite,
                          @Nullable String newAddress) {
        return new AgencyRow(id, name, shortName, newEmail, newPhone, newWebsite, newAddress, createdAt, firstContactDays, leadEmail, nameKey,
            shortNameKey);
    }

    AgencyRow withNames(String newName, String newShortName, int newFirstContactDays) {
        return new AgencyRow(id, newName, newShortName, email, phone, website, address, createdAt, newFirstContactDays, leadEmail,
            AgencyNames.key(newName), AgencyAdministration.shortNameKey(id, newShortName));
    }

    AgencyRow withLeadEmail(@Nullable String newLeadEmail) {
        return new AgencyRow(id, name, shortName, email, phone, website, address, createdAt, firstContactDays, newLeadEmail, nameKey,
            shortNameKey);
    }

    Agency agency() {
        return new Agency(id, name, shortName, email, phone, website, address, firstContactDays, leadEmail);
    }
}
