package de.digitalcheck.portal.support;

/**
 * The tests' MySQL/MariaDB database as JDBC wants it (application-mariadb.yml's defaults, overridden by
 * {@code TEST_MYSQL_URL}, {@code TEST_MYSQL_USER}, {@code TEST_MYSQL_PASSWORD}): for tests that run Flyway or JDBC on
 * it themselves, outside an application context.
 */
public final class TestMySql {

    private TestMySql() {
    }

    public static String url() {
        return env("TEST_MYSQL_URL",
            "jdbc:mysql://127.0.0.1:3306/test?connectionTimeZone=UTC&forceConnectionTimeZoneToSession=true");
    }

    public static String user() {
        return env("TEST_MYSQL_USER", "root");
    }

    public static String password() {
        return env("TEST_MYSQL_PASSWORD", "");
    }

    private static String env(String name, String otherwise) {
        String value = System.getenv(name);
        return value == null ? otherwise : value;
    }
}
