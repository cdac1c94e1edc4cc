package de.digitalcheck.portal.accounts.company;

import de.digitalcheck.portal.support.OnMariaDb;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;

/** Magic links against MySQL/MariaDB. */
@OnMariaDb
@MicronautTest(environments = "mariadb", transactional = false)
class MagicLinkMariaDbIntegrationTest extends MagicLinkContract {
}
