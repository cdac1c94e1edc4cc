package de.digitalcheck.portal.accounts;

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
import java.net.http.HttpResponse;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A session that ended because the directory changed stays ended: a copy of its cookie (kept from before, as an
 * attacker with a stolen cookie or a forgotten browser tab has it) does not work again once the account is enabled
 * again or moved back to its old role and agency, where the cookie's role and agency would match once more. A new
 * sign-in works.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SessionCopyAfterReturnIntegrationTest implements TestPropertyProvider {

    final OidcProvider provider = new OidcProvider();

    @Inject
    EmbeddedServer server;
    @Inject
    JsonMapper json;
    @Inject
    AccountRows accounts;

    @Override
    public Map<String, String> getProperties() {
        return provider.portalProperties();
    }

    @AfterAll
    void stopProvider() {
        provider.stop();
    }

    Http admin() {
        Http admin = new Http(server, json);
        provider.signIn(admin, "copy-admin", "admin@digitalcheck.example.org", true);
        assertThat(admin.get("/admin").statusCode()).isEqualTo(200);
        return admin;
    }

    String invite(Http admin, String email, String role, String agency) {
        assertThat(admin.postForm("/admin/einladungen", Map.of("email", email, "name", "Person " + role, "role", role,
            "agencyId", agency)).statusCode()).isEqualTo(303);
        return accounts.findByEmail(email).orElseThrow().id();
    }

    static String sessionCookie(Http browser) {
        return browser.cookies().getCookieStore().getCookies().stream().filter(c -> c.getName().equals("JWT"))
            .map(HttpCookie::getValue).findFirst().orElseThrow();
    }

    static HttpResponse<String> withCopy(Http other, String path, String cookie) {
        return other.get(path, "Cookie", "JWT=" + cookie);
    }

    @Test
    void aCopiedCookieFromBeforeADisablingDoesNotWorkAfterTheAccountIsEnabledAgain() {
        Http admin = admin();
        String id = invite(admin, "kopie-gesperrt@en-agentur.example.org", "AGENCY_STAFF", "en-agentur");
        Http staff = new Http(server, json);
        provider.signIn(staff, "copy-staff", "kopie-gesperrt@en-agentur.example.org", true);
        String copy = sessionCookie(staff);
        Http thief = new Http(server, json);
        assertThat(withCopy(thief, "/agentur", copy).statusCode()).as("the copy works while the account is active")
            .isEqualTo(200);

        assertThat(admin.postForm("/admin/konten/" + id + "/sperren", Map.of()).statusCode()).isEqualTo(303);
        assertThat(withCopy(thief, "/agentur", copy).statusCode()).isEqualTo(303);
        assertThat(admin.postForm("/admin/konten/" + id + "/freigeben", Map.of()).statusCode()).isEqualTo(303);

        HttpResponse<String> again = withCopy(thief, "/agentur", copy);
        assertThat(again.statusCode()).as("the old session stays ended").isEqualTo(303);
        assertThat(again.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).startsWith("/anmelden"));
        assertThat(staff.get("/agentur").statusCode()).as("the person's own old cookie too").isEqualTo(303);

        Http back = new Http(server, json);
        provider.signIn(back, "copy-staff", "kopie-gesperrt@en-agentur.example.org", true);
        assertThat(back.get("/agentur").statusCode()).as("a new sign-in works").isEqualTo(200);
    }

    @Test
    void aCopiedCookieFromBeforeAMoveDoesNotWorkAfterThePersonIsMovedBack() {
        Http admin = admin();
        String id = invite(admin, "kopie-umzug@en-agentur.example.org", "AGENCY_STAFF", "en-agentur");
        Http staff = new Http(server, json);
        provider.signIn(staff, "copy-mover", "kopie-umzug@en-agentur.example.org", true);
        String copy = sessionCookie(staff);
        Http thief = new Http(server, json);
        assertThat(withCopy(thief, "/agentur", copy).statusCode()).isEqualTo(200);

        assertThat(admin.postForm("/admin/konten/" + id + "/rolle", Map.of("role", "AGENCY_STAFF", "agencyId",
            "wf-dortmund")).statusCode()).isEqualTo(303);
        assertThat(withCopy(thief, "/agentur", copy).statusCode()).isEqualTo(303);
        assertThat(admin.postForm("/admin/konten/" + id + "/rolle", Map.of("role", "AGENCY_STAFF", "agencyId",
            "en-agentur")).statusCode()).isEqualTo(303);

        assertThat(withCopy(thief, "/agentur", copy).statusCode()).as("the old session stays ended").isEqualTo(303);
        Http back = new Http(server, json);
        provider.signIn(back, "copy-mover", "kopie-umzug@en-agentur.example.org", true);
        assertThat(back.get("/agentur").statusCode()).isEqualTo(200);
    }

    @Test
    void anUnchangedRoleFormKeepsTheSession() {
        Http admin = admin();
        String id = invite(admin, "kopie-bleibt@en-agentur.example.org", "AGENCY_STAFF", "en-agentur");
        Http staff = new Http(server, json);
        provider.signIn(staff, "copy-stays", "kopie-bleibt@en-agentur.example.org", true);
        assertThat(admin.postForm("/admin/konten/" + id + "/rolle", Map.of("role", "AGENCY_STAFF", "agencyId",
            "en-agentur")).statusCode()).isEqualTo(303);
        assertThat(staff.get("/agentur").statusCode()).as("nothing changed: the session goes on").isEqualTo(200);
    }
}
