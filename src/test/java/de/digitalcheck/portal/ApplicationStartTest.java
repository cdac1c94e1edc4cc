package de.digitalcheck.portal;

import de.digitalcheck.portal.shared.config.OperatorDetails;
import de.digitalcheck.portal.shared.config.StartupProblem;
import io.micronaut.context.ApplicationContext;
import io.micronaut.context.exceptions.BeanInstantiationException;
import io.micronaut.runtime.server.EmbeddedServer;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TimeZone;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

/** A configuration the portal refuses is told in one line, found however deep the start wrapped it. */
class ApplicationStartTest {

    /**
     * H2 stores a timestamp as the wall time of the JVM's default zone: on a machine set to Europe/Berlin a lead of
     * 00:30 UTC was stored as 01:30, and the dashboard (which counts per UTC hour) put leads of Berlin's last hours
     * into the next day. The portal's start makes UTC the default zone first.
     */
    @Test
    void theProcessRunsInUtcSoThatH2StoresUtcTimes() throws SQLException {
        TimeZone before = TimeZone.getDefault();
        Instant at = Instant.parse("2026-12-06T23:30:00Z");
        try {
            TimeZone.setDefault(TimeZone.getTimeZone("Europe/Berlin"));
            org.h2.util.DateTimeUtils.resetCalendar();
            assertThat(storedByH2(at)).as("the JVM's zone as H2 uses it").isEqualTo("2026-12-07 00:30");
            Application.inUtc();
            org.h2.util.DateTimeUtils.resetCalendar();
            assertThat(TimeZone.getDefault().getID()).isEqualTo("UTC");
            assertThat(storedByH2(at)).isEqualTo("2026-12-06 23:30");
        } finally {
            TimeZone.setDefault(before);
            org.h2.util.DateTimeUtils.resetCalendar();
        }
    }

    /** The date and time H2 stores for {@code at}, bound as the portal binds it (a {@code java.sql.Timestamp}). */
    private static String storedByH2(Instant at) throws SQLException {
        try (Connection c = DriverManager.getConnection("jdbc:h2:mem:;MODE=MySQL")) {
            c.createStatement().execute("CREATE TABLE t (at DATETIME(3) NOT NULL)");
            try (PreparedStatement insert = c.prepareStatement("INSERT INTO t (at) VALUES (?)")) {
                insert.setTimestamp(1, Timestamp.from(at));
                insert.executeUpdate();
            }
            try (ResultSet rs = c.createStatement().executeQuery(
                "SELECT CAST(at AS DATE), HOUR(at), MINUTE(at) FROM t")) {
                rs.next();
                return rs.getString(1) + String.format(" %02d:%02d", rs.getInt(2), rs.getInt(3));
            }
        }
    }

    @Test
    void aStartupProblemIsOneLine() {
        Exception wrapped = new RuntimeException("Error starting", new BeanInstantiationException("bean failed",
            new StartupProblem("RATE_LIMIT_TRUST_FORWARDED=true needs the header your proxy sets")));
        assertThat(Application.problem(wrapped)).contains("RATE_LIMIT_TRUST_FORWARDED=true needs the header your proxy sets");
        assertThat(Application.problem(new IllegalStateException("something else"))).isEmpty();
    }

    /** A start without DB_URL or SESSION_SECRET: one line naming the variable and where it is documented. */
    @Test
    void aMissingRequiredVariableIsNamedInsteadOfAStackTrace() {
        Throwable noDatabase = catchThrowable(() -> ApplicationContext.run(EmbeddedServer.class,
            Map.of("datasources.default.url", "${DB_URL}"), "test").close());
        assertThat(Application.problem(noDatabase)).contains("the environment variable DB_URL is not set: the JDBC URL of "
            + "the MySQL 8 / MariaDB 10.11+ database, e.g. jdbc:mysql://db:3306/digitalcheck?connectionTimeZone=UTC"
            + "&forceConnectionTimeZoneToSession=true (see README, Configuration, and docs/operations.md)");
        Throwable noSecret = catchThrowable(() -> ApplicationContext.run(EmbeddedServer.class,
            Map.of("micronaut.security.token.jwt.signatures.secret.generator.secret", "${SESSION_SECRET}"), "test").close());
        assertThat(Application.problem(noSecret)).get().asString()
            .startsWith("the environment variable SESSION_SECRET is not set: the key (at least 32 characters")
            .doesNotContain("\n");
        Throwable shortSecret = catchThrowable(() -> ApplicationContext.run(EmbeddedServer.class,
            Map.of("micronaut.security.token.jwt.signatures.secret.generator.secret", "too-short"), "test").close());
        assertThat(Application.problem(shortSecret))
            .contains("SESSION_SECRET must have at least 32 characters, it has 9 (see README, Configuration)");
    }

