package de.digitalcheck.portal.accounts;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.IThrowableProxy;
import ch.qos.logback.core.read.ListAppender;
import de.digitalcheck.portal.support.Http;
import de.digitalcheck.portal.support.OidcStandIn;
import de.digitalcheck.portal.support.SignedInTests;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.slf4j.LoggerFactory;

import java.net.URI;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The provider's token endpoint refusing the callback's code: Keycloak answers a code used already or expired with
 * {@code 400 {"error":"invalid_grant",…}}. mock-oauth2-server issues a token for any code, so a stand-in sits between
 * the portal and it: it serves the provider's discovery document with its own token endpoint, passes token requests on
 * to the provider, or refuses them as Keycloak does. The person lands on the sign-in page, which says that signing in
 * was not completed (or, already signed in, on their workspace) — not on a 500, a blank 401 or the general error page —
 * and neither the code nor the provider's description of it is logged.
 */
@MicronautTest(transactional = false)
class OidcTokenRefusedIntegrationTest extends SignedInTests {

    private final OidcStandIn standIn = new OidcStandIn(provider);

    @Override
    public Map<String, String> getProperties() {
        Map<String, String> properties = new java.util.HashMap<>(super.getProperties());
        properties.put("micronaut.security.oauth2.clients.oidc.openid.issuer", standIn.issuer());
        return properties;
    }

    @AfterAll
    void stopStandIn() {
        standIn.stop();
    }

    @Test
    void aCodeTheProviderRefusesLeadsBackToTheSignInPageWhichSaysSo() {
        Http http = new Http(server, json);
        provider.nextUser("token-refused-nobody", Map.of("email", "token-refused@example.org", "email_verified", true,
            "name", "Tanja Refused"));
        String callback = callbackOf(http);
        String code = URI.create("http://localhost" + callback).getQuery().replaceAll(".*code=([^&]+).*", "$1");

        List<ILoggingEvent> logged = logged(() -> {
            standIn.token(OidcStandIn.Token.REFUSE);
            HttpResponse<String> answer = http.get(callback);
            assertThat(standIn.takeNotPassed()).as("the token endpoint was asked for this code and refused it")
                .singleElement().asString().contains("grant_type=authorization_code", "code=" + code);
            assertThat(answer.statusCode()).as(answer.body()).isEqualTo(303);
            assertThat(answer.headers().firstValue("Location")).hasValue("/anmelden");
        });
        assertThat(http.get("/anmelden").body()).contains("role=\"alert\"", "Die Anmeldung wurde nicht abgeschlossen");
        assertThat(http.get("/anmelden").body()).as("said once").doesNotContain("nicht abgeschlossen");
        assertThat(http.get("/agentur").headers().firstValue("Location")).as("not signed in").hasValue("/anmelden");
        assertThat(logged).as("the refusal is logged, as a warning, with the provider's error code").anySatisfy(e -> {
            assertThat(e.getLevel()).isEqualTo(ch.qos.logback.classic.Level.WARN);
            assertThat(e.getFormattedMessage()).isEqualTo("Sign-in not completed on GET /oauth/callback/oidc "
                + "(token request refused: 400 invalid_grant): back to the sign-in page");
        });
        assertThat(logged).noneSatisfy(e -> assertThat(e.getLevel()).isEqualTo(ch.qos.logback.classic.Level.ERROR));
        for (ILoggingEvent event : logged) {
            assertThat(text(event)).as(event.getLoggerName())
                .doesNotContain(code, "token-refused@example.org", "Tanja Refused", "Code not valid");
        }
    }

    /** Refused (400) or failing (503): someone signed in already goes on to the workspace, still signed in. */
    @ParameterizedTest
    @EnumSource(value = OidcStandIn.Token.class, names = {"REFUSE", "FAIL"})
    void aCodeTheProviderRefusesOrFailsWhileSignedInLeadsOnToTheWorkspace(OidcStandIn.Token answer) {
        Http http = as("token-refused-staff", "staff@en-agentur.example.org");
        assertThat(http.get("/agentur").statusCode()).isEqualTo(200);
        provider.nextUser("token-refused-staff", Map.of("email", "staff@en-agentur.example.org",
            "email_verified", true, "name", "token-refused-staff"));
        String callback = callbackOf(http);
        standIn.token(answer);
        try {
            HttpResponse<String> back = http.get(callback);
            assertThat(standIn.takeNotPassed()).as("the token endpoint did not pass the code on").hasSize(1);
            assertThat(back.statusCode()).as(back.body()).isEqualTo(303);
            assertThat(back.headers().firstValue("Location")).hasValue("/workspace");
        } finally {
            standIn.token(OidcStandIn.Token.PASS);
        }
        assertThat(http.get("/agentur").statusCode()).as("still signed in").isEqualTo(200);
    }

