package de.digitalcheck.portal.routing;

import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

import java.time.Instant;

/** A row of {@code agency_logo}: PNG or JPEG, checked by its content, not by the name or type the browser sent. */
@MappedEntity("agency_logo")
record AgencyLogoRow(@Id String agencyId, String contentType, byte[] content, Instant updatedAt) {
}
