package de.digitalcheck.portal.leads.internal;

import de.digitalcheck.portal.support.OnMariaDb;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;

/** The agency API's tokens and cursor query on MySQL/MariaDB. */
@OnMariaDb
@MicronautTest(environments = "mariadb", transactional = false)
class AgencyApiStoreMariaDbIntegrationTest extends AgencyApiStoreContract {
}
