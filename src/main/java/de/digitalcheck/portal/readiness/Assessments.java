package de.digitalcheck.portal.readiness;

import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;

import java.util.List;
import java.util.Optional;

@JdbcRepository(dialect = Dialect.MYSQL)
public interface Assessments extends CrudRepository<Assessment, String> {

    Optional<Assessment> findByTokenHash(String tokenHash);

    List<Assessment> findByContactEmailOrderByCreatedAtDesc(String contactEmail);

    /** The checks with this contact email, locked until the surrounding transaction ends (erasure). */
    @Query("SELECT * FROM assessment WHERE contact_email = :contactEmail FOR UPDATE")
    List<Assessment> lockByContactEmail(String contactEmail);
}