    /** "ja" or "1" would be read as {@code false}: the wrong legal basis on a public page; the start stops instead. */
    @Test
    void aPublicBodyValueOtherThanTrueOrFalseStopsTheStart() {
        for (String value : List.of("ja", "1", "yes", " true")) {
            Throwable failed = catchThrowable(() -> ApplicationContext.run(EmbeddedServer.class,
                Map.of("portal.operator.public-body", value), "test").close());
            assertThat(Application.problem(failed)).as(value).contains(
                "OPERATOR_PUBLIC_BODY must be true or false, it is \"" + value + "\" (see docs/operations.md, Imprint "
                    + "and privacy notice)");
        }
        try (EmbeddedServer server = ApplicationContext.run(EmbeddedServer.class,
                Map.of("portal.operator.public-body", "TRUE"), "test")) {
            assertThat(server.getApplicationContext().getBean(OperatorDetails.class).publicBody()).isTrue();
        }
    }

    /** An accessibility statement that cannot be meant is not published: the start stops with what is wrong. */
    @Test
    void anAccessibilitySettingThatCannotBeMeantStopsTheStart() {
        Map<String, String> wrong = Map.of(
            "portal.accessibility.status", "ACCESSIBILITY_STATUS must be full, partial or none, it is \"teilweise\"",
            "portal.accessibility.assessed", "ACCESSIBILITY_ASSESSED must be a day as YYYY-MM-DD, it is \"20.11.2026\"",
            "portal.accessibility.enforcement-url", "ACCESSIBILITY_ENFORCEMENT_URL must be an https:// address, it is "
                + "\"http://schlichtung.example.org\"",
            "portal.accessibility.contact", "ACCESSIBILITY_CONTACT must be an e-mail address or an https:// address, it "
                + "is \"javascript:alert(1)\"");
        Map<String, String> values = Map.of("portal.accessibility.status", "teilweise",
            "portal.accessibility.assessed", "20.11.2026",
            "portal.accessibility.enforcement-url", "http://schlichtung.example.org",
            "portal.accessibility.contact", "javascript:alert(1)");
        wrong.forEach((property, message) -> {
            Throwable failed = catchThrowable(() -> ApplicationContext.run(EmbeddedServer.class,
                Map.of(property, values.get(property)), "test").close());
            assertThat(Application.problem(failed)).as(property)
                .contains(message + " (see docs/operations.md, Accessibility statement)");
        });
    }

    /** The chart's migration Job: {@code --migrate-only} applies the migrations and ends with 0, without a server. */
    @Test
    void migrateOnlyAppliesTheMigrationsAndEnds() throws SQLException {
        String url = "jdbc:h2:mem:migrate-only;MODE=MySQL;DATABASE_TO_LOWER=TRUE;CASE_INSENSITIVE_IDENTIFIERS=TRUE;DB_CLOSE_DELAY=-1";
        try (Connection keep = DriverManager.getConnection(url, "sa", "")) {
            assertThat(Application.migrateOnly(new String[] {"--datasources.default.url=" + url})).isZero();
            try (ResultSet rs = keep.createStatement().executeQuery(
                "SELECT COUNT(*), MIN(CAST(success AS INT)) FROM flyway_schema_history WHERE version IS NOT NULL")) {
                rs.next();
                assertThat(rs.getInt(1)).as("applied migrations").isGreaterThan(20);
                assertThat(rs.getInt(2)).as("all succeeded").isEqualTo(1);
            }
        }
        // a second run finds nothing to do and ends the same way
        assertThat(Application.migrateOnly(new String[] {"--datasources.default.url=" + url})).isZero();
        // without a database there is nothing to migrate: 1, not a server that waits
        assertThat(Application.migrateOnly(new String[] {"--datasources.default.url=jdbc:mysql://127.0.0.1:9/none"
            + "?connectTimeout=500", "--datasources.default.initialization-fail-timeout=1"})).isEqualTo(1);
    }
}
