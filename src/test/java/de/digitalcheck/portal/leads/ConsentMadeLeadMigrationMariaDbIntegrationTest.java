package de.digitalcheck.portal.leads;

import de.digitalcheck.portal.support.OnMariaDb;

/**
 * {@link ConsentMadeLeadMigrationContract} on MySQL/MariaDB (the tests' database, see application-mariadb.yml).
 */
@OnMariaDb
class ConsentMadeLeadMigrationMariaDbIntegrationTest extends ConsentMadeLeadMigrationContract {

    @Override
    String url() {
        return env("TEST_MYSQL_URL",
            "jdbc:mysql://127.0.0.1:3306/test?connectionTimeZone=UTC&forceConnectionTimeZoneToSession=true");
    }

    @Override
    String user() {
        return env("TEST_MYSQL_USER", "root");
    }

    @Override
    String password() {
        return env("TEST_MYSQL_PASSWORD", "");
    }

    private static String env(String name, String otherwise) {
        String value = System.getenv(name);
        return value == null ? otherwise : value;
    }
}
