package de.digitalcheck.portal.accounts;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import de.digitalcheck.portal.support.Http;
import de.digitalcheck.portal.support.OidcStandIn;
import de.digitalcheck.portal.support.SignedInTests;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

import java.net.http.HttpResponse;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The sign-in provider down when the portal starts and when someone presses "sign in": the portal starts all the same
 * (nothing but sign-in needs the provider), the button leads back to the sign-in page, which says that the sign-in
 * service did not answer, and once the provider is back signing in works without a restart. The outage is logged once,
 * as one error line without a stack, and its end as one line; Micronaut Security's fetcher logged an error with the
 * HTTP client's whole stack at start (three times) and at every attempt to fetch the metadata again.
 */
@MicronautTest(transactional = false)
class OidcProviderDownIntegrationTest extends SignedInTests {

    private final OidcStandIn standIn = new OidcStandIn(provider);

    /** The fetch of the provider's metadata, which logs its outage. */
    private static final String DISCOVERY = "de.digitalcheck.portal.shared.web.SignInProviderDiscovery";
    /** Micronaut Security's own fetcher, which logged every failed fetch with its stack. */
    private static final String MICRONAUT_FETCHER =
        "io.micronaut.security.oauth2.client.DefaultOpenIdProviderMetadataFetcher";

    /** Everything logged from before the portal starts (its first fetch of the metadata is at start). */
    private final ListAppender<ILoggingEvent> logged = new ListAppender<>();
    private final Level discoveryLevel;

    {
        standIn.discoveryDown(true);
        Logger discovery = (Logger) LoggerFactory.getLogger(DISCOVERY);
        discoveryLevel = discovery.getLevel();
        discovery.setLevel(Level.DEBUG); // the tests' logging shows WARN and up: here its attempts and its end too
        logged.start();
        ((Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME)).addAppender(logged);
    }

    @Override
    public Map<String, String> getProperties() {
        Map<String, String> properties = new HashMap<>(super.getProperties());
        properties.put("micronaut.security.oauth2.clients.oidc.openid.issuer", standIn.issuer());
        properties.put("portal.oidc.metadata-retry", "1s");
        return properties;
    }

    @AfterAll
    void stopStandIn() {
        ((Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME)).detachAppender(logged);
        ((Logger) LoggerFactory.getLogger(DISCOVERY)).setLevel(discoveryLevel);
        standIn.stop();
    }

    @Test
    void signingInWhileTheProviderIsDownSaysSoAndWorksOnceItIsBack() {
        Http http = new Http(server, json);
        assertThat(http.get("/").statusCode()).as("the portal serves its pages").isEqualTo(200);

        HttpResponse<String> login = http.get("/oauth/login/oidc");
        assertThat(login.statusCode()).as(login.body()).isEqualTo(303);
        assertThat(login.headers().firstValue("Location")).hasValue("/anmelden");
        assertThat(http.get("/anmelden").body()).contains("role=\"alert\"", "Der Anmeldedienst hat nicht geantwortet");

        assertThat(http.get("/anmelden").body()).as("said once").doesNotContain("nicht geantwortet");
        assertThat(http.get("/oauth/login/oidc").headers().firstValue("Location")).as("still down")
            .hasValue("/anmelden");
        // fetched again in the background (here every second) while it is down: nothing more logged than that it is
        int before = events(DISCOVERY, Level.DEBUG).size();
        long attempts = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(20);
        while (events(DISCOVERY, Level.DEBUG).size() < before + 2 && System.nanoTime() < attempts) {
            sleep();
        }
        assertThat(events(DISCOVERY, Level.DEBUG)).as("each further attempt, at DEBUG only")
            .hasSizeGreaterThanOrEqualTo(before + 2)
            .allSatisfy(e -> assertThat(e.getFormattedMessage())
                .isEqualTo("Sign-in provider oidc still unavailable (ResponseClosedException)"));
        assertThat(events(DISCOVERY, Level.ERROR)).as("the outage: one error line, its reason, no stack")
            .singleElement().satisfies(e -> {
                assertThat(e.getFormattedMessage()).isEqualTo("Sign-in provider oidc unavailable: its metadata"
                    + " could not be fetched (ResponseClosedException); nobody can sign in until it answers, it is"
                    + " asked again in the background");
                assertThat(e.getThrowableProxy()).isNull();
            });
        assertThat(events(MICRONAUT_FETCHER, Level.TRACE)).as("Micronaut's fetcher, which logged a stack each time")
            .isEmpty();
        assertThat(snapshot()).as("no stack logged for the outage").allSatisfy(e ->
            assertThat(e.getThrowableProxy()).as(e.getLoggerName() + ": " + e.getFormattedMessage()).isNull());
        assertThat(events(DISCOVERY, Level.INFO)).as("not back yet").isEmpty();

        standIn.discoveryDown(false);
        // fetched again in the background (here every second), not only at the next start
        long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(20);
        while (!http.get("/oauth/login/oidc").headers().firstValue("Location").orElse("").startsWith(provider.issuer())
            && System.nanoTime() < deadline) {
            sleep();
        }
        HttpResponse<String> signedIn = provider.signIn(http, "provider-down-staff", "staff@en-agentur.example.org", true);
        assertThat(http.get("/agentur").statusCode()).as("signed in once the provider is back: " + signedIn.statusCode())
            .isEqualTo(200);
        assertThat(events(DISCOVERY, Level.INFO)).as("the outage's end: one line").singleElement()
            .satisfies(e -> assertThat(e.getFormattedMessage()).matches("Sign-in provider oidc available again after"
                + " \\d+ s: its metadata has been fetched, signing in works again"));
        assertThat(events(DISCOVERY, Level.ERROR)).as("still the one error line").hasSize(1);
        assertThat(events(MICRONAUT_FETCHER, Level.TRACE)).isEmpty();
    }

    /** The events of this logger at exactly this level so far. */
    private List<ILoggingEvent> events(String logger, Level level) {
        return snapshot().stream().filter(e -> e.getLoggerName().equals(logger)
            && (level == Level.TRACE || e.getLevel().equals(level))).toList();
    }

    private List<ILoggingEvent> snapshot() {
        synchronized (logged) {
            return List.copyOf(logged.list);
        }
    }

    private static void sleep() {
        try {
            Thread.sleep(200);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
