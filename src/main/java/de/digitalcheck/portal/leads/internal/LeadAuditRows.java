package de.digitalcheck.portal.leads.internal;

import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;

import java.util.List;

@JdbcRepository(dialect = Dialect.MYSQL)
public interface LeadAuditRows extends CrudRepository<LeadAuditRow, String> {

    @Query("SELECT * FROM lead_audit WHERE lead_id = :leadId ORDER BY at DESC, id DESC")
    List<LeadAuditRow> ofLead(String leadId);

    /**
     * Drops the free texts of a lead's trail (staff's notes, a forward's reason: they may name the company's people);
     * who changed what and when stays. Erasure and retention.
     */
    @Query("UPDATE lead_audit SET note = NULL WHERE lead_id = :leadId AND note IS NOT NULL")
    int forgetNotes(String leadId);
}
