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
 * V144 on a database whose short name keys V141 computed when only Latin letters counted, on H2 and MySQL/MariaDB
 * (subclasses): a short name of another script had its agency's id as its key, one with Latin letters too the key of
 * those alone. Every agency gets its short name's key as it is computed now; agencies whose key stays keep their short
 * names; of those whose short names are now one (two "日本", kept apart by their ids so far) the first keeps it and the
 * later one is renamed; and then the database refuses another of one of those short names.
 */
abstract class AgencyShortNameScriptsMigrationContract {

    /** The database's JDBC URL, user and password; the schema is cleaned. */
    abstract String url();

    abstract String user();

    abstract String password();

    private Flyway flyway(String target) {
        return Flyway.configure().dataSource(url(), user(), password()).locations("classpath:db/migration")
            .cleanDisabled(false).target(target).load();
    }

    /** An agency as V141–V143 left it: {@code key} is what its short name's key was then. */
    private void insert(Connection c, String id, String shortName, String key, String createdAt) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("INSERT INTO agency (id, name, short_name, email, created_at, "
            + "name_key, short_name_key) VALUES (?, ?, ?, ?, ?, ?, ?)")) {
            s.setString(1, id);
            s.setString(2, "Agentur " + id);
            s.setString(3, shortName);
            s.setString(4, id + "@example.org");
            s.setTimestamp(5, Timestamp.from(Instant.parse(createdAt)));
            s.setString(6, AgencyNames.key("Agentur " + id));
            s.setString(7, key);
            s.executeUpdate();
        }
    }

    @Test
    void shortNamesOfAnyScriptGetTheirKeysAndTheLaterOfTwoIsRenamed() throws Exception {
        Flyway latest = flyway("latest");
        latest.clean();
        flyway("143").migrate();
        try (Connection c = DriverManager.getConnection(url(), user(), password())) {
            insert(c, "en-agentur", "EN-Agentur", "en-agentur", "2026-01-01T10:00:00Z");
            // "日本" twice, created before the letter check: their ids were their keys
            insert(c, "japan-a", "日本", "japan-a", "2026-01-01T10:00:00Z");
            insert(c, "japan-b", " 日本 ", "japan-b", "2026-01-02T10:00:00Z");
            // Greek in two cases is one short name; the later one is renamed
            insert(c, "hellas", "Ελλάδα", "hellas", "2026-01-01T10:00:00Z");
            insert(c, "hellas-2", "ΕΛΛΑΔΑ", "hellas-2", "2026-01-03T10:00:00Z");
            // Latin letters with others: their key was the Latin letters alone, which a new "EN" could not have had
            insert(c, "en-japan", "EN 日本", "en", "2026-01-01T10:00:00Z");
            // a full-width "ＥＮ-Agentur" is "EN-Agentur": the agency whose key stays keeps its short name
            insert(c, "breit", "ＥＮ-Agentur", "breit", "2025-12-01T10:00:00Z");
            // a full-width "ＥＮ" takes the key "en" that "EN 日本" gives up (the unique index never sees it twice)
            insert(c, "breit-en", "ＥＮ", "breit-en", "2025-12-02T10:00:00Z");
            // a Latin letter that Unicode does not decompose was left out, now it is spelled
            insert(c, "oeresund", "Øresund", "resund", "2026-01-01T10:00:00Z");
            // without a letter or digit: the id stays the key
            insert(c, "bang", "!!!", "bang", "2026-01-01T10:00:00Z");
        }

        flyway("latest").migrate();

        Map<String, String> shortNames = new LinkedHashMap<>();
        Map<String, String> keys = new LinkedHashMap<>();
        try (Connection c = DriverManager.getConnection(url(), user(), password());
             ResultSet rs = c.createStatement()
                 .executeQuery("SELECT id, short_name, short_name_key FROM agency ORDER BY id")) {
            while (rs.next()) {
                shortNames.put(rs.getString(1), rs.getString(2));
                keys.put(rs.getString(1), rs.getString(3));
                assertThat(rs.getString(3)).as(rs.getString(1) + ": its short name's key")
                    .isEqualTo(AgencyAdministration.shortNameKey(rs.getString(1), rs.getString(2)));
            }
        }
        assertThat(shortNames).containsEntry("en-agentur", "EN-Agentur")
            .containsEntry("japan-a", "日本")
            .containsEntry("japan-b", "日本 (2)")
            .containsEntry("hellas", "Ελλάδα")
            .containsEntry("hellas-2", "ΕΛΛΑΔΑ (2)")
            .containsEntry("en-japan", "EN 日本")
            .containsEntry("breit", "ＥＮ-Agentur (2)")
            .containsEntry("oeresund", "Øresund")
            .containsEntry("breit-en", "ＥＮ")
            .containsEntry("bang", "!!!");
        assertThat(keys).containsEntry("japan-a", "xn--wgv71a").containsEntry("oeresund", "oeresund")
            .containsEntry("en-agentur", "en-agentur").containsEntry("bang", "bang")
            .containsEntry("breit", "en-agentur-2")
            .containsEntry("breit-en", "en");
        assertThat(keys.get("japan-b")).startsWith("xn--").isNotEqualTo("xn--wgv71a");

        try (Connection c = DriverManager.getConnection(url(), user(), password())) {
            assertThatThrownBy(() -> insert(c, "japan-c", "日本", AgencyAdministration.shortNameKey("japan-c", "日本"),
                "2026-02-01T10:00:00Z"))
                .isInstanceOf(SQLException.class)
                .satisfies(e -> assertThat(((SQLException) e).getSQLState()).startsWith("23"))
                .hasMessageContaining(AgencyAdministration.SHORT_NAME_KEY_INDEX);
        }
    }
}
