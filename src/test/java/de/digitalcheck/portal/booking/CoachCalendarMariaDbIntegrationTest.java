package de.digitalcheck.portal.booking;

import de.digitalcheck.portal.support.OnMariaDb;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;

/** A coach's calendar through its pages against MySQL/MariaDB. */
@OnMariaDb
@MicronautTest(environments = "mariadb", transactional = false)
class CoachCalendarMariaDbIntegrationTest extends CoachCalendarContract {
}
