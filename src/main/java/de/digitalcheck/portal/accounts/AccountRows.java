package de.digitalcheck.portal.accounts;

import de.digitalcheck.portal.shared.security.Role;
import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;

import java.util.Collection;
import java.util.List;
import java.time.Instant;
import java.util.Optional;

@JdbcRepository(dialect = Dialect.MYSQL)
interface AccountRows extends CrudRepository<AccountRow, String> {

    Optional<AccountRow> findByEmail(String email);

    /** Which of these emails have an account (one query for several). */
    List<String> findEmailByEmailIn(Collection<String> emails);

    Optional<AccountRow> findByIssuerAndSubject(String issuer, String subject);

    List<AccountRow> findByAgencyIdAndRole(String agencyId, Role role);

    List<AccountRow> findAllOrderByEmail();

    List<AccountRow> findByRoleOrderByEmail(Role role);

    /*
     * The account's row, locked to the end of the transaction. Every change of an account reads it this way first:
     * an admin disabling someone and that person signing in at the same moment take turns, so the sign-in's write
     * (its time, its binding) cannot carry the account's state from before the admin's change back into the row.
     */

    @Query("SELECT * FROM account WHERE id = :id FOR UPDATE")
    Optional<AccountRow> lockById(String id);

    /**
     * The active (not disabled) accounts of {@code role}, locked in id order: two admins' changes of each other take
     * turns here, before either locks its own account (see {@code Accounts}: the network keeps an admin).
     */
    @Query("SELECT * FROM account WHERE role = :role AND disabled_at IS NULL ORDER BY id FOR UPDATE")
    List<AccountRow> lockActiveOfRole(String role);

    @Query("SELECT * FROM account WHERE email = :email FOR UPDATE")
    Optional<AccountRow> lockByEmail(String email);

    @Query("SELECT * FROM account WHERE issuer = :issuer AND subject = :subject FOR UPDATE")
    Optional<AccountRow> lockByIssuerAndSubject(String issuer, String subject);

    /** Records a sign-out ({@code signed_out_at}, not part of the entity: only these two statements use it). */
    @Query("UPDATE account SET signed_out_at = :at WHERE id = :id")
    int signedOut(String id, Instant at);

    /** When the person last signed out; empty if never (or no such account). */
    @Query("SELECT signed_out_at FROM account WHERE id = :id AND signed_out_at IS NOT NULL")
    Optional<Instant> findSignedOutAt(String id);
}
