package de.digitalcheck.portal.leads.web;

import com.fasterxml.jackson.annotation.JsonProperty;
import de.digitalcheck.portal.shared.web.Csrf;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

/** A lead's stage change as posted: the new stage, a note and the version of the lead the form was read at. */
@Serdeable
record StageForm(@Nullable String stage, @Nullable String note, @Nullable String version,
                 @JsonProperty(Csrf.FIELD) @Nullable String csrfToken) implements Csrf.Form {
}
