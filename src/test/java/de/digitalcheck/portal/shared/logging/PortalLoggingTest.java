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

    /**
     * Micronaut Security logs a refused ID token with its claims (the person's email and name) and, elsewhere, tokens
     * as arguments: those lines are dropped, the library's others pass. The templates are read from the library's
     * classes, so that an upgrade which rewords them fails here instead of letting the claims through.
     */
    @Test
    void theSignInLibrarysLinesWithClaimsOrTokensAreLeftOut() throws Exception {
        String refused = "Nonce {} validation failed for claims {}";
        for (String library : new String[] {
            "io/micronaut/security/oauth2/endpoint/token/response/validation/DefaultReactiveOpenIdTokenResponseValidator.class",
            "io/micronaut/security/oauth2/endpoint/token/response/validation/DefaultOpenIdTokenResponseValidator.class"}) {
            try (InputStream in = getClass().getClassLoader().getResourceAsStream(library)) {
                assertThat(in).as(library).isNotNull();
                assertThat(new String(in.readAllBytes(), StandardCharsets.ISO_8859_1)).as(library).contains(refused);
            }
        }
        LoggerContext context = new LoggerContext();
        PortalLogging.apply(context);
        ch.qos.logback.core.read.ListAppender<ch.qos.logback.classic.spi.ILoggingEvent> log =
            new ch.qos.logback.core.read.ListAppender<>();
        log.setContext(context);
        log.start();
        context.getLogger(Logger.ROOT_LOGGER_NAME).addAppender(log);
        ch.qos.logback.classic.Logger validator = context.getLogger(
            "io.micronaut.security.oauth2.endpoint.token.response.validation.DefaultReactiveOpenIdTokenResponseValidator");
        validator.error(refused, "n-1", "{email=eve@example.org, name=Eve}");
        validator.error("JWT OpenID specific claims validation failed for provider [{}]", "oidc");
        context.getLogger("io.micronaut.security.token.jwt.generator.SignedRefreshTokenGenerator")
            .warn("Parse exception parsing refresh token {} into JWS Object", "eyJ.secret");
        context.getLogger("de.digitalcheck.portal.Some").warn("claims {}", "the portal's own line passes");
        assertThat(log.list).extracting(ch.qos.logback.classic.spi.ILoggingEvent::getFormattedMessage).containsExactly(
            "JWT OpenID specific claims validation failed for provider [oidc]", "claims the portal's own line passes");
    }
}
