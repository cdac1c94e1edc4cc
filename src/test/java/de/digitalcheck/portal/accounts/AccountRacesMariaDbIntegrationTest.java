package de.digitalcheck.portal.accounts;

import de.digitalcheck.portal.support.OnMariaDb;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;

/** An admin's change of an account racing its person's sign-ins, on MySQL/MariaDB. */
@OnMariaDb
@MicronautTest(environments = "mariadb", transactional = false)
class AccountRacesMariaDbIntegrationTest extends AccountRacesContract {
}
