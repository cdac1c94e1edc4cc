package de.digitalcheck.portal.leads.internal;

import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;

import java.util.List;

@JdbcRepository(dialect = Dialect.MYSQL)
public interface LeadAuditRows extends CrudRepository<LeadAuditRow, String> {

    /** Newest first; entries of the same moment (a consent's changes) in a fixed order, by action. */
    @Query("SELECT * FROM lead_audit WHERE lead_id = :leadId ORDER BY at DESC, action, id DESC")
    List<LeadAuditRow> ofLead(String leadId);

    /**
     * Drops the free texts of a lead's trail (staff's notes, a forward's reason: they may name the company's people);
     * who changed what and when stays. Erasure and retention.
     */
    @Query("UPDATE lead_audit SET note = NULL WHERE lead_id = :leadId AND note IS NOT NULL")
    int forgetNotes(String leadId);

    /**
     * Drops the values a consent given again changed or gave ({@link ConsentTrail#ACTIONS}: company, location, contact,
     * email, phone, check): they are the company's data, which a withdrawal hides and an erasure removes. That they
     * changed, and when, stays.
     */
    @Query("UPDATE lead_audit SET from_value = NULL, to_value = NULL WHERE lead_id = :leadId "
        + "AND action IN ('DATA_COMPANY', 'DATA_LOCATION', 'DATA_CONTACT', 'DATA_PHONE', 'DATA_EMAIL', "
        + "'DATA_CHECK', 'DATA_OTHER_COMPANY', 'DATA_OTHER_LOCATION', 'DATA_OTHER_CONTACT', 'DATA_OTHER_PHONE', "
        + "'DATA_OTHER_CHECK') "
        + "AND (from_value IS NOT NULL OR to_value IS NOT NULL)")
    int forgetCompanyData(String leadId);
}
