package de.digitalcheck.portal.readiness.internal;

import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

import java.time.Instant;

/** A row of {@code questionnaire_choice}: a network admin chose {@code version} for new checks. */
@MappedEntity("questionnaire_choice")
public record QuestionnaireChoiceRow(@Id Long id, String version, String chosenBy, String chosenByName, Instant chosenAt) {
}
