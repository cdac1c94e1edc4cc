package de.digitalcheck.portal.leads.web;

import com.fasterxml.jackson.annotation.JsonProperty;
import de.digitalcheck.portal.shared.web.Csrf;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

/** A new personal access token as posted: its name and the last day it is valid. */
@Serdeable
record TokenForm(@Nullable String name, @Nullable String expires,
                 @JsonProperty(Csrf.FIELD) @Nullable String csrfToken) implements Csrf.Form {

    static final TokenForm EMPTY = new TokenForm(null, null, null);
}
