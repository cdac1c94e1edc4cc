package de.digitalcheck.portal.support;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.UUID;

/**
 * Writes {@code agency_lead} rows straight into the database, in JDBC batches: for figures that need leads at given
 * times (tests) and for the inbox benchmark's 100,000 leads. Not the way leads are made (that is a consent): only
 * for reading them back.
 */
public final class LeadSeed implements AutoCloseable {

    private static final String INSERT = "INSERT INTO agency_lead (id, agency_id, open_key, status, source, assessment_id, "
        + "company_name, postal_code, municipality, ags, sector, employees, company_type, contact_name, contact_email, "
        + "contact_phone, score, overall_level, consent_version, consent_language, consent_at, contact_due_at, "
        + "withdrawn_at, created_at, updated_at, stage, assignee_id, assignee_name, first_contact_at, escalated_at, "
        + "lock_version) VALUES (?, ?, ?, 'OPEN', 'CHECK', ?, ?, ?, ?, ?, 'C', 12, 'OWN_PRODUCTS', 'Seed Person', ?, NULL, "
        + "2.5, ?, '1', 'de', ?, ?, NULL, ?, ?, ?, ?, ?, ?, NULL, 0)";

    private final Connection connection;
    private final PreparedStatement insert;
    private int pending;

    public LeadSeed(DataSource dataSource) throws SQLException {
        DataSource target = dataSource instanceof io.micronaut.data.connection.jdbc.advice.DelegatingDataSource contextual
            ? contextual.getTargetDataSource() : dataSource;
        this.connection = target.getConnection();
        this.connection.setAutoCommit(false);
        this.insert = connection.prepareStatement(INSERT);
    }

    /** One lead; its id. {@code assignee} and {@code firstContact} may be null. */
    public String add(String agencyId, String company, String municipality, int level, String stage, Instant created,
                      Instant due, Instant firstContact, String assessmentId, String assignee) throws SQLException {
        String id = UUID.randomUUID().toString();
        int i = 1;
        insert.setString(i++, id);
        insert.setString(i++, agencyId);
        insert.setString(i++, null);
        insert.setString(i++, assessmentId);
        insert.setString(i++, company);
        insert.setString(i++, "44135");
        insert.setString(i++, municipality);
        insert.setString(i++, "05913000");
        insert.setString(i++, id.substring(0, 8) + "@seed.example.org");
        insert.setInt(i++, level);
        insert.setTimestamp(i++, Timestamp.from(created));
        insert.setTimestamp(i++, Timestamp.from(due));
        insert.setTimestamp(i++, Timestamp.from(created));
        insert.setTimestamp(i++, Timestamp.from(created));
        insert.setString(i++, stage);
        insert.setString(i++, assignee);
        insert.setString(i++, assignee == null ? null : "Seed Staff");
        insert.setTimestamp(i++, firstContact == null ? null : Timestamp.from(firstContact));
        insert.addBatch();
        if (++pending >= 1000) {
            flush();
        }
        return id;
    }

    public void flush() throws SQLException {
        if (pending > 0) {
            insert.executeBatch();
            connection.commit();
            pending = 0;
        }
    }

    @Override
    public void close() throws SQLException {
        flush();
        insert.close();
        connection.close();
    }
}
