package de.digitalcheck.portal.readiness;

import de.digitalcheck.portal.support.OnMariaDb;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;

/** The questionnaire version for new checks against MySQL/MariaDB. */
@OnMariaDb
@MicronautTest(environments = "mariadb", transactional = false)
class QuestionnaireChoiceMariaDbIntegrationTest extends QuestionnaireChoiceContract {
}
