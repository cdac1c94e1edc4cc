package de.digitalcheck.portal.shared.web;

import de.digitalcheck.portal.shared.persistence.DatabaseErrors;
import io.micronaut.http.BasicHttpAttributes;
import io.micronaut.http.HttpRequest;
import io.micronaut.web.router.RouteAttributes;
import io.micronaut.web.router.UriRouteMatch;

import java.sql.SQLException;
import java.util.regex.Pattern;

/**
 * What may go into a log line about a request or a database error: never a private token (the path of a private
 * link is its token) and never a value someone typed (a database's message quotes the values it refused).
 */
public final class LogSafe {

    /** A path segment that may be a token: 22 or more characters of the URL-safe alphabet (128 bits and more; a long id goes too). */
    private static final Pattern TOKEN_SEGMENT = Pattern.compile("(?<=/)[A-Za-z0-9_-]{22,}(?=/|$)");

    private LogSafe() {
    }

    /**
     * The request's route as the router matched it ({@code /check/{token}/result}); without a route, the path with
     * every segment that may be a token replaced by {@code …} ({@code /check/…/result}).
     */
    public static String path(HttpRequest<?> request) {
        return BasicHttpAttributes.getUriTemplate(request).or(() -> RouteAttributes.getRouteMatch(request)
            .filter(UriRouteMatch.class::isInstance)
            .map(m -> ((UriRouteMatch<?, ?>) m).getRouteInfo().getUriMatchTemplate().toString()))
            .orElseGet(() -> maskTokens(request.getPath()));
    }

    static String maskTokens(String path) {
        return TOKEN_SEGMENT.matcher(path).replaceAll("…");
    }

    /**
     * {@code e} for the log when a database error is among its causes: the same chain of classes and stack traces,
     * but the messages replaced by the database's SQLState and error code (its own messages quote the refused
     * values: "Duplicate entry 'someone@example.org' for key …"). Other throwables are returned as they are.
     */
    public static Throwable withoutValues(Throwable e) {
        if (DatabaseErrors.sqlCause(e).isEmpty()) {
            return e;
        }
        return copy(e, 0);
    }

    private static Throwable copy(Throwable t, int depth) {
        if (t == null || depth > 20) {
            return null;
        }
        String text = t instanceof SQLException sql
            ? t.getClass().getName() + ": SQLState " + sql.getSQLState() + ", error " + sql.getErrorCode()
            : t.getClass().getName();
        Throwable copy = new Scrubbed(text, copy(t.getCause() == t ? null : t.getCause(), depth + 1));
        copy.setStackTrace(t.getStackTrace());
        return copy;
    }

    /** A throwable of the log without its original message. */
    static final class Scrubbed extends RuntimeException {
        Scrubbed(String message, Throwable cause) {
            super(message, cause, false, true);
        }

        @Override
        public String toString() {
            return getMessage();
        }
    }
}
