package de.digitalcheck.portal;

import de.digitalcheck.portal.support.OnMariaDb;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;

/** Every route with hostile fields and ids against MySQL/MariaDB (strict about lengths and numbers where H2 is not). */
@OnMariaDb
@MicronautTest(environments = "mariadb", transactional = false)
class HostileRoutesMariaDbIntegrationTest extends HostileRoutesIntegrationTest {
}
