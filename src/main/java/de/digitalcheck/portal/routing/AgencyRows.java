package de.digitalcheck.portal.routing;

import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;

import java.util.List;

@JdbcRepository(dialect = Dialect.MYSQL)
interface AgencyRows extends CrudRepository<AgencyRow, String> {


    /**
     * The agency's row, locked to the end of the transaction: every edit reads it this way, so an admin's edit and
     * the staff's contact or lead address at the same moment take turns and each writes on top of the other's.
     */
    @Query("SELECT * FROM agency WHERE id = :id FOR UPDATE")
    java.util.Optional<AgencyRow> lockById(String id);
}
