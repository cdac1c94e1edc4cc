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
import java.util.LinkedHashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * V145/V146 on a consent log written before a consent recorded that it made its lead, on H2 and MySQL/MariaDB
 * (subclasses): each lead's earliest consent is marked as the one that made it, and no other; of two consents of the
 * same time (MariaDB's whole seconds) exactly one; a consent written afterwards without the column made no lead.
 */
abstract class ConsentMadeLeadMigrationContract {

    /** The database's JDBC URL, user and password; the schema is cleaned. */
    abstract String url();

    abstract String user();

    abstract String password();

    private Flyway flyway(String target) {
        return Flyway.configure().dataSource(url(), user(), password()).locations("classpath:db/migration")
            .cleanDisabled(false).target(target).load();
    }

    private static void consent(Connection c, String id, String leadId, String givenAt) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("INSERT INTO lead_consent (id, lead_id, assessment_id, source, "
            + "text_version, language, given_at) VALUES (?, ?, ?, 'check', '2026-01', 'de', ?)")) {
            s.setString(1, id);
            s.setString(2, leadId);
            s.setString(3, "check-" + id);
            s.setTimestamp(4, Timestamp.from(Instant.parse(givenAt)));
            s.executeUpdate();
        }
    }

    @Test
    void eachLeadsEarliestConsentIsTheOneThatMadeIt() throws Exception {
        flyway("latest").clean();
        flyway("144").migrate();
        try (Connection c = DriverManager.getConnection(url(), user(), password())) {
            // the earlier consent has the larger id: the time decides
            consent(c, "a-2", "lead-a", "2026-03-01T10:00:00Z");
            consent(c, "a-1", "lead-a", "2026-03-02T10:00:00Z");
            consent(c, "a-3", "lead-a", "2026-03-03T10:00:00Z");
            // two of the same second: one of them, the smaller id
            consent(c, "b-2", "lead-b", "2026-03-01T10:00:00Z");
            consent(c, "b-1", "lead-b", "2026-03-01T10:00:00Z");
            consent(c, "c-1", "lead-c", "2026-03-05T10:00:00Z");
        }

        flyway("latest").migrate();

        Map<String, Boolean> made = new LinkedHashMap<>();
        try (Connection c = DriverManager.getConnection(url(), user(), password())) {
            try (ResultSet rs = c.createStatement().executeQuery("SELECT id, made_lead FROM lead_consent ORDER BY id")) {
                while (rs.next()) {
                    made.put(rs.getString(1), rs.getBoolean(2));
                }
            }
            assertThat(made).containsExactlyInAnyOrderEntriesOf(Map.of("a-1", false, "a-2", true, "a-3", false,
                "b-1", true, "b-2", false, "c-1", true));
            consent(c, "d-1", "lead-d", "2026-03-06T10:00:00Z");
            try (ResultSet rs = c.createStatement()
                .executeQuery("SELECT made_lead FROM lead_consent WHERE id = 'd-1'")) {
                assertThat(rs.next()).isTrue();
                assertThat(rs.getBoolean(1)).as("the column's default").isFalse();
            }
        }
    }
}