    @Test
    void aTokenEndpointThatDoesNotAnswerLeadsBackToTheSignInPageWhichSaysTheServiceDidNotAnswer() {
        Http http = new Http(server, json);
        provider.nextUser("token-dropped-nobody", Map.of("email", "token-dropped@example.org", "email_verified", true,
            "name", "Tom Dropped"));
        String callback = callbackOf(http);
        String code = URI.create("http://localhost" + callback).getQuery().replaceAll(".*code=([^&]+).*", "$1");

        List<ILoggingEvent> logged = logged(() -> {
            standIn.token(OidcStandIn.Token.DROP);
            try {
                HttpResponse<String> answer = http.get(callback);
                assertThat(standIn.takeNotPassed()).as("the token endpoint was asked and gave no answer").isNotEmpty();
                assertThat(answer.statusCode()).as(answer.body()).isEqualTo(303);
                assertThat(answer.headers().firstValue("Location")).hasValue("/anmelden");
            } finally {
                standIn.token(OidcStandIn.Token.PASS);
            }
        });
        String page = http.get("/anmelden").body();
        assertThat(page).contains("role=\"alert\"", "Der Anmeldedienst hat nicht geantwortet")
            .as("not the note of a refused or cancelled sign-in").doesNotContain("abgebrochen");
        assertThat(http.get("/anmelden").body()).as("said once").doesNotContain("nicht geantwortet");
        assertThat(http.get("/agentur").headers().firstValue("Location")).as("not signed in").hasValue("/anmelden");
        assertThat(logged).as("an outage of the provider is the operator's to know: an error, without a stack")
            .anySatisfy(e -> {
                assertThat(e.getLevel()).isEqualTo(ch.qos.logback.classic.Level.ERROR);
                assertThat(e.getFormattedMessage()).startsWith("Sign-in provider did not answer on GET /oauth/callback/oidc (");
                assertThat(e.getThrowableProxy()).isNull();
            });
        for (ILoggingEvent event : logged) {
            assertThat(text(event)).as(event.getLoggerName()).doesNotContain(code, "token-dropped@example.org", "Tom Dropped");
        }
    }

    /**
     * The token endpoint answering {@code 503} (a provider down behind its proxy) is an outage, as one that does not
     * answer at all, not a refused code: the person is told the sign-in service did not answer (it was "not
     * completed"), and the operator gets the outage's one error line with the status, not the warning of a refusal
     * (it was {@code WARN Sign-in not completed … (token request refused: 503 no OAuth error code)}) — without a stack,
     * the code, the provider's page or the person.
     */
    @Test
    void aTokenEndpointAnsweringWithAServerErrorIsAnOutageNotARefusal() {
        Http http = new Http(server, json);
        provider.nextUser("token-failed-nobody", Map.of("email", "token-failed@example.org", "email_verified", true,
            "name", "Fritz Failed"));
        String callback = callbackOf(http);
        String code = URI.create("http://localhost" + callback).getQuery().replaceAll(".*code=([^&]+).*", "$1");

        List<ILoggingEvent> logged = logged(() -> {
            standIn.token(OidcStandIn.Token.FAIL);
            try {
                HttpResponse<String> answer = http.get(callback);
                assertThat(standIn.takeNotPassed()).as("the token endpoint was asked and answered 503").hasSize(1);
                assertThat(answer.statusCode()).as(answer.body()).isEqualTo(303);
                assertThat(answer.headers().firstValue("Location")).hasValue("/anmelden");
            } finally {
                standIn.token(OidcStandIn.Token.PASS);
            }
        });
        String page = http.get("/anmelden").body();
        assertThat(page).contains("role=\"alert\"", "Der Anmeldedienst hat nicht geantwortet")
            .as("not the note of a refused sign-in").doesNotContain("Sie wurde beim Anmeldedienst abgebrochen");
        assertThat(http.get("/agentur").headers().firstValue("Location")).as("not signed in").hasValue("/anmelden");
        assertThat(logged.stream().filter(e -> e.getLevel().isGreaterOrEqual(ch.qos.logback.classic.Level.WARN)))
            .as("one line: the outage, an error without a stack, naming the status")
            .singleElement().satisfies(e -> {
                assertThat(e.getLevel()).isEqualTo(ch.qos.logback.classic.Level.ERROR);
                assertThat(e.getFormattedMessage()).isEqualTo("Sign-in provider did not answer on GET "
                    + "/oauth/callback/oidc (token request answered 503): back to the sign-in page");
                assertThat(e.getThrowableProxy()).isNull();
            });
        for (ILoggingEvent event : logged) {
            assertThat(text(event)).as(event.getLoggerName())
                .doesNotContain(code, "token-failed@example.org", "Fritz Failed", "maintenance");
        }
    }

    /** The portal's callback address (path and query) the provider sends the browser to, not yet followed. */
    private String callbackOf(Http http) {
        standIn.token(OidcStandIn.Token.PASS);
        String authorize = http.get("/oauth/login/oidc").headers().firstValue("Location").orElseThrow();
        URI back = URI.create(http.getAbsolute(authorize).headers().firstValue("Location").orElseThrow());
        return back.getRawPath() + "?" + back.getRawQuery();
    }

    /** Every event any logger wrote while the action ran. */
    private static List<ILoggingEvent> logged(Runnable action) {
        Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        ListAppender<ILoggingEvent> appender = new ListAppender<>();
        appender.start();
        root.addAppender(appender);
        try {
            action.run();
        } finally {
            root.detachAppender(appender);
        }
        return List.copyOf(appender.list);
    }

    private static String text(ILoggingEvent event) {
        StringBuilder all = new StringBuilder(event.getFormattedMessage());
        for (IThrowableProxy t = event.getThrowableProxy(); t != null; t = t.getCause()) {
            all.append('\n').append(t.getClassName()).append(": ").append(t.getMessage());
        }
        return all.toString();
    }
}
