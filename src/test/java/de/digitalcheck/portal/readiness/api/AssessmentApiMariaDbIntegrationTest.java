package de.digitalcheck.portal.readiness.api;

import de.digitalcheck.portal.support.OnMariaDb;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;

/** The API contract against MySQL/MariaDB. */
@OnMariaDb
@MicronautTest(environments = "mariadb", transactional = false)
class AssessmentApiMariaDbIntegrationTest extends AssessmentApiContract {
}
