package de.digitalcheck.portal.report;

import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;

import java.time.Instant;
import java.util.List;

@JdbcRepository(dialect = Dialect.MYSQL)
interface MailConfirmationRows extends CrudRepository<MailConfirmationRow, String> {

    /** Whether the address is confirmed for this check (or for every check of it). */
    @Query("SELECT COUNT(*) FROM report_mail_confirmation WHERE email_hash = :emailHash AND confirmed_at IS NOT NULL "
        + "AND (assessment_id = :assessmentId OR assessment_id IS NULL)")
    long countConfirmed(String emailHash, String assessmentId);

    /** Whether the address is confirmed for every check of it. */
    @Query("SELECT COUNT(*) FROM report_mail_confirmation WHERE email_hash = :emailHash AND confirmed_at IS NOT NULL "
        + "AND assessment_id IS NULL")
    long countConfirmedEverywhere(String emailHash);

    /**
     * Uses a confirmation link up if it is still usable and belongs to this check, and forgets the sealed token it
     * kept: one conditional update, so that of two confirmations at the same moment exactly one changes the row.
     *
     * @return 1 if this call confirmed it
     */
    @Query("UPDATE report_mail_confirmation SET confirmed_at = :now, sealed_token = NULL WHERE token_hash = :tokenHash "
        + "AND assessment_id = :assessmentId AND confirmed_at IS NULL AND expires_at > :now")
    int confirm(String tokenHash, String assessmentId, Instant now);

    List<MailConfirmationRow> findByEmailHash(String emailHash);

    @Query("DELETE FROM report_mail_confirmation WHERE email_hash = :emailHash")
    int deleteByEmailHash(String emailHash);

    @Query("DELETE FROM report_mail_confirmation WHERE assessment_id = :assessmentId")
    int deleteByAssessment(String assessmentId);

    /** Deletes links nobody opened that expired before {@code before}. */
    @Query("DELETE FROM report_mail_confirmation WHERE confirmed_at IS NULL AND expires_at < :before")
    int deleteUnconfirmedExpiredBefore(Instant before);
}
