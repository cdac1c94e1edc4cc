package de.digitalcheck.portal.leads;

import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * V148 on leads erased while erasure kept the district's municipality key, on H2 and MySQL/MariaDB (subclasses): an
 * erased lead's key is gone; an open and a withdrawn lead keep theirs.
 */
abstract class ErasedLeadAgsMigrationContract {

    /** The database's JDBC URL, user and password; the schema is cleaned. */
    abstract String url();

    abstract String user();

    abstract String password();

    private Flyway flyway(String target) {
        return Flyway.configure().dataSource(url(), user(), password()).locations("classpath:db/migration")
            .cleanDisabled(false).target(target).load();
    }

    private static void lead(Connection c, String id, String status, String ags) throws SQLException {
        Timestamp now = Timestamp.from(Instant.parse("2026-03-01T10:00:00Z"));
        try (PreparedStatement s = c.prepareStatement("INSERT INTO agency_lead (id, agency_id, status, source, ags, "
            + "sector, consent_version, consent_language, consent_at, contact_due_at, created_at, updated_at) "
            + "VALUES (?, 'wf-dortmund', ?, 'check', ?, 'C', '2026-01', 'de', ?, ?, ?, ?)")) {
            s.setString(1, id);
            s.setString(2, status);
            s.setString(3, ags);
            for (int i = 4; i <= 7; i++) {
                s.setTimestamp(i, now);
            }
            s.executeUpdate();
        }
    }

    @Test
    void anErasedLeadsDistrictKeyIsCleared() throws Exception {
        flyway("latest").clean();
        flyway("146").migrate();
        try (Connection c = DriverManager.getConnection(url(), user(), password())) {
            lead(c, "00000000-0000-0000-0000-000000000001", "ERASED", "05913000");
            lead(c, "00000000-0000-0000-0000-000000000002", "ERASED", null);
            lead(c, "00000000-0000-0000-0000-000000000003", "OPEN", "05954036");
            lead(c, "00000000-0000-0000-0000-000000000004", "WITHDRAWN", "05954036");
        }

        flyway("latest").migrate();

        Map<String, String> ags = new HashMap<>();
        try (Connection c = DriverManager.getConnection(url(), user(), password());
             ResultSet rs = c.createStatement().executeQuery("SELECT id, ags, sector FROM agency_lead")) {
            while (rs.next()) {
                ags.put(rs.getString(1).substring(35), rs.getString(2));
                assertThat(rs.getString(3)).as("the rest of the row stays").isEqualTo("C");
            }
        }
        Map<String, String> expected = new HashMap<>();
        expected.put("1", null);
        expected.put("2", null);
        expected.put("3", "05954036");
        expected.put("4", "05954036");
        assertThat(ags).containsExactlyInAnyOrderEntriesOf(expected);
    }
}
