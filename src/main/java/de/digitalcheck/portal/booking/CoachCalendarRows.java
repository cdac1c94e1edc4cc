package de.digitalcheck.portal.booking;

import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;

import java.util.Collection;
import java.util.List;

@JdbcRepository(dialect = Dialect.MYSQL)
interface CoachCalendarRows extends CrudRepository<CoachCalendarRow, String> {

    List<CoachCalendarRow> findByCoachIdIn(Collection<String> coachIds);
}
