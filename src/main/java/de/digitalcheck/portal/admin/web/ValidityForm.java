package de.digitalcheck.portal.admin.web;

import com.fasterxml.jackson.annotation.JsonProperty;
import de.digitalcheck.portal.shared.web.Csrf;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

import static de.digitalcheck.portal.shared.validation.FormValidation.text;

/** The last day a funding programme is open (empty: open-ended); a date the domain checks. */
@Serdeable
record ValidityForm(
    String validUntil,
    @JsonProperty(Csrf.FIELD) @Nullable String csrfToken) implements Csrf.Form {

    static final ValidityForm EMPTY = new ValidityForm("", null);

    ValidityForm {
        validUntil = text(validUntil);
    }
}
