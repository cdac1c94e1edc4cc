package de.digitalcheck.portal.booking;

import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;

import java.util.Optional;

@JdbcRepository(dialect = Dialect.MYSQL)
interface CoachFeedRows extends CrudRepository<CoachFeedRow, String> {

    Optional<CoachFeedRow> findByTokenHash(String tokenHash);
}
