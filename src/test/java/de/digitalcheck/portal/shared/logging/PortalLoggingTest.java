package de.digitalcheck.portal.shared.logging;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.PatternLayout;
import ch.qos.logback.classic.spi.LoggingEvent;
import ch.qos.logback.classic.spi.Configurator;
import ch.qos.logback.core.ConsoleAppender;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

class PortalLoggingTest {

    @Test
    void logsInfoToStandardOutputAndOnlyWarningsOfFlywayAndHikari() {
        LoggerContext context = new LoggerContext();
        PortalLogging.apply(context);
        ch.qos.logback.classic.Logger root = context.getLogger(Logger.ROOT_LOGGER_NAME);
        assertThat(root.getLevel()).isEqualTo(Level.INFO);
        assertThat(root.getAppender("STDOUT")).isInstanceOf(ConsoleAppender.class);
        assertThat(root.getAppender("STDOUT").isStarted()).isTrue();
        assertThat(context.getLogger("org.flywaydb.core.Flyway").getEffectiveLevel()).isEqualTo(Level.WARN);
        assertThat(context.getLogger("com.zaxxer.hikari.pool.HikariPool").getEffectiveLevel()).isEqualTo(Level.WARN);
        assertThat(context.getLogger("de.digitalcheck.portal").getEffectiveLevel()).isEqualTo(Level.INFO);
    }

    @Test
    void isRegisteredAsLogbacksConfiguratorButLeavesTestsTheirOwnConfiguration() throws Exception {
        try (InputStream in = getClass().getResourceAsStream("/META-INF/services/" + Configurator.class.getName())) {
            assertThat(new String(in.readAllBytes(), StandardCharsets.UTF_8).strip()).isEqualTo(PortalLogging.class.getName());
        }
        // the test class path has logback-test.xml: the portal's configurator steps aside
        assertThat(new PortalLogging().configure(new LoggerContext())).isEqualTo(Configurator.ExecutionStatus.INVOKE_NEXT_IF_ANY);
    }

    @Test
    void theLayoutWritesWhatPatternLayoutWritesForThePattern() {
        LoggerContext context = new LoggerContext();
        PatternLayout reference = new PatternLayout();
        reference.setContext(context);
        reference.setPattern(PortalLogging.PATTERN);
        reference.start();
        PortalLogging.Layout layout = new PortalLogging.Layout();
        layout.setContext(context);
        layout.start();
        IllegalStateException failure = new IllegalStateException("outer", new IllegalArgumentException("inner"));
        failure.addSuppressed(new RuntimeException("suppressed"));
        ch.qos.logback.classic.Logger shortName = context.getLogger("de.digitalcheck.portal.Application");
        ch.qos.logback.classic.Logger longName = context.getLogger(
            "de.digitalcheck.portal.accounts.company.web.SomeRatherLongControllerNameForAbbreviation");
        for (LoggingEvent event : new LoggingEvent[] {
            new LoggingEvent("fqcn", shortName, Level.INFO, "Startup completed in {}ms", null, new Object[] {1234}),
            new LoggingEvent("fqcn", longName, Level.WARN, "plain message", null, null),
            new LoggingEvent("fqcn", context.getLogger("x"), Level.DEBUG, "short logger", null, null),
            new LoggingEvent("fqcn", longName, Level.ERROR, "failed: {}", failure, new Object[] {"reason"})}) {
            assertThat(layout.doLayout(event)).isEqualTo(reference.doLayout(event));
        }
    }
}
