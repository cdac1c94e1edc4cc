package de.digitalcheck.portal.shared.persistence;

import java.sql.SQLException;
import java.util.Optional;

/** What a database refused, read from the SQLState of the first {@link SQLException} among an exception's causes. */
public final class DatabaseErrors {

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

    /** The transaction was a deadlock's victim and was rolled back (SQLState 40001): it may be tried again. */
    public static boolean deadlock(Throwable e) {
        return sqlState(e).filter("40001"::equals).isPresent();
    }

    /** The SQLState of the first database error among {@code e}'s causes (two characters at least). */
    public static Optional<String> sqlState(Throwable e) {
        return sqlCause(e).map(SQLException::getSQLState).filter(s -> s != null && s.length() >= 2);
    }
}
