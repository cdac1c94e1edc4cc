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

    /** The consents given by this address (whatever lead they are of now), for its export. */
    @Query("SELECT * FROM lead_consent WHERE LOWER(contact_email) = LOWER(:email) ORDER BY given_at, id")
    List<ConsentRow> givenBy(String email);

    /** An erased lead's consents: without their check and who gave them (when, which text, in which language stay). */
    @Query("UPDATE lead_consent SET assessment_id = NULL, contact_name = NULL, contact_email = NULL "
        + "WHERE lead_id = :leadId")
    int forget(String leadId);

    /**
     * The name and address of who gave the consents this address gave, on any lead: also on a lead whose contact is
     * someone else's now (a consent given again with the check's own link took it over), which its erasure by address
     * does not reach.
     */
    @Query("UPDATE lead_consent SET contact_name = NULL, contact_email = NULL "
        + "WHERE LOWER(contact_email) = LOWER(:email)")
    int forgetGivenBy(String email);
}
