package de.digitalcheck.portal.funding;

import de.digitalcheck.portal.support.OnMariaDb;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;

/** Matched funding programmes against MySQL/MariaDB. */
@OnMariaDb
@MicronautTest(environments = "mariadb", transactional = false)
class FundingMatchMariaDbIntegrationTest extends FundingMatchContract {
}
