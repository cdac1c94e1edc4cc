package de.digitalcheck.portal.booking;

import de.digitalcheck.portal.support.OnMariaDb;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;

/** Outcomes and the coach's feed against MySQL/MariaDB. */
@OnMariaDb
@MicronautTest(environments = "mariadb", transactional = false)
class OutcomeMariaDbIntegrationTest extends OutcomeContract {
}
