package de.digitalcheck.portal.leads.web;

import com.fasterxml.jackson.annotation.JsonProperty;
import de.digitalcheck.portal.shared.web.Csrf;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

/** The agency's webhook address, as typed (checked by {@code Webhooks.setUrl}). */
@Serdeable
record WebhookForm(@Nullable String url, @JsonProperty(Csrf.FIELD) @Nullable String csrfToken) implements Csrf.Form {

    static final WebhookForm EMPTY = new WebhookForm("", null);
}
