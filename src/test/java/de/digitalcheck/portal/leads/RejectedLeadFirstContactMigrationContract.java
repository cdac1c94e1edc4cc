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
 * V150 on leads rejected while new before a rejection stopped counting as a first contact, on H2 and MySQL/MariaDB
 * (subclasses): the first contact the rejection set is cleared; a real first contact stays — of a lead contacted and
 * then rejected, and of one rejected, forwarded, contacted at its new agency and rejected there —, as does a contact.
 */
abstract class RejectedLeadFirstContactMigrationContract {

    private static final Instant CREATED = Instant.parse("2026-03-01T10:00:00Z");

    /** The database's JDBC URL, user and password; the schema is cleaned. */
    abstract String url();

    abstract String user();

    abstract String password();

    private Flyway flyway(String target) {
        return Flyway.configure().dataSource(url(), user(), password()).locations("classpath:db/migration")
            .cleanDisabled(false).target(target).load();
    }

    private static void lead(Connection c, String id, String stage, Instant firstContact) throws SQLException {
        Timestamp created = Timestamp.from(CREATED);
        try (PreparedStatement s = c.prepareStatement("INSERT INTO agency_lead (id, agency_id, status, source, sector, "
            + "consent_version, consent_language, consent_at, contact_due_at, created_at, updated_at, stage, "
            + "first_contact_at) VALUES (?, 'wf-dortmund', 'OPEN', 'check', 'C', '2026-01', 'de', ?, ?, ?, ?, ?, ?)")) {
            s.setString(1, id);
            for (int i = 2; i <= 5; i++) {
                s.setTimestamp(i, created);
            }
            s.setString(6, stage);
            s.setTimestamp(7, firstContact == null ? null : Timestamp.from(firstContact));
            s.executeUpdate();
        }
    }

    private static void stage(Connection c, String leadId, Instant at, String from, String to) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("INSERT INTO lead_audit (id, lead_id, at, action, from_value, "
            + "to_value) VALUES (?, ?, ?, 'STAGE', ?, ?)")) {
            s.setString(1, java.util.UUID.randomUUID().toString());
            s.setString(2, leadId);
            s.setTimestamp(3, Timestamp.from(at));
            s.setString(4, from);
            s.setString(5, to);
            s.executeUpdate();
        }
    }

    @Test
    void theFirstContactARejectionFromNewSetIsCleared() throws Exception {
        flyway("latest").clean();
        flyway("149").migrate();
        Instant first = CREATED.plusSeconds(3600);
        Instant later = CREATED.plusSeconds(7200);
        try (Connection c = DriverManager.getConnection(url(), user(), password())) {
            // rejected while new: the rejection set the first contact
            lead(c, "00000000-0000-0000-0000-000000000001", "REJECTED", first);
            stage(c, "00000000-0000-0000-0000-000000000001", first, "NEW", "REJECTED");
            // contacted, then rejected: a real first contact
            lead(c, "00000000-0000-0000-0000-000000000002", "REJECTED", first);
            stage(c, "00000000-0000-0000-0000-000000000002", first, "NEW", "CONTACTED");
            stage(c, "00000000-0000-0000-0000-000000000002", later, "CONTACTED", "REJECTED");
            // rejected at one agency, forwarded (the first contact cleared), contacted at the next and rejected there
            lead(c, "00000000-0000-0000-0000-000000000003", "REJECTED", later);
            stage(c, "00000000-0000-0000-0000-000000000003", first, "NEW", "REJECTED");
            stage(c, "00000000-0000-0000-0000-000000000003", later, "NEW", "CONTACTED");
            stage(c, "00000000-0000-0000-0000-000000000003", later.plusSeconds(60), "CONTACTED", "REJECTED");
            // contacted
            lead(c, "00000000-0000-0000-0000-000000000004", "CONTACTED", first);
            stage(c, "00000000-0000-0000-0000-000000000004", first, "NEW", "CONTACTED");
            // closed while new: a first contact as before
            lead(c, "00000000-0000-0000-0000-000000000005", "CLOSED", first);
            stage(c, "00000000-0000-0000-0000-000000000005", first, "NEW", "CLOSED");
        }

        flyway("latest").migrate();

        Map<String, Instant> firstContacts = new HashMap<>();
        try (Connection c = DriverManager.getConnection(url(), user(), password());
             ResultSet rs = c.createStatement().executeQuery("SELECT id, first_contact_at, stage FROM agency_lead")) {
            while (rs.next()) {
                Timestamp at = rs.getTimestamp(2);
                firstContacts.put(rs.getString(1).substring(35), at == null ? null : at.toInstant());
            }
        }
        Map<String, Instant> expected = new HashMap<>();
        expected.put("1", null);
        expected.put("2", first);
        expected.put("3", later);
        expected.put("4", first);
        expected.put("5", first);
        assertThat(firstContacts).containsExactlyInAnyOrderEntriesOf(expected);
    }
}
