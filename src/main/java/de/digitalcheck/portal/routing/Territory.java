package de.digitalcheck.portal.routing;

import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

/** An AGS prefix served by an agency: 2 digits a state, 3 a government district, 5 a district, 8 a municipality. */
@MappedEntity("territory")
public record Territory(@Id String agsPrefix, String agencyId) {
}
