package de.digitalcheck.portal.routing;

import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

/** A row of {@code territory}: an AGS prefix (2 digits a state, 3 a government district, 5 a district, 8 a
 * municipality) served by an agency. */
@MappedEntity("territory")
record TerritoryRow(@Id String agsPrefix, String agencyId) {
}
