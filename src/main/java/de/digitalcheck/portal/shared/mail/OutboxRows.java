package de.digitalcheck.portal.shared.mail;

import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;

import java.time.Instant;
import java.util.List;

@JdbcRepository(dialect = Dialect.MYSQL)
interface OutboxRows extends CrudRepository<OutboxRow, String> {

    /** The ids of up to {@code limit} mails that are due and not being sent by anyone, oldest first. */
    @Query("SELECT id FROM mail_outbox WHERE next_attempt_at <= :now AND (claimed_until IS NULL OR claimed_until < :now) "
        + "ORDER BY created_at LIMIT :limit")
    List<String> findDue(Instant now, int limit);

    /**
     * Claims a due mail for sending until {@code until}: one conditional update, so that of several dispatchers
     * (threads or replicas) exactly one sends it.
     *
     * @return 1 if this call claimed it
     */
    @Query("UPDATE mail_outbox SET claimed_until = :until, attempts = attempts + 1 WHERE id = :id "
        + "AND next_attempt_at <= :now AND (claimed_until IS NULL OR claimed_until < :now)")
    int claim(String id, Instant now, Instant until);

    /** After a failed attempt: try again at {@code next}. */
    @Query("UPDATE mail_outbox SET claimed_until = NULL, next_attempt_at = :next, last_error = :error WHERE id = :id")
    int retryAt(String id, Instant next, String error);

    /** The mails waiting for an address (compared in lower case). */
    @Query("SELECT * FROM mail_outbox WHERE LOWER(recipient) = :email ORDER BY created_at, id")
    List<OutboxRow> findByAddress(String email);

    @Query("DELETE FROM mail_outbox WHERE LOWER(recipient) = :email")
    int deleteByAddress(String email);

    /**
     * The ids and texts of the mails to other addresses whose text holds {@code email} (compared in lower case; a
     * candidate: the caller checks that it is the whole address, not part of a longer one).
     */
    @Query("SELECT id, body FROM mail_outbox WHERE LOWER(recipient) <> :email AND LOCATE(:email, LOWER(body)) > 0")
    List<Mention> findMentioning(String email);

    /** A waiting mail's id and text. */
    @io.micronaut.core.annotation.Introspected
    record Mention(String id, String body) {
    }
}
