package de.digitalcheck.portal.admin.web;

import com.fasterxml.jackson.annotation.JsonProperty;
import de.digitalcheck.portal.shared.web.Csrf;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

import static de.digitalcheck.portal.shared.validation.FormValidation.text;

/** The questionnaire version new checks are to start with; whether it is a known one, the domain checks. */
@Serdeable
record QuestionnaireChoiceForm(
    @Nullable String version,
    @JsonProperty(Csrf.FIELD) @Nullable String csrfToken) implements Csrf.Form {

    static final QuestionnaireChoiceForm EMPTY = new QuestionnaireChoiceForm("", null);

    QuestionnaireChoiceForm {
        version = text(version);
    }
}
