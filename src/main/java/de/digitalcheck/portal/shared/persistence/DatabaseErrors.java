package de.digitalcheck.portal.shared.persistence;

import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.util.Optional;

/** What a database refused, read from the SQLState of the first {@link SQLException} among an exception's causes. */
public final class DatabaseErrors {

    /** MySQL's and MariaDB's ER_LOCK_WAIT_TIMEOUT. */
    private static final int MYSQL_LOCK_WAIT_TIMEOUT = 1205;
    /** H2's LOCK_TIMEOUT_1. */
    private static final int H2_LOCK_TIMEOUT = 50200;

    private DatabaseErrors() {
    }

    /** The first {@link SQLException} among {@code e} and its causes. */
    public static Optional<SQLException> sqlCause(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof SQLException sql) {
                return Optional.of(sql);
            }
        }
        return Optional.empty();
    }

    /**
     * A unique key taken (SQLState class 23). On MySQL/MariaDB and H2 only the statement failed; the transaction
     * goes on.
     */
    public static boolean duplicateKey(Throwable e) {
        return sqlState(e).filter(s -> s.startsWith("23")).isPresent();
    }

    /**
     * The transaction was a deadlock's victim and was rolled back (SQLState 40001): it may be tried again at once. Not
     * a lock wait that timed out, which Connector/J reports with the same SQLState (see {@link #busy}): trying that
     * again would make the caller wait the database's whole lock wait timeout once more.
     */
    public static boolean deadlock(Throwable e) {
        return sqlState(e).filter("40001"::equals).isPresent() && !busy(e);
    }

    /**
     * The database was too busy to answer in time, and nothing was changed: no connection of the pool became free
     * within its timeout (or the database could not be reached), or a statement waited for a row another transaction
     * held longer than the database's lock wait timeout (MySQL/MariaDB error 1205, which Connector/J reports with
     * SQLState 40001 like a deadlock; H2's 50200). Worth trying again in a moment: a {@code 503}, not a conflict. A
     * deadlock (MySQL 1213) is not such a case: another change won.
     */
    public static boolean busy(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof SQLTransientConnectionException) {
                return true;
            }
        }
        return sqlCause(e).filter(sql -> sql.getErrorCode() == MYSQL_LOCK_WAIT_TIMEOUT
            || sql.getErrorCode() == H2_LOCK_TIMEOUT && "HYT00".equals(sql.getSQLState())).isPresent();
    }

    /** The SQLState of the first database error among {@code e}'s causes (two characters at least). */
    public static Optional<String> sqlState(Throwable e) {
        return sqlCause(e).map(SQLException::getSQLState).filter(s -> s != null && s.length() >= 2);
    }
}
