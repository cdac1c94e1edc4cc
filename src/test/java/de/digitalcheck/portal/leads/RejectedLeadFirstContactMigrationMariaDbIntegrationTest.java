package de.digitalcheck.portal.leads;

import de.digitalcheck.portal.support.OnMariaDb;
import de.digitalcheck.portal.support.TestMySql;

/**
 * {@link RejectedLeadFirstContactMigrationContract} on MySQL/MariaDB (the tests' database, see application-mariadb.yml).
 */
@OnMariaDb
class RejectedLeadFirstContactMigrationMariaDbIntegrationTest extends RejectedLeadFirstContactMigrationContract {

    @Override
    String url() {
        return TestMySql.url();
    }

    @Override
    String user() {
        return TestMySql.user();
    }

    @Override
    String password() {
        return TestMySql.password();
    }
}
