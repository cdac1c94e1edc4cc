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
 * V140–V143 on a database that already holds agencies of one short name as the portal compares them (an edit gave an
 * agency another's before the portal checked edits), on H2 and MySQL/MariaDB (subclasses): the agency whose id the
 * short name makes keeps it, then the one created first; the later ones are renamed deterministically, every agency
 * gets its short name's key, and then the database refuses a second agency of one short name — on both databases
 * alike, whatever their collations would call the same.
 */
abstract class AgencyShortNameKeyMigrationContract {

    /** The database's JDBC URL, user and password; the schema is cleaned. */
    abstract String url();

    abstract String user();

    abstract String password();

    private Flyway flyway(String target) {
        return Flyway.configure().dataSource(url(), user(), password()).locations("classpath:db/migration")
            .cleanDisabled(false).target(target).load();
    }

    private void insert(Connection c, String id, String shortName, String createdAt) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(
            "INSERT INTO agency (id, name, short_name, email, created_at, name_key) VALUES (?, ?, ?, ?, ?, ?)")) {
            s.setString(1, id);
            s.setString(2, "Agentur " + id);
            s.setString(3, shortName);
            s.setString(4, id + "@example.org");
            s.setTimestamp(5, Timestamp.from(Instant.parse(createdAt)));
            s.setString(6, AgencyNames.key("Agentur " + id));
            s.executeUpdate();
        }
    }

    @Test
    void agenciesOfOneShortNameAreToldApartAndThenTheDatabaseRefusesASecond() throws Exception {
        Flyway latest = flyway("latest");
        latest.clean();
        // the schema as it was before V140 (whichever migration came last before it)
        String last = java.util.Arrays.stream(latest.info().all()).map(m -> m.getVersion())
            .filter(v -> v.compareTo(org.flywaydb.core.api.MigrationVersion.fromVersion("140")) < 0)
            .max(Comparable::compareTo).orElseThrow().getVersion();
        flyway(last).migrate();
        try (Connection c = DriverManager.getConnection(url(), user(), password())) {
            // the agency whose id the short name makes keeps it, though created last
            insert(c, "en-agentur", "EN-Agentur", "2026-03-01T10:00:00Z");
            // the same short name as the portal compares them: case, spaces, dashes aside (then the smaller id first)
            insert(c, "en-zwei", "EN Agentur", "2026-01-01T10:00:00Z");
            insert(c, "en-drei", " en  agentur ", "2026-01-01T10:00:00Z");
            // an agency's id is no short name's key either: the next is "(4)"
            insert(c, "en-agentur-3", "Etwas anderes", "2026-01-01T10:00:00Z");
            // umlauts spelled out, as ids are made; "Munster" is another short name (MariaDB's collation would not say so)
            insert(c, "muenster-a", "Münster", "2026-01-01T10:00:00Z");
            insert(c, "muenster-b", "Muenster", "2026-01-02T10:00:00Z");
            insert(c, "munster", "Munster", "2026-01-01T10:00:00Z");
            // the key is cut at 40: short names that differ after it are one, and the renamed one is shortened
            insert(c, "long-a", "L".repeat(79) + "A", "2026-01-01T10:00:00Z");
            insert(c, "long-b", "l".repeat(79) + "b", "2026-01-02T10:00:00Z");
            // short names without a letter or digit make no key: the agency's id stands for it
            insert(c, "bang", "!!!", "2026-01-01T10:00:00Z");
            insert(c, "frage", "???", "2026-01-01T10:00:00Z");
        }

        flyway("latest").migrate();

        Map<String, String> shortNames = new LinkedHashMap<>();
        try (Connection c = DriverManager.getConnection(url(), user(), password());
             ResultSet rs = c.createStatement().executeQuery("SELECT id, short_name, short_name_key FROM agency ORDER BY id")) {
            while (rs.next()) {
                shortNames.put(rs.getString(1), rs.getString(2));
                assertThat(rs.getString(3)).as(rs.getString(1) + ": its short name's key")
                    .isEqualTo(AgencyAdministration.shortNameKey(rs.getString(1), rs.getString(2)));
            }
        }
        assertThat(shortNames).containsEntry("en-agentur", "EN-Agentur")
            .containsEntry("en-drei", "en  agentur (2)")
            .containsEntry("en-zwei", "EN Agentur (4)")
            .containsEntry("en-agentur-3", "Etwas anderes")
            .containsEntry("muenster-a", "Münster")
            .containsEntry("muenster-b", "Muenster (2)")
            .containsEntry("munster", "Munster")
            .containsEntry("long-a", "L".repeat(79) + "A")
            .containsEntry("long-b", "l".repeat(38) + " (2)")
            .containsEntry("bang", "!!!")
            .containsEntry("frage", "???");

        try (Connection c = DriverManager.getConnection(url(), user(), password())) {
            assertThatThrownBy(() -> {
                try (PreparedStatement s = c.prepareStatement("INSERT INTO agency (id, name, short_name, email, created_at, "
                    + "name_key, short_name_key) VALUES ('en-fuenf', 'Agentur fünf', 'en agentur', 'f@example.org', ?, ?, ?)")) {
                    s.setTimestamp(1, Timestamp.from(Instant.now()));
                    s.setString(2, AgencyNames.key("Agentur fünf"));
                    s.setString(3, AgencyAdministration.shortNameKey("en-fuenf", "en agentur"));
                    s.executeUpdate();
                }
            }).isInstanceOf(SQLException.class).satisfies(e -> assertThat(((SQLException) e).getSQLState()).startsWith("23"))
                .hasMessageContaining(AgencyAdministration.SHORT_NAME_KEY_INDEX);
            assertThatThrownBy(() -> c.createStatement().executeUpdate("INSERT INTO agency (id, name, short_name, email, "
                + "created_at, name_key) VALUES ('no-key', 'Ohne Schlüssel', 'NK', 'nk@example.org', CURRENT_TIMESTAMP, '"
                + AgencyNames.key("Ohne Schlüssel") + "')"))
                .as("an agency without its short name's key").isInstanceOf(SQLException.class);
        }
    }
}
