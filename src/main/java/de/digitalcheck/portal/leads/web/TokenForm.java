package de.digitalcheck.portal.leads.web;

import com.fasterxml.jackson.annotation.JsonProperty;
import de.digitalcheck.portal.shared.web.Csrf;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

/**
 * A new personal access token as posted: its name, the last day it is valid, what it may do, and the key of the form it was read with
 * ({@code AccessTokens.newFormKey()}: one token per form).
 */
@Serdeable
record TokenForm(@Nullable String name, @Nullable String expires, @Nullable String access, @Nullable String formKey,
                 @JsonProperty(Csrf.FIELD) @Nullable String csrfToken) implements Csrf.Form {

    static final TokenForm EMPTY = new TokenForm(null, null, null, null, null);
}
