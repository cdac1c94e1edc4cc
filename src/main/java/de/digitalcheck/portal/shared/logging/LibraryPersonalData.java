package de.digitalcheck.portal.shared.logging;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.turbo.TurboFilter;
import ch.qos.logback.core.spi.FilterReply;
import org.slf4j.Marker;

import java.util.List;

/**
 * Keeps the log lines out that Micronaut Security writes with a sign-in's claims or a token as an argument: a refused
 * ID token is logged at {@code ERROR} as {@code "Nonce {} validation failed for claims {}"} — the claims are the
 * person's email, name and subject, and anyone can set it off by opening a sign-in's callback address a second time.
 * The portal logs such a refusal itself, without them ({@code shared.web.ErrorPages}, "Sign-in not completed").
 * Decided by the message's template, not its text, so that nothing is formatted for a line that is dropped; the
 * library's other lines (which provider, which check failed) pass. Part of the portal's logging
 * ({@link PortalLogging}) and of the tests' {@code logback-test.xml}; an operator's own logback file adds it with
 * {@code <turboFilter class="de.digitalcheck.portal.shared.logging.LibraryPersonalData"/>}
 * (docs/operations.md, "Logs").
 */
public final class LibraryPersonalData extends TurboFilter {

    /** The loggers' common prefix. */
    static final String LIBRARY = "io.micronaut.security.";
    /** The parts of a template whose argument is claims or a token. */
    static final List<String> TEMPLATES = List.of("claims {}", "token {}");

    @Override
    public FilterReply decide(Marker marker, Logger logger, Level level, String format, Object[] params, Throwable t) {
        if (format == null || !logger.getName().startsWith(LIBRARY)) {
            return FilterReply.NEUTRAL;
        }
        for (String template : TEMPLATES) {
            if (format.contains(template)) {
                return FilterReply.DENY;
            }
        }
        return FilterReply.NEUTRAL;
    }
}
