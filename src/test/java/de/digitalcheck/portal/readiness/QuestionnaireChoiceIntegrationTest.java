package de.digitalcheck.portal.readiness;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;

/** The questionnaire version for new checks against the embedded H2 database (MySQL mode). */
@MicronautTest(transactional = false)
class QuestionnaireChoiceIntegrationTest extends QuestionnaireChoiceContract {
}
