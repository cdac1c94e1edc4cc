package de.digitalcheck.portal.accounts;

import de.digitalcheck.portal.shared.security.Role;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;

import java.util.Collection;
import java.util.List;
import java.util.Optional;

@JdbcRepository(dialect = Dialect.MYSQL)
interface AccountRows extends CrudRepository<AccountRow, String> {

    Optional<AccountRow> findByEmail(String email);

    /** Which of these emails have an account (one query for several). */
    List<String> findEmailByEmailIn(Collection<String> emails);

    Optional<AccountRow> findByIssuerAndSubject(String issuer, String subject);

    List<AccountRow> findByAgencyIdAndRoleOrderByName(String agencyId, Role role);

    List<AccountRow> findAllOrderByEmail();

    List<AccountRow> findByRoleOrderByEmail(Role role);
}
