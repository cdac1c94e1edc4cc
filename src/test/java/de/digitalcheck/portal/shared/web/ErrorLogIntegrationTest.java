package de.digitalcheck.portal.shared.web;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.IThrowableProxy;
import ch.qos.logback.core.read.ListAppender;
import io.micronaut.http.HttpRequest;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

import java.sql.SQLSyntaxErrorException;

import static org.assertj.core.api.Assertions.assertThat;

/** The error log: no private token (a private link's path is its token) and no value typed into a form. */
@MicronautTest(transactional = false)
class ErrorLogIntegrationTest {

    @Inject
    ErrorPages errorPages;

    @Test
    void anUnexpectedErrorOnAPrivateLinkIsLoggedWithoutTheTokenAndWithoutTheValues() {
        String token = "Zq3_" + "k".repeat(35) + "9-Xy";
        Logger logger = (Logger) LoggerFactory.getLogger(ErrorPages.class);
        ListAppender<ILoggingEvent> appender = new ListAppender<>();
        appender.start();
        logger.addAppender(appender);
        try {
            Exception failure = new IllegalStateException("Error executing UPDATE: value 'secret@example.org' for company",
                new SQLSyntaxErrorException("Incorrect value 'secret@example.org' near 'Geheim GmbH'", "42000", 1064));
            answer(() -> errorPages.unexpected(HttpRequest.GET("/check/" + token + "/result"), failure));
            answer(() -> errorPages.unexpected(HttpRequest.POST("/mein-unternehmen/link/" + token, ""), new IllegalStateException("boom")));
        } finally {
            logger.detachAppender(appender);
        }
        assertThat(appender.list).hasSize(2);
        for (ILoggingEvent event : appender.list) {
            StringBuilder all = new StringBuilder(event.getFormattedMessage());
            for (IThrowableProxy t = event.getThrowableProxy(); t != null; t = t.getCause()) {
                all.append('\n').append(t.getClassName()).append(": ").append(t.getMessage());
            }
            assertThat(all.toString()).doesNotContain(token, "secret@example.org", "Geheim GmbH");
        }
        assertThat(appender.list.get(0).getFormattedMessage()).isEqualTo("Unexpected error on GET /check/…/result");
        assertThat(appender.list.get(0).getThrowableProxy().getCause().getMessage()).contains("SQLState 42000");
        assertThat(appender.list.get(1).getFormattedMessage()).isEqualTo("Unexpected error on POST /mein-unternehmen/link/…");
    }

    /** The log line is written first; the page after it needs a server's request (a client's cannot render it). */
    private static void answer(Runnable call) {
        try {
            call.run();
        } catch (UnsupportedOperationException e) {
            // rendering the error page from a client request object
        }
    }
}
