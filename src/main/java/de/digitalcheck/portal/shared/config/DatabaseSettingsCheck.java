package de.digitalcheck.portal.shared.config;

import io.micronaut.data.connection.jdbc.advice.DelegatingDataSource;
import jakarta.inject.Singleton;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;

/**
 * At start, on MySQL/MariaDB: the database must store text as {@code utf8mb4} (names in any script, emoji) and the
 * session must run in UTC (instants are stored as {@code DATETIME(3)} in UTC). Otherwise the portal does not start
 * and says in one line what is wrong ({@link StartupProblem}). H2 (the embedded default) needs neither. A
 * {@link StartupTask}: the pool's first connection and the check run beside the rest of the start.
 */
@Singleton
class DatabaseSettingsCheck implements StartupTask {

    private final DataSource dataSource;

    DatabaseSettingsCheck(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    @Override
    public void run() {
        DataSource target = dataSource instanceof DelegatingDataSource d ? d.getTargetDataSource() : dataSource;
        try (Connection connection = target.getConnection()) {
            String product = connection.getMetaData().getDatabaseProductName().toLowerCase(Locale.ROOT);
            if (!product.contains("mysql") && !product.contains("mariadb")) {
                return;
            }
            try (Statement statement = connection.createStatement();
                 ResultSet rs = statement.executeQuery(
                     "SELECT @@character_set_database, TIMESTAMPDIFF(SECOND, UTC_TIMESTAMP(), NOW())")) {
                rs.next();
                problem(rs.getString(1), rs.getLong(2));
            }
        } catch (SQLException e) {
            // not reachable now: the pool and Flyway report it in their own words
        }
    }

    /** Throws the one line for a database with this character set and session offset from UTC, if wrong. */
    static void problem(String characterSet, long secondsFromUtc) {
        if (!"utf8mb4".equalsIgnoreCase(characterSet)) {
            throw new StartupProblem("the database uses the character set " + characterSet + ", it must be utf8mb4 "
                + "(ALTER DATABASE … CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci; see docs/operations.md, Database)");
        }
        if (secondsFromUtc != 0) {
            throw new StartupProblem("the database session runs " + secondsFromUtc + " s away from UTC, it must run in UTC "
                + "(add connectionTimeZone=UTC&forceConnectionTimeZoneToSession=true to DB_URL; see README, Configuration)");
        }
    }
}
