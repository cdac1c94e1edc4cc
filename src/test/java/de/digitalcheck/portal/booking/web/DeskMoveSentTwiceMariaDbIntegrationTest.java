package de.digitalcheck.portal.booking.web;

import de.digitalcheck.portal.support.OnMariaDb;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;

/** The coach's and the staff's move form sent twice, against MySQL/MariaDB. */
@OnMariaDb
@MicronautTest(environments = "mariadb", transactional = false)
class DeskMoveSentTwiceMariaDbIntegrationTest extends DeskMoveSentTwiceContract {
}
