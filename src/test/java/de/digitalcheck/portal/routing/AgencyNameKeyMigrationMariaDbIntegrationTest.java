package de.digitalcheck.portal.routing;

import de.digitalcheck.portal.support.OnMariaDb;
import de.digitalcheck.portal.support.TestMySql;

/** {@link AgencyNameKeyMigrationContract} on MySQL/MariaDB (the tests' database, see application-mariadb.yml). */
@OnMariaDb
class AgencyNameKeyMigrationMariaDbIntegrationTest extends AgencyNameKeyMigrationContract {

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
