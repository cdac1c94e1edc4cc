package de.digitalcheck.portal.leads.internal;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;

import java.util.Collection;
import java.util.List;

@JdbcRepository(dialect = Dialect.MYSQL)
public interface EndpointRows extends CrudRepository<EndpointRow, String> {

    /** The endpoints of these agencies (a dispatcher's batch: one query for all its agencies). */
    @Query("SELECT * FROM webhook_endpoint WHERE agency_id IN (:agencyIds)")
    List<EndpointRow> ofAgencies(Collection<String> agencyIds);

    /**
     * The agency's endpoint, its row locked to the end of the transaction: a rotation and a change of the address at
     * the same moment take turns (each read-then-write would otherwise lose the other's secret).
     */
    @Query("SELECT * FROM webhook_endpoint WHERE agency_id = :agencyId FOR UPDATE")
    java.util.Optional<EndpointRow> lock(String agencyId);

    @Query("UPDATE webhook_endpoint SET enabled = FALSE, disabled_reason = :reason WHERE agency_id = :agencyId AND enabled = TRUE")
    int disable(String agencyId, String reason);

    /** Stores the secrets sealed anew (key change), unless they were changed meanwhile. */
    @Query("UPDATE webhook_endpoint SET secret = :secret, previous_secret = :previousSecret WHERE agency_id = :agencyId "
        + "AND secret = :was")
    int reseal(String agencyId, String was, String secret, @Nullable String previousSecret);
}
