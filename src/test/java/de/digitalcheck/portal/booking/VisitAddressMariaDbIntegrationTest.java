package de.digitalcheck.portal.booking;

import de.digitalcheck.portal.support.OnMariaDb;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;

/** The address of a visit at the company against MySQL/MariaDB. */
@OnMariaDb
@MicronautTest(environments = "mariadb", transactional = false)
class VisitAddressMariaDbIntegrationTest extends VisitAddressContract {
}
