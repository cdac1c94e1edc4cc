package de.digitalcheck.portal.routing;

import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;

@JdbcRepository(dialect = Dialect.MYSQL)
interface AgencyLogoRows extends CrudRepository<AgencyLogoRow, String> {
}
