package de.digitalcheck.portal.accounts;

import de.digitalcheck.portal.shared.security.Role;
import de.digitalcheck.portal.support.Http;
import de.digitalcheck.portal.support.OidcProvider;
import io.micronaut.json.JsonMapper;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.net.HttpCookie;
import java.net.URI;
import java.net.http.HttpResponse;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The whole OpenID Connect authorization-code flow against a real provider, and the directory's rules. */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SignInIntegrationTest implements TestPropertyProvider {

    final OidcProvider provider = new OidcProvider();

    @Inject
    EmbeddedServer server;
    @Inject
    JsonMapper json;
    @Inject
    AccountRows accounts;
    @Inject
    Accounts directory;

    @Override
    public Map<String, String> getProperties() {
        Map<String, String> properties = new java.util.HashMap<>(provider.portalProperties());
        properties.put("portal.sign-in.groups-claim", "groups");
        properties.put("portal.sign-in.group-roles.dc-en-coaches", "COACH:en-agentur");
        return properties;
    }

    @AfterAll
    void stopProvider() {
        provider.stop();
    }

    /**
     * A link into the workspace opened while signed out (a lead's mail) ends there after sign-in, not on the
     * workspace's start page; only a local workspace address is kept, and only one in the person's own workspace is
     * used.
     */
    @Test
    void aLinkOpenedSignedOutEndsOnItsPageAfterSignIn() {
        Http browser = new Http(server, json);
        String asked = "/agentur/leads?status=NEW&sort=oldest";
        HttpResponse<String> refused = browser.get(asked);
        assertThat(refused.statusCode()).isEqualTo(303);
        assertThat(refused.headers().firstValue("Location")).hasValue("/anmelden");
        assertThat(refused.headers().allValues("Set-Cookie")).anySatisfy(c -> assertThat(c)
            .startsWith("dc_return=").containsIgnoringCase("HttpOnly").contains("Max-Age=900", "SameSite=Lax"));
        provider.signIn(browser, "subject-do-staff", "staff@dortmund.example.org", true);
        HttpResponse<String> landing = browser.get("/workspace");
        assertThat(landing.headers().firstValue("Location")).hasValue(asked);
        assertThat(landing.headers().allValues("Set-Cookie")).as("used once")
            .anySatisfy(c -> assertThat(c).startsWith("dc_return=").contains("Max-Age=0"));
        assertThat(browser.get(asked).statusCode()).isEqualTo(200);
        assertThat(browser.get("/workspace").headers().firstValue("Location")).as("the next time: the start page")
            .hasValue("/agentur");

        // a coach following an agency page's link lands on the coach's start page, not on a 403
        Http coach = new Http(server, json);
        coach.get("/agentur/leads");
        provider.signIn(coach, "subject-do-coach", "coach@dortmund.example.org", true);
        assertThat(coach.get("/workspace").headers().firstValue("Location")).hasValue("/coach");

        // nothing but a workspace page asked for with GET is kept
        Http other = new Http(server, json);
        for (String path : new String[] {"/agentur//evil.example", "/workspace"}) {
            HttpResponse<String> answer = other.get(path);
            assertThat(answer.headers().allValues("Set-Cookie")).as(path)
                .noneSatisfy(c -> assertThat(c).startsWith("dc_return="));
        }
        assertThat(other.send("POST", "/agentur/leads/x/status").headers().allValues("Set-Cookie"))
            .noneSatisfy(c -> assertThat(c).startsWith("dc_return="));
        // a forged cookie pointing elsewhere is not followed
        other.cookies().getCookieStore().add(URI.create("http://localhost:" + server.getPort()),
            cookie("dc_return", "https%3A%2F%2Fevil.example%2Fagentur"));
        provider.signIn(other, "subject-do-staff", "staff@dortmund.example.org", true);
        assertThat(other.get("/workspace").headers().firstValue("Location")).hasValue("/agentur");
        // nor one that is no address at all ("%zz"): the start page, not a 500
        Http broken = new Http(server, json);
        broken.cookies().getCookieStore().add(URI.create("http://localhost:" + server.getPort()),
            cookie("dc_return", "%2Fagentur%2F%25zz"));
        provider.signIn(broken, "subject-do-staff", "staff@dortmund.example.org", true);
        HttpResponse<String> landing2 = broken.get("/workspace");
        assertThat(landing2.statusCode()).isEqualTo(303);
        assertThat(landing2.headers().firstValue("Location")).hasValue("/agentur");
    }

    private static HttpCookie cookie(String name, String value) {
        HttpCookie cookie = new HttpCookie(name, value);
        cookie.setPath("/");
        cookie.setVersion(0);
        return cookie;
    }

    @Test
    void anInvitedAdminSignsInBindsTheSubjectAndReachesTheAdminWorkspace() {
        Http browser = new Http(server, json);
        HttpResponse<String> afterCallback = provider.signIn(browser, "subject-admin-1", "admin@digitalcheck.example.org", true);
        assertThat(afterCallback.statusCode()).isBetween(300, 399);
        assertThat(afterCallback.headers().firstValue("Location")).contains("/workspace");
        assertThat(browser.cookie("JWT")).isPresent();
        assertThat(accounts.findByEmail("admin@digitalcheck.example.org")).get()
            .satisfies(a -> assertThat(a.subject()).isEqualTo("subject-admin-1"))
            .satisfies(a -> assertThat(a.issuer()).isEqualTo(provider.issuer()));

        HttpResponse<String> workspace = browser.get("/workspace");
        assertThat(workspace.headers().firstValue("Location")).contains("/admin");
        HttpResponse<String> admin = browser.get("/admin");
        assertThat(admin.statusCode()).isEqualTo(200);
        assertThat(admin.body()).contains("Netzwerkverwaltung", "EN-Agentur", "05954", "Angemeldet als Nora Netzwerk");

        // a second sign-in with the same subject but another email still finds the bound account
        Http again = new Http(server, json);
        provider.signIn(again, "subject-admin-1", "changed@example.org", true);
        assertThat(again.get("/admin").statusCode()).isEqualTo(200);
    }

    @Test
    void aStrangerIsToldHeIsNotInvitedAndGetsNoSession() {
        Http browser = new Http(server, json);
        HttpResponse<String> afterCallback = provider.signIn(browser, "stranger", "someone@example.org", true);
        assertThat(afterCallback.headers().firstValue("Location")).contains("/anmelden/abgelehnt");
        assertThat(browser.cookie("JWT")).isEmpty();
        assertThat(browser.get("/anmelden/abgelehnt").body()).contains("nicht freigeschaltet");
        assertThat(browser.get("/admin").headers().firstValue("Location")).contains("/anmelden");
    }

    /**
     * A disabled account that signs in as itself is told that its access is disabled and whom to ask — its agency (or
     * the network) when the agency disabled it, only the network when the network did or it belongs to no agency —,
     * in German and English. It was told that it had no invitation. Nothing of that reaches anyone else: another
     * identity with the account's email, an unverified email and a stranger read "not invited"; the pages are static
     * texts that name no account, and a query chooses nothing.
     */
    @Test
    void aDisabledAccountIsToldSoAndWhomToAsk() {
        String coachId = added("gesperrt-coach@en-agentur.example.org", Role.COACH, "en-agentur");
        Http coach = new Http(server, json);
        provider.signIn(coach, "subject-disabled-coach", "gesperrt-coach@en-agentur.example.org", true);
        assertThat(coach.get("/coach").statusCode()).isEqualTo(200);

        directory.setDisabled(coachId, true, "en-agentur");
        Http byAgency = new Http(server, json);
        HttpResponse<String> refused = provider.signIn(byAgency, "subject-disabled-coach", "anders@example.org", true);
        assertThat(refused.statusCode()).isEqualTo(303);
        assertThat(refused.headers().firstValue("Location")).hasValue("/anmelden/abgelehnt/gesperrt");
        assertThat(byAgency.cookie("JWT")).isEmpty();
        assertThat(byAgency.get("/coach").statusCode()).isEqualTo(303);
        String agencyPage = byAgency.get("/anmelden/abgelehnt/gesperrt").body();
        assertThat(agencyPage).contains("<title>Ihr Zugang ist gesperrt", "<h1 class=\"kern-heading-large\">Ihr Zugang ist gesperrt</h1>",
                "Ihr Zugang zum Portal ist gesperrt. Wieder freigeben können ihn die Mitarbeitenden Ihrer Wirtschaftsförderung",
                "oder die Netzwerkverwaltung")
            .doesNotContain("nicht freigeschaltet", "keine Einladung", "gesperrt-coach", "EN-Agentur");
        assertThat(byAgency.get("/anmelden/abgelehnt/gesperrt?lang=en").body())
            .contains("<html lang=\"en\"", "<title>Your access is disabled", "Your access is disabled</h1>",
                "The staff of your economic development agency who manage its team in the portal, or the network "
                    + "administration, can enable it again.")
            .doesNotContain("not activated", "no invitation", "Ihr Zugang");

        // the network disables it too: only the network gives it back
        directory.setDisabled(coachId, true, null);
        Http byNetwork = new Http(server, json);
        assertThat(provider.signIn(byNetwork, "subject-disabled-coach", "gesperrt-coach@en-agentur.example.org", true)
            .headers().firstValue("Location")).hasValue("/anmelden/abgelehnt/gesperrt-netzwerk");
        assertThat(byNetwork.cookie("JWT")).isEmpty();
        assertThat(byNetwork.get("/anmelden/abgelehnt/gesperrt-netzwerk").body())
            .contains("Ihr Zugang ist gesperrt</h1>", "die Netzwerkverwaltung hat Ihren Zugang zum Portal gesperrt. "
                + "Nur sie kann ihn wieder freigeben.")
            .doesNotContain("Mitarbeitenden Ihrer Wirtschaftsförderung", "keine Einladung");
        assertThat(byNetwork.get("/anmelden/abgelehnt/gesperrt-netzwerk?lang=en").body())
            .contains("the network administration has disabled your access to the portal. Only they can enable it again.");

        // a network admin (no agency) disabled by another
        String adminId = added("gesperrt-admin@digitalcheck.example.org", Role.NETWORK_ADMIN, null);
        provider.signIn(new Http(server, json), "subject-disabled-admin", "gesperrt-admin@digitalcheck.example.org", true);
        directory.setDisabled(adminId, true, null);
        assertThat(provider.signIn(new Http(server, json), "subject-disabled-admin", "x@example.org", true)
            .headers().firstValue("Location")).hasValue("/anmelden/abgelehnt/gesperrt-netzwerk");

        // an invitation the agency disabled before it was used: its addressee (verified email) is told so
        String invitedId = added("gesperrt-eingeladen@en-agentur.example.org", Role.AGENCY_STAFF, "en-agentur");
        directory.setDisabled(invitedId, true, "en-agentur");
        assertThat(provider.signIn(new Http(server, json), "subject-disabled-invitee",
            "gesperrt-eingeladen@en-agentur.example.org", true).headers().firstValue("Location"))
            .hasValue("/anmelden/abgelehnt/gesperrt");
        assertThat(accounts.findById(invitedId).orElseThrow().bound()).as("and it stays unused").isFalse();

        // nobody else learns the account's state
        for (String[] other : new String[][] {
            {"subject-other-identity", "gesperrt-coach@en-agentur.example.org", "true"},   // bound to another subject
            {"subject-unverified", "gesperrt-eingeladen@en-agentur.example.org", "false"}, // email not verified
            {"subject-nobody", "niemand@example.org", "true"}}) {                         // not in the directory
            Http browser = new Http(server, json);
            HttpResponse<String> answer = provider.signIn(browser, other[0], other[1], Boolean.parseBoolean(other[2]));
            assertThat(answer.headers().firstValue("Location")).as(other[0]).hasValue("/anmelden/abgelehnt");
            assertThat(browser.get("/anmelden/abgelehnt").body()).as(other[0])
                .contains("nicht freigeschaltet", "keine Einladung").doesNotContain("gesperrt");
        }
        // an anonymous visitor cannot make the not-invited page say anything else
        Http visitor = new Http(server, json);
        for (String query : new String[] {"?gesperrt", "?reason=disabled-by-agency", "?disabled=agency"}) {
            assertThat(visitor.get("/anmelden/abgelehnt" + query).body()).as(query)
                .contains("nicht freigeschaltet").doesNotContain("Ihr Zugang ist gesperrt");
        }
    }

    private String added(String email, Role role, String agencyId) {
        directory.addUnlessPresent(java.util.List.of(new Accounts.NewAccount(email, "Person " + role, role, agencyId)));
        return accounts.findByEmail(email).orElseThrow().id();
    }

    @Test
    void anUnverifiedEmailDoesNotBindAnInvitation() {
        Http browser = new Http(server, json);
        HttpResponse<String> afterCallback = provider.signIn(browser, "sneaky", "staff@en-agentur.example.org", false);
        assertThat(afterCallback.headers().firstValue("Location")).contains("/anmelden/abgelehnt");
        assertThat(accounts.findByEmail("staff@en-agentur.example.org")).get().satisfies(a -> assertThat(a.bound()).isFalse());
    }

    @Test
    void aCallbackWithAForgedStateIsRejected() {
        Http browser = new Http(server, json);
        String authorize = browser.get("/oauth/login/oidc").headers().firstValue("Location").orElseThrow();
        String callback = browser.getAbsolute(authorize).headers().firstValue("Location").orElseThrow();
        String forged = callback.replaceAll("state=[^&]+", "state=forged");
        java.net.URI back = java.net.URI.create(forged); // on the server under test (redirect_uri: portal.base-url)
        HttpResponse<String> response = browser.get(back.getRawPath() + "?" + back.getRawQuery());
        assertThat(browser.cookie("JWT")).isEmpty();
        assertThat(response.headers().firstValue("Location").orElse("")).doesNotContain("/workspace");
    }

    @Test
    void aTamperedSessionCookieIsWorthNothing() {
        Http browser = new Http(server, json);
        provider.signIn(browser, "subject-do-staff", "staff@dortmund.example.org", true);
        HttpCookie jwt = browser.cookies().getCookieStore().getCookies().stream()
            .filter(c -> c.getName().equals("JWT")).findFirst().orElseThrow();
        String[] parts = jwt.getValue().split("\\.");
        String payload = new String(java.util.Base64.getUrlDecoder().decode(parts[1]))
            .replace("AGENCY_STAFF", "NETWORK_ADMIN");
        String tampered = parts[0] + "." + java.util.Base64.getUrlEncoder().withoutPadding()
            .encodeToString(payload.getBytes()) + "." + parts[2];
        Http attacker = new Http(server, json);
        HttpCookie forged = new HttpCookie("JWT", tampered);
        forged.setPath("/");
        attacker.cookies().getCookieStore().add(URI.create(server.getURL().toString()), forged);
        HttpResponse<String> admin = attacker.get("/admin");
        assertThat(admin.statusCode()).isNotEqualTo(200);
        assertThat(admin.body()).doesNotContain("Netzwerkverwaltung</h1>");
    }

    @Test
    void staffSeeOnlyTheirOwnAgencyAndNoAdminPages() {
        Http browser = new Http(server, json);
        provider.signIn(browser, "subject-en-staff", "staff@en-agentur.example.org", true);
        assertThat(browser.get("/workspace").headers().firstValue("Location")).contains("/agentur");
        HttpResponse<String> agency = browser.get("/agentur");
        assertThat(agency.statusCode()).isEqualTo(200);
        assertThat(agency.body()).contains("EN-Agentur", "Carla Coach").doesNotContain("Dominik Coach", "Doris Dortmund");
        assertThat(browser.get("/admin").statusCode()).isEqualTo(403);
        assertThat(browser.get("/coach").statusCode()).isEqualTo(403);
    }

    @Test
    void signOutEndsTheSession() {
        Http browser = new Http(server, json);
        provider.signIn(browser, "subject-do-coach", "coach@dortmund.example.org", true);
        assertThat(browser.get("/coach").body()).contains("Dominik Coach", "Wirtschaftsförderung Dortmund");
        assertThat(browser.postForm("/abmelden", Map.of("_csrf", "forged")).statusCode()).isEqualTo(403);
        assertThat(browser.get("/coach").statusCode()).isEqualTo(200);
        HttpResponse<String> logout = browser.postForm("/abmelden", Map.of());
        assertThat(logout.statusCode()).isEqualTo(303);
        // the provider's session ends too: on to its end-session endpoint, and back to the portal
        assertThat(logout.headers().firstValue("Location")).get().asString()
            .startsWith(provider.server().endSessionEndpointUrl(OidcProvider.ISSUER_ID).toString())
            .contains("post_logout_redirect_uri=", "client_id=" + OidcProvider.CLIENT_ID);
        assertThat(browser.get("/coach").headers().firstValue("Location")).contains("/anmelden");
    }

    /**
     * Signing out ends the session in the portal, not only the cookie in this browser: a copy of the session cookie
     * (another tab's, a shared computer's, a stolen one) is refused at its next request; signing in again starts a
     * session that works. (It once stayed valid for the rest of its eight hours.)
     */
    @Test
    void aCopiedSessionCookieEndsWithTheSignOut() {
        Http browser = new Http(server, json);
        provider.signIn(browser, "subject-do-staff", "staff@dortmund.example.org", true);
        String session = browser.cookie("JWT").orElseThrow();
        Http copy = new Http(server, json);
        copy.cookies().getCookieStore().add(URI.create("http://localhost:" + server.getPort()), cookie(session));
        assertThat(copy.get("/agentur").statusCode()).as("the copy works while signed in").isEqualTo(200);

        assertThat(browser.postForm("/abmelden", Map.of()).statusCode()).isEqualTo(303);
        HttpResponse<String> refused = copy.get("/agentur");
        assertThat(refused.statusCode()).as("the copy after the sign-out").isEqualTo(303);
        assertThat(refused.headers().firstValue("Location")).contains("/anmelden");
        assertThat(refused.headers().allValues("Set-Cookie")).anySatisfy(c -> assertThat(c).startsWith("JWT=;"));

        Http again = new Http(server, json);
        provider.signIn(again, "subject-do-staff", "staff@dortmund.example.org", true);
        assertThat(again.get("/agentur").statusCode()).as("a new sign-in works").isEqualTo(200);
        assertThat(copy.get("/agentur").statusCode()).as("the old session stays ended").isEqualTo(303);
    }

    private static java.net.HttpCookie cookie(String value) {
        java.net.HttpCookie c = new java.net.HttpCookie("JWT", value);
        c.setPath("/");
        c.setVersion(0);
        return c;
    }

    @Test
    void aMappedProviderGroupAddsTheUserWithItsRole() {
        Http browser = new Http(server, json);
        HttpResponse<String> callback = provider.signIn(browser, "group-coach", Map.of("email", "Gruppen.Coach@example.org",
            "email_verified", true, "name", "Gerd Gruppe", "groups", java.util.List.of("staff", "dc-en-coaches")));
        assertThat(callback.headers().firstValue("Location")).contains("/workspace");
        assertThat(browser.get("/coach").body()).contains("Gerd Gruppe", "EN-Agentur");
        assertThat(accounts.findByEmail("gruppen.coach@example.org")).get()
            .satisfies(a -> assertThat(a.role()).isEqualTo(Role.COACH))
            .satisfies(a -> assertThat(a.agencyId()).isEqualTo("en-agentur"));

        Http other = new Http(server, json);
        HttpResponse<String> refused = provider.signIn(other, "group-stranger", Map.of("email", "fremd@example.org",
            "email_verified", true, "groups", java.util.List.of("staff")));
        assertThat(refused.headers().firstValue("Location")).contains("/anmelden/abgelehnt");
        Http unverified = new Http(server, json);
        HttpResponse<String> notVerified = provider.signIn(unverified, "group-unverified", Map.of("email", "unverified@example.org",
            "email_verified", false, "groups", java.util.List.of("dc-en-coaches")));
        assertThat(notVerified.headers().firstValue("Location")).contains("/anmelden/abgelehnt");
    }

    @Test
    void anIdTokenWithAForeignNonceOrIssuerIsRejected() {
        // control: the same sign-in without a forged claim succeeds (a new user of a mapped group)
        Http control = new Http(server, json);
        provider.signIn(control, "forgery-control", Map.of("email", "control@example.org", "email_verified", true,
            "groups", java.util.List.of("dc-en-coaches")));
        assertThat(control.cookie("JWT")).isPresent();
        for (Map.Entry<String, Object> forged : Map.<String, Object>of("nonce", "replayed-nonce",
            "iss", "https://evil.example.org/issuer").entrySet()) {
            Http browser = new Http(server, json);
            String email = "forged-" + forged.getKey() + "@example.org";
            HttpResponse<String> callback = provider.signIn(browser, "forgery-" + forged.getKey(), Map.of(
                "email", email, "email_verified", true, "groups", java.util.List.of("dc-en-coaches"),
                forged.getKey(), forged.getValue()));
            assertThat(browser.cookie("JWT")).as("session despite forged " + forged.getKey()).isEmpty();
            assertThat(callback.headers().firstValue("Location").orElse("")).doesNotContain("/workspace");
            assertThat(accounts.findByEmail(email)).as("account for forged " + forged.getKey()).isEmpty();
        }
    }

    /**
     * A bearer token sent to the portal (an agency's API token, a guess, a JWT without issuer) is checked by the portal
     * alone: it never goes on to the sign-in provider (Micronaut's UserInfo validator would send every token the
     * portal cannot attribute to the provider's {@code /userinfo}: the agencies' CRM tokens to Keycloak, and a request
     * to the provider for anyone's every request). A signed-in session still works.
     */
    @Test
    void bearerTokensAreNeverSentToTheProvider() {
        Http browser = new Http(server, json);
        provider.signIn(browser, "subject-admin-1", "admin@digitalcheck.example.org", true);
        drainProviderRequests();
        Http client = new Http(server, json);
        String jwtWithoutIssuer = "eyJhbGciOiJub25lIn0.eyJzdWIiOiJ4In0.";
        for (String token : new String[] {"dc_pat_" + "A".repeat(43), "opaque-token-123", jwtWithoutIssuer}) {
            for (String path : new String[] {"/api/v1/agencies", "/api/v1/agency/leads", "/agentur"}) {
                int status = client.get(path, "Authorization", "Bearer " + token).statusCode();
                assertThat(status).as(path + " with " + token).isNotEqualTo(500);
            }
        }
        assertThat(client.get("/api/v1/agency/leads", "Authorization", "Bearer opaque-token-123").statusCode())
            .isEqualTo(401);
        assertThat(browser.get("/admin").statusCode()).as("the session still works").isEqualTo(200);
        assertThat(drainProviderRequests()).as("requests the portal sent to the provider")
            .noneMatch(path -> path.contains("userinfo")).isEmpty();
    }

    private java.util.List<String> drainProviderRequests() {
        java.util.List<String> paths = new java.util.ArrayList<>();
        while (true) {
            okhttp3.mockwebserver.RecordedRequest request;
            try {
                request = provider.server().takeRequest(200, java.util.concurrent.TimeUnit.MILLISECONDS);
            } catch (RuntimeException none) {
                return paths;
            }
            if (request == null) {
                return paths;
            }
            paths.add(request.getPath());
        }
    }
}
