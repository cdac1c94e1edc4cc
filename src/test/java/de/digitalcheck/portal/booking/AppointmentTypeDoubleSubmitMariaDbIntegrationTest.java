package de.digitalcheck.portal.booking;

import de.digitalcheck.portal.support.OnMariaDb;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;

/** The new appointment type's form sent twice, and two of one name at the same moment, against MySQL/MariaDB. */
@OnMariaDb
@MicronautTest(environments = "mariadb", transactional = false)
class AppointmentTypeDoubleSubmitMariaDbIntegrationTest extends AppointmentTypeDoubleSubmitIntegrationTest {
}
