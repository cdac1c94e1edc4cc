package de.digitalcheck.portal.shared.config;

import de.digitalcheck.portal.support.OnMariaDb;
import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

/**
 * Through a real start on MySQL/MariaDB (the check runs as a {@link StartupTask} beside the main thread): a database
 * that is not utf8mb4, or a session that is not in UTC, stops the start with the operator's line.
 */
@OnMariaDb
class DatabaseSettingsCheckMariaDbIntegrationTest {

    private static final String URL = env("TEST_MYSQL_URL",
        "jdbc:mysql://127.0.0.1:3306/test?connectionTimeZone=UTC&forceConnectionTimeZoneToSession=true");
    private static final String USER = env("TEST_MYSQL_USER", "root");
    private static final String PASSWORD = env("TEST_MYSQL_PASSWORD", "");

    @Test
    void aSessionAwayFromUtcStopsTheStart() {
        String server = URL.substring(0, URL.indexOf('?') < 0 ? URL.length() : URL.indexOf('?'));
        Throwable failed = start(server + "?sessionVariables=time_zone='%2B01:00'");
        assertThat(StartupTasks.isProblem(failed)).as("the operator's line, not another failure: %s", failed).isTrue();
        assertThat(failed).hasStackTraceContaining("the database session runs 3600 s away from UTC, it must run in UTC");
    }

    @Test
    void aDatabaseThatIsNotUtf8mb4StopsTheStart() throws Exception {
        String base = URL.substring(0, URL.indexOf('?') < 0 ? URL.length() : URL.indexOf('?'));
        String latin1 = base.substring(base.lastIndexOf('/') + 1) + "_latin1";
        String serverUrl = base.substring(0, base.lastIndexOf('/') + 1);
        try (Connection c = DriverManager.getConnection(serverUrl, USER, PASSWORD); Statement s = c.createStatement()) {
            s.execute("CREATE DATABASE IF NOT EXISTS `" + latin1 + "` CHARACTER SET latin1");
        }
        try {
            Throwable failed = start(serverUrl + latin1 + URL.substring(base.length()));
            assertThat(StartupTasks.isProblem(failed)).as("the operator's line, not another failure: %s", failed).isTrue();
            assertThat(failed).hasStackTraceContaining("the database uses the character set latin1, it must be utf8mb4");
        } finally {
            try (Connection c = DriverManager.getConnection(serverUrl, USER, PASSWORD); Statement s = c.createStatement()) {
                s.execute("DROP DATABASE IF EXISTS `" + latin1 + "`");
            }
        }
    }

    /** A start against that URL, without migrations (the check needs no tables); the failure it ends with. */
    private static Throwable start(String url) {
        Throwable failed = catchThrowable(() -> ApplicationContext.run(EmbeddedServer.class, Map.of(
            "datasources.default.url", url, "datasources.default.username", USER,
            "datasources.default.password", PASSWORD, "datasources.default.driver-class-name", "com.mysql.cj.jdbc.Driver",
            "datasources.default.dialect", "MYSQL", "flyway.datasources.default.enabled", "false",
            "flyway.enabled", "false"), "test").close());
        assertThat(failed).as("the start fails").isNotNull();
        return failed;
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }
}
