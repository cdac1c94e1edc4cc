package de.digitalcheck.portal.booking;

import de.digitalcheck.portal.support.OnMariaDb;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;

/** Booking against MySQL/MariaDB: the race counts that matter for production. */
@OnMariaDb
@MicronautTest(environments = "mariadb", transactional = false)
class BookingMariaDbIntegrationTest extends BookingContract {
}
