package de.digitalcheck.portal.routing;

import de.digitalcheck.portal.support.OnMariaDb;
import de.digitalcheck.portal.support.TestMySql;

/**
 * {@link AgencyShortNameScriptsMigrationContract} on MySQL/MariaDB (the tests' database, see application-mariadb.yml).
 */
@OnMariaDb
class AgencyShortNameScriptsMigrationMariaDbIntegrationTest extends AgencyShortNameScriptsMigrationContract {

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
