package de.digitalcheck.portal.accounts;

import de.digitalcheck.portal.support.Http;
import de.digitalcheck.portal.support.SignedInTests;
import io.micronaut.http.HttpMethod;
import io.micronaut.http.MediaType;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.web.router.UriRouteInfo;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

/**
 * Every route of the application, called anonymously and as each demo user (network admin, staff and coach of two
 * agencies): who may reach it is declared here, and a route nobody declared fails the test, so a new route cannot
 * slip through unprotected.
 */
@MicronautTest(transactional = false)
class AuthorizationMatrixIntegrationTest extends SignedInTests {

    static final String ANONYMOUS = "anonymous";
    static final Set<String> SIGNED_IN = Set.of("admin", "en-staff", "do-staff", "en-coach", "do-coach");
    static final Set<String> EVERYONE = Set.of(ANONYMOUS, "admin", "en-staff", "do-staff", "en-coach", "do-coach");

    /** Path prefix → who may use it. The first matching prefix decides; order matters. */
    static final Map<String, Set<String>> ACCESS = new LinkedHashMap<>();

    static {
        ACCESS.put("/admin", Set.of("admin"));
        // the agency API: personal access tokens only (LeadTenantMatrixIntegrationTest); no session opens it
        ACCESS.put("/api/v1/agency/", Set.of());
        ACCESS.put("/agenturen/", EVERYONE); // public agency logos (before the staff's /agentur)
        ACCESS.put("/agentur", Set.of("en-staff", "do-staff"));
        ACCESS.put("/coach", Set.of("en-coach", "do-coach"));
        ACCESS.put("/workspace", SIGNED_IN);
        ACCESS.put("/termin", EVERYONE); // booking an appointment (issue 14)
        ACCESS.put("/kalender/", EVERYONE); // a coach's calendar feed: its private token is the right (issue 15)
        ACCESS.put("/report/confirm/", EVERYONE); // the report mail's confirmation link: its mailed code is the right
        for (String open : List.of("/check", "/api/v1/", "/impressum", "/datenschutz", "/barrierefreiheit", "/lizenzen", "/schnittstelle", "/openapi", "/health", "/prometheus",
            "/anmelden", "/abmelden", "/mein-unternehmen", "/oauth/", "/.well-known/security.txt")) {
            ACCESS.put(open, EVERYONE);
        }
    }

    final Map<String, Http> users = new LinkedHashMap<>();

    @Inject
    io.micronaut.web.router.Router routes;

    @BeforeAll
    void signInEveryone() {
        users.put(ANONYMOUS, new Http(server, json));
        users.putAll(everyDemoUser("matrix-"));
        users.forEach((user, http) -> assertThat(http.cookie("JWT").isPresent()).as(user + " signed in")
            .isEqualTo(!user.equals(ANONYMOUS)));
        assertThat(users.keySet()).as("the demo users are the ones the matrix declares").containsAll(SIGNED_IN);
    }

    static Set<String> allowed(String path) {
        if (path.equals("/")) {
            return EVERYONE;
        }
        return ACCESS.entrySet().stream().filter(e -> path.startsWith(e.getKey())).map(Map.Entry::getValue)
            .findFirst().orElse(null);
    }

    @Test
    void everyRouteAnswersOnlyWhomItShould() {
        String token = users.get(ANONYMOUS).postForm("/check", Map.of("name", "Matrix GmbH", "postalCode", "44135",
            "sector", "C", "employees", "5", "companyType", "TRADE")).headers().firstValue("Location").orElseThrow().split("/")[2];
        Map<String, Object> samples = Map.of("token", token, "dimension", "strategy", "id", "unknown", "provider", "oidc",
            "coachId", "unknown", "agencyId", "wf-dortmund", "version", "1");
        List<String> unclassified = new ArrayList<>();
        int checked = 0;
        for (UriRouteInfo<?, ?> route : routes.uriRoutes().toList()) {
            String template = route.getUriMatchTemplate().toString();
            String path = route.getUriMatchTemplate().expand(samples);
            Set<String> allowed = allowed(path);
            if (allowed == null) {
                unclassified.add(route.getHttpMethod() + " " + template);
                continue;
            }
            if (path.startsWith("/oauth/") || path.equals("/abmelden")) {
                continue; // signing in and out, exercised in SignInIntegrationTest (here it would end the sessions)
            }
            for (Map.Entry<String, Http> user : users.entrySet()) {
                HttpResponse<String> response = call(user.getValue(), route, path);
                boolean denied = response.statusCode() == 401 || response.statusCode() == 403
                    || response.headers().firstValue("Location").filter(l -> l.startsWith("/anmelden")).isPresent();
                boolean csrfRefusal = response.body() != null && response.body().contains("Das Formular ist abgelaufen");
                if (allowed.contains(user.getKey())) {
                    assertThat(denied && !csrfRefusal).as(user.getKey() + " may " + route.getHttpMethod() + " " + path
                        + " but got " + response.statusCode() + " " + response.headers().firstValue("Location").orElse("")).isFalse();
                } else {
                    assertThat(denied).as(user.getKey() + " must not " + route.getHttpMethod() + " " + path
                        + " but got " + response.statusCode()).isTrue();
                    assertThat(response.body()).as(user.getKey() + " " + path).doesNotContain("Netzwerkverwaltung</h1>",
                        "Innovationscoaches</h2>", "Mein Profil als Innovationscoach</h1>");
                }
                checked++;
            }
        }
        if (!unclassified.isEmpty()) {
            fail("Routes without a declared access rule (add them to ACCESS): " + unclassified);
        }
        System.out.println("Authorisation matrix: " + checked + " route × user calls");
        assertThat(checked).isGreaterThan(100);
    }

