package de.digitalcheck.portal.leads.internal;

import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

@JdbcRepository(dialect = Dialect.MYSQL)
interface ApiTokenRows extends CrudRepository<ApiTokenRow, String> {

    Optional<ApiTokenRow> findByTokenHash(String tokenHash);

    Optional<ApiTokenRow> findByAgencyIdAndFormKey(String agencyId, String formKey);

    /** The same with a lock: sees a row another transaction committed since this one's snapshot. */
    @Query("SELECT * FROM api_token WHERE agency_id = :agencyId AND form_key = :formKey FOR UPDATE")
    Optional<ApiTokenRow> lockByFormKey(String agencyId, String formKey);

    @Query("SELECT * FROM api_token WHERE agency_id = :agencyId ORDER BY created_at DESC, id DESC LIMIT 200")
    List<ApiTokenRow> ofAgency(String agencyId);

    /** Marks the token used, unless that was noted less than a minute ago (one write a minute at most). */
    @Query("UPDATE api_token SET last_used_at = :now WHERE id = :id AND (last_used_at IS NULL OR last_used_at < :before)")
    int used(String id, Instant now, Instant before);

    @Query("UPDATE api_token SET revoked_at = :now WHERE id = :id AND agency_id = :agencyId AND revoked_at IS NULL")
    int revoke(String id, String agencyId, Instant now);

    /** Revokes every token the account made that is not revoked yet; how many. */
    @Query("UPDATE api_token SET revoked_at = :now WHERE account_id = :accountId AND revoked_at IS NULL")
    int revokeOfAccount(String accountId, Instant now);

    /** Revokes the account's tokens of agencies other than {@code agencyId} that are not revoked yet; how many. */
    @Query("UPDATE api_token SET revoked_at = :now WHERE account_id = :accountId AND agency_id <> :agencyId "
        + "AND revoked_at IS NULL")
    int revokeOfAccountElsewhere(String accountId, String agencyId, Instant now);
}
