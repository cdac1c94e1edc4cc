package de.digitalcheck.portal.leads.web;

import com.fasterxml.jackson.annotation.JsonProperty;
import de.digitalcheck.portal.shared.web.Csrf;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

/** A lead's assignment as posted: the account (empty: nobody), a note and the version the form was read at. */
@Serdeable
record AssignForm(@Nullable String assignee, @Nullable String note, @Nullable String version,
                  @JsonProperty(Csrf.FIELD) @Nullable String csrfToken) implements Csrf.Form {

    static final AssignForm EMPTY = new AssignForm(null, null, null, null);
}
