package de.digitalcheck.portal.shared.web;

import de.digitalcheck.portal.support.OnMariaDb;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;

/** The rate limits' ledger against MySQL/MariaDB. */
@OnMariaDb
@MicronautTest(environments = "mariadb", transactional = false)
class RateLimitLedgerMariaDbIntegrationTest extends RateLimitLedgerContract {
}
