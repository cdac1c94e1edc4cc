package de.digitalcheck.portal.booking;

import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;

import java.util.List;
import java.util.Optional;

@JdbcRepository(dialect = Dialect.MYSQL)
interface AppointmentTypeRows extends CrudRepository<AppointmentTypeRow, String> {

    List<AppointmentTypeRow> findByAgencyIdOrderByDurationMinutesAsc(String agencyId);

    /** The type's row, locked until the transaction ends: two saves of one type's form take turns. */
    @Query("SELECT * FROM appointment_type WHERE id = :id FOR UPDATE")
    Optional<AppointmentTypeRow> lock(String id);
}
