package de.digitalcheck.portal.leads.internal;

import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;

import java.util.Collection;
import java.util.List;

@JdbcRepository(dialect = Dialect.MYSQL)
public interface LeadBookingRows extends CrudRepository<LeadBookingRow, String> {

    List<LeadBookingRow> findByLeadId(String leadId);

    List<LeadBookingRow> findByBookingIdIn(Collection<String> bookingIds);
}
