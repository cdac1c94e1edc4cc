package de.digitalcheck.portal.leads.web;

import com.fasterxml.jackson.annotation.JsonProperty;
import de.digitalcheck.portal.shared.web.Csrf;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

/** A lead's forwarding as posted: the receiving agency, the reason and the version of the lead the form was read at. */
@Serdeable
record ForwardForm(@Nullable String agency, @Nullable String reason, @Nullable String version,
                   @JsonProperty(Csrf.FIELD) @Nullable String csrfToken) implements Csrf.Form {

    static final ForwardForm EMPTY = new ForwardForm(null, null, null, null);
}
