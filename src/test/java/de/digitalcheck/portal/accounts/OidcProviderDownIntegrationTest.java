package de.digitalcheck.portal.accounts;

import de.digitalcheck.portal.support.Http;
import de.digitalcheck.portal.support.OidcStandIn;
import de.digitalcheck.portal.support.SignedInTests;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;
import java.util.HashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The sign-in provider down when the portal starts and when someone presses "sign in": the portal starts all the same
 * (nothing but sign-in needs the provider), the button leads back to the sign-in page, which says that the sign-in
 * service did not answer, and once the provider is back signing in works without a restart.
 */
@MicronautTest(transactional = false)
class OidcProviderDownIntegrationTest extends SignedInTests {

    private final OidcStandIn standIn = new OidcStandIn(provider);

    {
        standIn.discoveryDown(true);
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