    /**
     * Authorisation comes before the media type on every write route of the agency API: a token made to read gets
     * 403 whatever it sends (a wrong Content-Type, none, a form), a token that may write gets 415 for a wrong type
     * (a wrong type was a 415 for the read-only token too: the router refused it before the route's rule was asked).
     */
    @Test
    void everyWriteRouteOfTheAgencyApiRefusesAReadOnlyTokenWhateverItSends() {
        String reader = apiToken("Matrix lesen", "READ");
        String writer = apiToken("Matrix schreiben", "CHANGE");
        List<UriRouteInfo<?, ?>> writes = routes.uriRoutes()
            .filter(r -> r.getUriMatchTemplate().toString().startsWith("/api/v1/agency/"))
            .filter(r -> r.getHttpMethod() != HttpMethod.GET && r.getHttpMethod() != HttpMethod.HEAD
                && r.getHttpMethod() != HttpMethod.OPTIONS)
            .toList();
        assertThat(writes).as("the agency API's write routes").isNotEmpty();
        Http client = users.get(ANONYMOUS);
        for (UriRouteInfo<?, ?> route : writes) {
            String path = route.getUriMatchTemplate().expand(Map.of("id", "00000000-0000-0000-0000-000000000000"));
            String method = route.getHttpMethod().name();
            for (String type : new String[] {"text/plain", "application/x-www-form-urlencoded", "application/xml",
                "application/json", null}) {
                HttpResponse<String> refused = client.send(method, path, "{}", headers(reader, type));
                assertThat(refused.statusCode()).as("read-only token, " + method + " " + path + " as " + type)
                    .isEqualTo(403);
                assertThat(refused.headers().firstValue("Content-Type")).hasValue("application/problem+json");
                assertThat(refused.body()).contains("This token may only read.");
            }
            for (String type : new String[] {"text/plain", "application/xml", null}) {
                HttpResponse<String> unsupported = client.send(method, path, "{}", headers(writer, type));
                assertThat(unsupported.statusCode()).as("writing token, " + method + " " + path + " as " + type)
                    .isEqualTo(415);
                assertThat(unsupported.headers().firstValue("Content-Type")).hasValue("application/problem+json");
            }
            assertThat(client.send(method, path, "{}", headers("dc_pat_" + "x".repeat(43), "text/plain")).statusCode())
                .as("no valid token: 401 before the media type").isEqualTo(401);
        }
    }

    private static String[] headers(String token, String type) {
        List<String> headers = new ArrayList<>(List.of("Authorization", "Bearer " + token, "If-Match", "*",
            "Accept-Language", "en"));
        if (type != null) {
            headers.addAll(List.of("Content-Type", type));
        }
        return headers.toArray(String[]::new);
    }

    /** A personal access token of Dortmund's staff, made through the workspace (READ or CHANGE), as shown once. */
    private String apiToken(String name, String access) {
        HttpResponse<String> created = users.get("do-staff").postForm("/agentur/api-zugaenge", Map.of("name", name,
            "expires", java.time.LocalDate.now(java.time.ZoneId.of("Europe/Berlin")).plusMonths(1).toString(),
            "access", access));
        assertThat(created.statusCode()).isEqualTo(200);
        java.util.regex.Matcher token = java.util.regex.Pattern.compile("dc_pat_[A-Za-z0-9_-]{43}").matcher(created.body());
        assertThat(token.find()).as("the token is shown").isTrue();
        return token.group();
    }

    private static HttpResponse<String> call(Http http, UriRouteInfo<?, ?> route, String path) {
        return switch (route.getHttpMethod()) {
            case GET, HEAD -> http.get(path);
            case POST -> path.startsWith("/api/") ? http.postJson(path, "{}")
                : route.getConsumes().contains(MediaType.MULTIPART_FORM_DATA_TYPE)
                ? http.postMultipart(path, Map.of("_csrf", http.csrfToken()), "logo", "logo.png", "image/png", new byte[0])
                : http.postForm(path, Map.of());
            default -> http.send(route.getHttpMethod().name(), path);
        };
    }
}
