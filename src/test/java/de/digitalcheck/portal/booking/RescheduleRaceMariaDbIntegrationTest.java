package de.digitalcheck.portal.booking;

import de.digitalcheck.portal.support.OnMariaDb;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;

/** Moves racing for one time against MySQL/MariaDB: the counts that matter for production. */
@OnMariaDb
@MicronautTest(environments = "mariadb", transactional = false)
class RescheduleRaceMariaDbIntegrationTest extends RescheduleRaceContract {
}
