package de.digitalcheck.portal.shared.web;

import de.digitalcheck.portal.support.Database;
import de.digitalcheck.portal.support.Http;
import de.digitalcheck.portal.support.OidcProvider;
import io.micronaut.test.support.TestPropertyProvider;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.TestInstance;
import io.micronaut.http.HttpMethod;
import io.micronaut.http.MediaType;
import io.micronaut.json.JsonMapper;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.web.router.UriRouteInfo;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Every state-changing form refuses posts without the CSRF token of the browser's cookie. */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class FormProtectionIntegrationTest implements TestPropertyProvider {

    final OidcProvider provider = new OidcProvider();

    @Override
    public Map<String, String> getProperties() {
        return provider.portalProperties();
    }

    @AfterAll
    void stopProvider() {
        provider.stop();
    }

    @Inject
    EmbeddedServer server;
    @Inject
    JsonMapper json;
    @Inject
    javax.sql.DataSource dataSource;
    @Inject
    io.micronaut.web.router.Router routes;

    static final Map<String, String> PROFILE = Map.of("name", "Forged GmbH", "postalCode", "44135", "sector", "C",
        "employees", "12", "companyType", "TRADE");

    @Test
    void pagesSetAStrictHttpOnlyTokenCookieAndPutTheTokenIntoTheirForms() {
        Http http = new Http(server, json);
        HttpResponse<String> page = http.get("/check");
        assertThat(page.headers().allValues("Set-Cookie")).anySatisfy(c -> assertThat(c)
            .startsWith("csrf=").containsIgnoringCase("HttpOnly").containsIgnoringCase("SameSite=Strict"));
        assertThat(page.body()).contains("name=\"_csrf\" value=\"" + http.cookie("csrf").orElseThrow() + "\"");
        assertThat(page.headers().firstValue("Strict-Transport-Security")).as("not over http").isEmpty();
    }

    @Test
    void aFormPostWithoutOrWithAForeignTokenIsRefusedAndChangesNothing() {
        long before = new Database(dataSource).count("assessment");
        Http victim = new Http(server, json);
        victim.csrfToken();
        Http attacker = new Http(server, json);
        for (Map<String, String> forged : List.of(PROFILE, with(PROFILE, "_csrf", attacker.csrfToken()), with(PROFILE, "_csrf", ""))) {
            HttpResponse<String> response = victim.postRawForm("/check", forged);
            assertThat(response.statusCode()).isEqualTo(403);
            assertThat(response.body()).contains("Das Formular ist abgelaufen");
        }
        assertThat(victim.postForm("/check", PROFILE).statusCode()).isEqualTo(303);
        assertThat(new Database(dataSource).count("assessment")).isEqualTo(before + 1);
    }

    @Test
    void aTokenPlantedFromAnotherSessionIsRefused() {
        // a sibling subdomain could set the victim's token cookie to a token the attacker got for itself
        Http attacker = new Http(server, json);
        String planted = attacker.csrfToken();
        Http signedIn = new Http(server, json);
        provider.signIn(signedIn, "form-protection-admin", "admin@digitalcheck.example.org", true);
        java.net.HttpCookie cookie = new java.net.HttpCookie("csrf", planted);
        cookie.setPath("/");
        signedIn.cookies().getCookieStore().getCookies().stream().filter(c -> c.getName().equals("csrf")).toList()
            .forEach(c -> signedIn.cookies().getCookieStore().remove(null, c));
        signedIn.cookies().getCookieStore().add(java.net.URI.create(server.getURL().toString()), cookie);
        long before = new Database(dataSource).count("assessment");
        HttpResponse<String> forged = signedIn.postRawForm("/check", with(PROFILE, "_csrf", planted));
        assertThat(forged.statusCode()).as("cookie and field agree, but the token was not made for this session")
            .isEqualTo(403);
        assertThat(new Database(dataSource).count("assessment")).isEqualTo(before);
        // the session's own token works, and a page hands it out again
        signedIn.cookies().getCookieStore().getCookies().stream().filter(c -> c.getName().equals("csrf")).toList()
            .forEach(c -> signedIn.cookies().getCookieStore().remove(null, c));
        assertThat(signedIn.postForm("/check", PROFILE).statusCode()).isEqualTo(303);
        assertThat(attacker.postForm("/check", PROFILE).statusCode()).as("the attacker's own session").isEqualTo(303);
    }

    @Test
    void aPostThatTheBrowserSaysComesFromAnotherSiteIsRefused() {
        Http http = new Http(server, json);
        long before = new Database(dataSource).count("assessment");
        String own = server.getURL().toString();
        for (String[] headers : List.of(new String[] {"Sec-Fetch-Site", "cross-site"},
            new String[] {"Sec-Fetch-Site", "same-site"}, new String[] {"Origin", "http://evil.example"},
            new String[] {"Origin", "null"}, new String[] {"Origin", own.replace("localhost", "evil.localhost")})) {
            HttpResponse<String> response = http.postForm("/check", PROFILE, headers);
            assertThat(response.statusCode()).as(String.join(": ", headers)).isEqualTo(403);
            assertThat(response.body()).contains("Das Formular ist abgelaufen");
        }
        assertThat(new Database(dataSource).count("assessment")).isEqualTo(before);
        assertThat(http.postForm("/check", PROFILE, "Sec-Fetch-Site", "same-origin", "Origin", own).statusCode())
            .isEqualTo(303);
        assertThat(http.postForm("/check", PROFILE, "Origin", own).statusCode()).isEqualTo(303);
        assertThat(http.postForm("/check", PROFILE).statusCode()).as("no browser headers").isEqualTo(303);
    }

    @Test
    void everyFormRouteOfTheApplicationDemandsTheToken() {
        Http http = new Http(server, json);
        // signed in as network admin, so that every route is reachable and only the token is missing
        provider.signIn(http, "form-protection-admin", "admin@digitalcheck.example.org", true);
        HttpResponse<String> started = http.postForm("/check", PROFILE);
        String token = started.headers().firstValue("Location").orElseThrow().split("/")[2];
        List<UriRouteInfo<?, ?>> formRoutes = routes.uriRoutes()
            .filter(r -> r.getHttpMethod() == HttpMethod.POST)
            .filter(r -> r.getConsumes().contains(MediaType.APPLICATION_FORM_URLENCODED_TYPE))
            // the sign-in callback (form_post response mode) is bound to its sign-in by the OAuth state instead
            .filter(r -> !r.getUriMatchTemplate().toString().startsWith("/oauth/callback"))
            .toList();
        assertThat(formRoutes).hasSizeGreaterThanOrEqualTo(5);
        assertThat(formRoutes).extracting(r -> r.getUriMatchTemplate().toString())
            .contains("/check/{token}/again", "/check/{token}/report/email");
        for (UriRouteInfo<?, ?> route : formRoutes) {
            String path = route.getUriMatchTemplate().expand(Map.of("token", token, "dimension", "strategy", "id", "zim", "coachId", "zim"));
            HttpResponse<String> response = http.postRawForm(path, PROFILE);
            assertThat(response.statusCode()).as("POST " + path + " without token").isEqualTo(403);
        }
        // file uploads: the token travels as a part of the multipart body
        List<UriRouteInfo<?, ?>> uploads = routes.uriRoutes()
            .filter(r -> r.getHttpMethod() == HttpMethod.POST)
            .filter(r -> r.getConsumes().contains(MediaType.MULTIPART_FORM_DATA_TYPE))
            .toList();
        assertThat(uploads).isNotEmpty();
        for (UriRouteInfo<?, ?> route : uploads) {
            String path = route.getUriMatchTemplate().expand(Map.of("token", token, "id", "en-agentur"));
            for (Map<String, String> fields : List.of(Map.<String, String>of(), Map.of("_csrf", "forged-token-0123456789"))) {
                HttpResponse<String> response = http.postMultipart(path, fields, "logo", "logo.png", "image/png",
                    new byte[] {(byte) 0x89, 'P', 'N', 'G', 0x0d, 0x0a, 0x1a, 0x0a});
                assertThat(response.statusCode()).as("POST " + path + " (multipart) with " + fields).isEqualTo(403);
            }
        }
    }

    @Test
    void anEmptyFormPostIsRefusedAndOneWithOnlyTheTokenIsAnsweredNeverWithAServerError() {
        Http http = new Http(server, json);
        provider.signIn(http, "form-protection-admin", "admin@digitalcheck.example.org", true);
        String token = http.postForm("/check", PROFILE).headers().firstValue("Location").orElseThrow().split("/")[2];
        List<String> paths = routes.uriRoutes()
            .filter(r -> r.getHttpMethod() == HttpMethod.POST)
            .filter(r -> r.getConsumes().contains(MediaType.APPLICATION_FORM_URLENCODED_TYPE))
            .map(r -> r.getUriMatchTemplate().expand(Map.of("token", token, "dimension", "strategy", "id", "zim", "coachId", "zim")))
            // signing out would end the session; erasing the check and starting it again go last
            .filter(path -> !path.startsWith("/oauth/callback") && !path.equals("/abmelden"))
            .sorted(java.util.Comparator.comparing((String path) -> path.endsWith("/loeschen") || path.endsWith("/again")))
            .toList();
        assertThat(paths).hasSizeGreaterThanOrEqualTo(20);
        for (String form : List.of("/check", "/check/" + token + "/profile", "/check/" + token + "/step/strategy",
            "/mein-unternehmen", "/admin/einladungen", "/admin/gebiete", "/admin/agenturen", "/admin/agenturen/wf-herne",
            "/admin/foerderprogramme", "/admin/foerderprogramme/zim")) {
            assertThat(http.postForm(form, Map.of()).statusCode()).as("POST " + form + " with only the token").isEqualTo(422);
        }
        for (String path : paths) {
            HttpResponse<String> empty = http.postRawForm(path, Map.of());
            assertThat(empty.statusCode()).as("POST " + path + " with an empty body").isEqualTo(403);
            HttpResponse<String> tokenOnly = http.postForm(path, Map.of());
            assertThat(tokenOnly.statusCode()).as("POST " + path + " with only the token").isLessThan(500);
            assertThat(tokenOnly.body()).as("POST " + path).doesNotContain("Das Formular ist abgelaufen");
        }
        Http staff = new Http(server, json);
        provider.signIn(staff, "form-protection-staff", "staff@en-agentur.example.org", true);
        Http coach = new Http(server, json);
        provider.signIn(coach, "form-protection-coach", "coach@en-agentur.example.org", true);
        for (Map.Entry<String, Http> form : Map.of("/agentur/profil", staff, "/agentur/coaches", staff, "/coach", coach)
            .entrySet()) {
            assertThat(form.getValue().postRawForm(form.getKey(), Map.of()).statusCode()).as(form.getKey()).isEqualTo(403);
            assertThat(form.getValue().postForm(form.getKey(), Map.of()).statusCode()).as(form.getKey()).isEqualTo(422);
        }
    }

    static Map<String, String> with(Map<String, String> form, String key, String value) {
        Map<String, String> copy = new java.util.LinkedHashMap<>(form);
        copy.put(key, value);
        return copy;
    }
}
