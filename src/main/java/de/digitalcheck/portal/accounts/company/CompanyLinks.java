package de.digitalcheck.portal.accounts.company;

import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;

@JdbcRepository(dialect = Dialect.MYSQL)
interface CompanyLinks extends CrudRepository<CompanyLink, String> {

    java.util.List<CompanyLink> findByEmail(String email);

    void deleteByEmail(String email);
}
