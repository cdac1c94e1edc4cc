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
