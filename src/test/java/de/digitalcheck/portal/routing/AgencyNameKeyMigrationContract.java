package de.digitalcheck.portal.routing;

import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * V126–V129 on a database that already holds agencies of one name (saved at the same moment before the database
 * decided), on H2 and MySQL/MariaDB (subclasses): the agency created first keeps its name, the later ones are renamed
 * deterministically, every agency gets its name's key, and then the database refuses a second agency of one name.
 */
abstract class AgencyNameKeyMigrationContract {

    /** The database's JDBC URL, user and password; the schema is cleaned. */
    abstract String url();

    abstract String user();

    abstract String password();

    private Flyway flyway(String target) {
        return Flyway.configure().dataSource(url(), user(), password()).locations("classpath:db/migration")
            .cleanDisabled(false).target(target).load();
    }

    private void insert(Connection c, String id, String name, String createdAt) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(
            "INSERT INTO agency (id, name, short_name, email, created_at) VALUES (?, ?, ?, ?, ?)")) {
            s.setString(1, id);
            s.setString(2, name);
            s.setString(3, id.toUpperCase(java.util.Locale.ROOT));
            s.setString(4, id + "@example.org");
            s.setTimestamp(5, Timestamp.from(Instant.parse(createdAt)));
            s.executeUpdate();
        }
    }

    @Test
    void agenciesOfOneNameAreToldApartAndThenTheDatabaseRefusesASecond() throws Exception {
        Flyway latest = flyway("latest");
        latest.clean();
        // the schema as it was before V126 (whichever migration came last before it)
        String last = java.util.Arrays.stream(latest.info().all()).map(m -> m.getVersion())
            .filter(v -> v.compareTo(org.flywaydb.core.api.MigrationVersion.fromVersion("126")) < 0)
            .max(Comparable::compareTo).orElseThrow().getVersion();
        flyway(last).migrate();
        try (Connection c = DriverManager.getConnection(url(), user(), password())) {
            insert(c, "hagen-a", "Wirtschaftsförderung Hagen", "2026-01-01T10:00:00Z");
            // the same name as the database stores it: another case, other spaces, decomposed umlaut
            insert(c, "hagen-c", "  wirtschaftsfo\u0308rderung   HAGEN ", "2026-01-01T10:00:00Z");
            insert(c, "hagen-b", "WIRTSCHAFTSFÖRDERUNG HAGEN", "2026-01-01T10:00:00Z");
            // "(2)" is taken by an agency of its own: the next is "(3)"
            insert(c, "hagen-two", "Wirtschaftsförderung Hagen (2)", "2026-02-01T10:00:00Z");
            insert(c, "unna", "Wirtschaftsförderung Unna", "2025-01-01T10:00:00Z");
            insert(c, "long-a", "L".repeat(200), "2026-01-01T10:00:00Z");
            insert(c, "long-b", "l".repeat(200), "2026-01-02T10:00:00Z");
            // names the database's collation would call the same but the portal does not
            insert(c, "muenster", "Münster", "2026-01-01T10:00:00Z");
            insert(c, "munster", "Munster", "2026-01-01T10:00:00Z");
        }

        flyway("latest").migrate();

        Map<String, String> names = new LinkedHashMap<>();
        try (Connection c = DriverManager.getConnection(url(), user(), password());
             ResultSet rs = c.createStatement().executeQuery("SELECT id, name, name_key FROM agency ORDER BY id")) {
            while (rs.next()) {
                names.put(rs.getString(1), rs.getString(2));
                assertThat(rs.getString(3)).as(rs.getString(1) + ": its name's key").isEqualTo(AgencyNames.key(rs.getString(2)));
            }
        }
        assertThat(names).containsEntry("hagen-a", "Wirtschaftsförderung Hagen") // created first, then the smaller id
            .containsEntry("hagen-b", "WIRTSCHAFTSFÖRDERUNG HAGEN (3)")
            .containsEntry("hagen-c", "wirtschaftsfo\u0308rderung   HAGEN (4)")
            .containsEntry("hagen-two", "Wirtschaftsförderung Hagen (2)")
            .containsEntry("unna", "Wirtschaftsförderung Unna")
            .containsEntry("long-a", "L".repeat(200))
            .containsEntry("long-b", "l".repeat(196) + " (2)")
            .containsEntry("muenster", "Münster")
            .containsEntry("munster", "Munster");

        try (Connection c = DriverManager.getConnection(url(), user(), password())) {
            assertThatThrownBy(() -> {
                try (PreparedStatement s = c.prepareStatement("INSERT INTO agency (id, name, short_name, email, created_at, "
                    + "name_key, short_name_key) VALUES ('hagen-d', 'Wirtschaftsförderung Hagen', 'D', 'd@example.org', ?, ?, 'd')")) {
                    s.setTimestamp(1, Timestamp.from(Instant.now()));
                    s.setString(2, AgencyNames.key("wirtschaftsförderung hagen"));
                    s.executeUpdate();
                }
            }).isInstanceOf(SQLException.class).satisfies(e -> assertThat(((SQLException) e).getSQLState()).startsWith("23"))
                .hasMessageContaining(AgencyAdministration.NAME_KEY_INDEX);
            assertThatThrownBy(() -> c.createStatement().executeUpdate("INSERT INTO agency (id, name, short_name, email, "
                + "created_at) VALUES ('no-key', 'Ohne Schlüssel', 'NK', 'nk@example.org', CURRENT_TIMESTAMP)"))
                .as("an agency without its name's key").isInstanceOf(SQLException.class);
        }
    }
}
