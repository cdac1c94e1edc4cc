package de.digitalcheck.portal.admin.web;

import com.fasterxml.jackson.annotation.JsonProperty;
import de.digitalcheck.portal.routing.AgsPrefixes;
import de.digitalcheck.portal.shared.web.Csrf;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.validation.constraints.Pattern;

import static de.digitalcheck.portal.shared.validation.FormValidation.text;

/**
 * A territory of an agency: an AGS prefix of an administrative level ({@link AgsPrefixes}); whether any municipality
 * has it and no agency yet is the domain's. Added
 * from a search's results, the form carries the search ("suche") so that an error shows the results again.
 */
@Serdeable
record TerritoryForm(
    String agencyId,
    @Pattern(regexp = AgsPrefixes.LEVELS, message = "error.territory.format") String prefix,
    @JsonProperty("suche") @Nullable String query,
    @JsonProperty(Csrf.FIELD) @Nullable String csrfToken) implements Csrf.Form {

    static final TerritoryForm EMPTY = new TerritoryForm("", "", null, null);

    TerritoryForm {
        agencyId = text(agencyId);
        prefix = text(prefix);
    }
}
