package de.digitalcheck.portal.readiness.internal;

import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The {@code assessment} table. Package-private: only {@link SelfCheck} writes it (see {@code package-info}); the
 * other classes of this package only read.
 */
@JdbcRepository(dialect = Dialect.MYSQL)
interface AssessmentRows extends CrudRepository<AssessmentRow, String> {

    Optional<AssessmentRow> findByTokenHash(String tokenHash);

    List<AssessmentRow> findByContactEmailOrderByCreatedAtDesc(String contactEmail);

    /** The checks with this contact email, locked until the surrounding transaction ends (erasure). */
    @Query("SELECT * FROM assessment WHERE contact_email = :contactEmail FOR UPDATE")
    List<AssessmentRow> lockByContactEmail(String contactEmail);

    /** The check with this token hash, locked until the surrounding transaction ends (erasure through its link). */
    @Query("SELECT * FROM assessment WHERE token_hash = :tokenHash FOR UPDATE")
    Optional<AssessmentRow> lockByTokenHash(String tokenHash);

    /**
     * The check with this id, locked until the surrounding transaction ends: two bookings for one check at the same
     * moment are serialised, so that the second sees the first's appointment ({@code Assessments#lock}).
     */
    @Query("SELECT * FROM assessment WHERE id = :id FOR UPDATE")
    Optional<AssessmentRow> lockById(String id);

    /** Up to {@code limit} drafts last changed before {@code before}, locked until the transaction ends (retention). */
    @Query("SELECT * FROM assessment WHERE status = 'DRAFT' AND updated_at < :before ORDER BY updated_at LIMIT :limit FOR UPDATE")
    List<AssessmentRow> lockDraftsUnchangedSince(Instant before, int limit);
}
