package de.digitalcheck.portal.leads.internal;

import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;

import java.time.Instant;
import java.util.List;

@JdbcRepository(dialect = Dialect.MYSQL)
public interface ConsentRows extends CrudRepository<ConsentRow, String> {

    @Query("SELECT * FROM lead_consent WHERE assessment_id = :assessmentId ORDER BY given_at DESC, id DESC")
    List<ConsentRow> ofAssessment(String assessmentId);

    @Query("SELECT * FROM lead_consent WHERE lead_id = :leadId ORDER BY given_at, id")
    List<ConsentRow> ofLead(String leadId);

    @Query("UPDATE lead_consent SET withdrawn_at = :at WHERE lead_id = :leadId AND withdrawn_at IS NULL")
    int withdraw(String leadId, Instant at);

    @Query("UPDATE lead_consent SET assessment_id = NULL WHERE lead_id = :leadId")
    int forgetAssessment(String leadId);
}
