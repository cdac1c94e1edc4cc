package de.digitalcheck.portal.leads;

import de.digitalcheck.portal.support.OnMariaDb;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;

/** Booking consent → lead against MySQL/MariaDB (savepoints and the repair job there). */
@OnMariaDb
@MicronautTest(environments = "mariadb", transactional = false)
class BookingLeadsMariaDbIntegrationTest extends BookingLeadsContract {
}
