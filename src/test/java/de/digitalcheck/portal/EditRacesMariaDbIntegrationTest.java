package de.digitalcheck.portal;

import de.digitalcheck.portal.support.OnMariaDb;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;

/** Two people editing one thing at the same moment, on MySQL/MariaDB. */
@OnMariaDb
@MicronautTest(environments = "mariadb", transactional = false)
class EditRacesMariaDbIntegrationTest extends EditRacesContract {
}
