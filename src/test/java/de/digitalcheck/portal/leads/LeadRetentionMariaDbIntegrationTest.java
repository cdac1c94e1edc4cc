package de.digitalcheck.portal.leads;

import de.digitalcheck.portal.support.OnMariaDb;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;

/** The leads' retention period against MySQL/MariaDB. */
@OnMariaDb
@MicronautTest(environments = "mariadb", transactional = false)
class LeadRetentionMariaDbIntegrationTest extends LeadRetentionContract {
}
