package de.digitalcheck.portal.booking.web;

import com.fasterxml.jackson.annotation.JsonProperty;
import de.digitalcheck.portal.shared.web.Csrf;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

/**
 * A move or cancellation of an appointment: the company's private token (the agency's side signs in instead), the
 * new time, the company's reason or the coach's or staff member's message; the move form's key (hidden, new with
 * each page), which answers the form sent again after its move as the move was.
 */
@Serdeable
record ChangeForm(@Nullable String token, @Nullable String start, @Nullable String reason, @Nullable String message,
                  @Nullable String key, @JsonProperty(Csrf.FIELD) @Nullable String csrfToken) implements Csrf.Form {

    static final ChangeForm EMPTY = new ChangeForm(null, null, null, null, null, null);
}
