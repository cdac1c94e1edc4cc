package de.digitalcheck.portal.accounts.company;

import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;

import java.time.Instant;
import java.util.List;

@JdbcRepository(dialect = Dialect.MYSQL)
interface CompanyLinks extends CrudRepository<CompanyLink, String> {

    List<CompanyLink> findByEmail(String email);

    void deleteByEmail(String email);

    /**
     * Uses the link up if it is still usable: one conditional update, so that of two redemptions at the same moment
     * exactly one changes the row (and so opens anything).
     *
     * @return 1 if this call used the link, 0 if it was used, expired or unknown
     */
    @Query("UPDATE company_link SET used_at = :now WHERE token_hash = :tokenHash AND used_at IS NULL AND expires_at > :now")
    int claim(String tokenHash, Instant now);

    /** Deletes the links that expired before {@code before}, used or not. */
    @Query("DELETE FROM company_link WHERE expires_at < :before")
    int deleteExpiredBefore(Instant before);
}
