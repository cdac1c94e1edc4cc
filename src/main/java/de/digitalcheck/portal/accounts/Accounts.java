package de.digitalcheck.portal.accounts;

import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;

import java.util.Collection;
import java.util.List;
import java.util.Optional;

@JdbcRepository(dialect = Dialect.MYSQL)
public interface Accounts extends CrudRepository<Account, String> {

    Optional<Account> findByEmail(String email);

    /** Which of these emails have an account (one query for several). */
    List<String> findEmailByEmailIn(Collection<String> emails);

    Optional<Account> findByIssuerAndSubject(String issuer, String subject);

    List<Account> findByAgencyIdAndRoleOrderByName(String agencyId, Role role);

    List<Account> findAllOrderByEmail();
}
