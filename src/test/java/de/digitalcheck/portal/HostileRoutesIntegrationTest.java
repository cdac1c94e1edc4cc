package de.digitalcheck.portal;

import de.digitalcheck.portal.accounts.Accounts;
import de.digitalcheck.portal.leads.internal.AccessTokens;
import de.digitalcheck.portal.readiness.Questionnaires;
import de.digitalcheck.portal.support.CompletedChecks;
import de.digitalcheck.portal.support.Database;
import de.digitalcheck.portal.support.Http;
import de.digitalcheck.portal.support.SignedInTests;
import io.micronaut.http.HttpMethod;
import io.micronaut.http.MediaType;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.web.router.Router;
import io.micronaut.web.router.UriRouteInfo;
import jakarta.inject.Inject;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import javax.sql.DataSource;
import java.io.IOException;
import java.net.URISyntaxException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every route of the route table, as the role its pages serve, against objects that exist: a lead, a booking, an
 * appointment type, a coach, an agency, a check, and the agency API's routes with a valid token. Each route's path variables take every real id until one reaches
 * the handler; then every form field and query parameter any page of the portal uses (read from the templates, so
 * a new form joins by itself) gets each hostile value, once with the private token of the booking (or the check, for its API) kept, once with
 * everything hostile. No answer may be a server error, and the objects stay readable afterwards.
 */
// the routes' test last: its last requests disable accounts and withdraw and erase what it made
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@MicronautTest(transactional = false)
class HostileRoutesIntegrationTest extends SignedInTests {

    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
    private static final String AGENCY = "en-agentur";
    private static final String COACH_EMAIL = "coach@en-agentur.example.org";
    private static final Pattern FIELD_NAME = Pattern.compile("name=['\"]([a-zA-Z_][a-zA-Z0-9_]*)['\"]");
    private static final Pattern VARIABLE = Pattern.compile("\\{([a-zA-Z]+)}");
    /** Routes not worth a request: the sign-in protocol, signing out, static files. */
    private static final List<String> SKIPPED = List.of("/oauth/", "/abmelden", "/assets/", "/static/");

    @Inject
    Router router;
    @Inject
    Questionnaires questionnaires;
    @Inject
    Accounts accounts;
    @Inject
    DataSource dataSource;
    @Inject
    AccessTokens tokens;

    @Test
    @Order(2)
    void noRouteAnswersHostileFieldsOrIdsWithAServerError() throws Exception {
        Http admin = as("hostile-routes-admin", "admin@digitalcheck.example.org");
        Http staff = as("hostile-routes-staff", "staff@en-agentur.example.org");
        Http coach = as("hostile-routes-coach", COACH_EMAIL);
        Http company = new Http(server, json);
        Targets objects = objects(company);

        Set<String> fields = templateFields();
        assertThat(fields).as("form fields of the templates").contains("note", "stage", "start", "reason", "email",
            "version", "assignee", "message", "attendance", "woche");
        fields.remove("_csrf");

        List<UriRouteInfo<?, ?>> routes = router.uriRoutes()
            .filter(r -> r.getHttpMethod() == HttpMethod.GET || r.getHttpMethod() == HttpMethod.POST
                || r.getHttpMethod() == HttpMethod.PATCH)
            .filter(r -> SKIPPED.stream().noneMatch(s -> r.getUriMatchTemplate().toString().startsWith(s)))
            .filter(r -> !r.getUriMatchTemplate().toString().contains("{file}"))
            .filter(distinct(r -> r.getHttpMethod() + " " + r.getUriMatchTemplate()))
            // deleting and withdrawing last, so that the objects live while every other route is tried
            .sorted(Comparator.comparing((UriRouteInfo<?, ?> r) -> r.getUriMatchTemplate().toString()
                .matches(".*/(loeschen|widerrufen|absagen|cancel|sperren|zurueckziehen)$")))
            .toList();
        assertThat(routes).hasSizeGreaterThan(100);

        List<String> serverErrors = new ArrayList<>();
        int requests = 0;
        int reached = 0;
        List<String> unreached = new ArrayList<>();
        for (UriRouteInfo<?, ?> route : routes) {
            String template = route.getUriMatchTemplate().toString();
            Http http = template.startsWith("/agentur") ? staff : template.startsWith("/coach") ? coach
                : template.startsWith("/admin") ? admin : company;
            String method = route.getHttpMethod().name();
            boolean multipart = route.getConsumes().contains(MediaType.MULTIPART_FORM_DATA_TYPE);
            // the expansion that reaches the handler (not a 404 for an unknown object), else the first one
            List<String> paths = expansions(template, objects);
            String path = paths.get(0);
            boolean found = false;
            for (String candidate : paths) {
                HttpResponse<String> probe = send(http, method, candidate, Map.of("token", objects.token(candidate)),
                    multipart, objects);
                requests++;
                if (probe.statusCode() >= 500) {
                    serverErrors.add(method + " " + candidate + " (probe): " + probe.statusCode());
                }
                if (probe.statusCode() != 404) {
                    path = candidate;
                    found = true;
                    reached++;
                    break;
                }
            }
            if (!found) {
                unreached.add(method + " " + template);
            }
            for (String value : HostileInputIntegrationTest.HOSTILE) {
                Map<String, String> all = new LinkedHashMap<>();
                fields.forEach(f -> all.put(f, value));
                Map<String, String> keptToken = new LinkedHashMap<>(all);
                keptToken.put("token", objects.token(path));
                for (Map<String, String> form : List.of(keptToken, all)) {
                    HttpResponse<String> response = send(http, method, path, form, multipart, objects);
                    requests++;
                    if (response.statusCode() >= 500) {
                        serverErrors.add(method + " " + path + " with " + abbreviated(value)
                            + (form == keptToken ? " (token kept)" : "") + ": " + response.statusCode());
                    }
                }
            }
        }
        System.out.printf("Hostile routes: %d routes, %d reached with a real object or none needed, %d fields, "
            + "%d requests; every id answered 404 on: %s%n", routes.size(), reached, fields.size(), requests, unreached);
        assertThat(serverErrors).as("answers with a server error").isEmpty();
        assertThat(reached).as("routes whose handler was reached").isGreaterThan(routes.size() / 2);

        // the objects are still there and readable by those they belong to
        assertThat(staff.get("/agentur/leads/" + objects.leadId()).statusCode()).isEqualTo(200);
        assertThat(new Database(dataSource).value("SELECT COUNT(*) FROM booking WHERE id = ?", objects.bookingId()))
            .isEqualTo(1L);
    }

    /** Headers no browser sends, and forged or oversized credentials, on every GET route: never a server error. */
    @Test
    @Order(1)
    void noGetRouteAnswersHostileHeadersWithAServerError() {
        Http admin = as("hostile-routes-admin", "admin@digitalcheck.example.org");
        Http staff = as("hostile-routes-staff", "staff@en-agentur.example.org");
        Http coach = as("hostile-routes-coach", COACH_EMAIL);
        Http company = new Http(server, json);
        Targets objects = objects(company);
        List<String[]> headers = List.of(
            new String[] {"Accept-Language", "x;q=abc, *;q=NaN"},
            new String[] {"Accept-Language", "de-DE-u-ca-buddhist-x-" + "a".repeat(300)},
            new String[] {"Accept", "garbage"},
            new String[] {"Accept", "*/*;q=oops, text/html;level=x"},
            new String[] {"Cookie", "JWT=eyJhbGciOiJub25lIn0.eyJzdWIiOiJhZG1pbiIsInJvbGVzIjpbIk5FVFdPUktfQURNSU4iXX0."},
            new String[] {"Cookie", "JWT=" + "x".repeat(3000) + "; csrf=" + "y".repeat(500)},
            new String[] {"Authorization", "Bearer " + "x".repeat(1000)},
            new String[] {"Authorization", "Basic !!!"},
            new String[] {"If-None-Match", "\"" + "x".repeat(200)},
            new String[] {"Range", "bytes=9-1"},
            new String[] {"X-Request-Id", "x".repeat(500)},
            new String[] {"X-Forwarded-For", "not-an-address, ::ffff:999.1.1.1"});
        List<String> serverErrors = new ArrayList<>();
        int requests = 0;
        List<String> templates = router.uriRoutes().filter(r -> r.getHttpMethod() == HttpMethod.GET)
            .map(r -> r.getUriMatchTemplate().toString())
            .filter(t -> SKIPPED.stream().noneMatch(t::startsWith) && !t.contains("{file}")).distinct().toList();
        assertThat(templates).hasSizeGreaterThan(50);
        for (String template : templates) {
            Http http = template.startsWith("/agentur") ? staff : template.startsWith("/coach") ? coach
                : template.startsWith("/admin") ? admin : company;
            String path = expansions(template, objects).get(0);
            for (String[] header : headers) {
                HttpResponse<String> response = http.get(path, header[0], header[1]);
                requests++;
                if (response.statusCode() >= 500) {
                    serverErrors.add("GET " + path + " with " + header[0] + ": " + abbreviated(header[1]) + ": "
                        + response.statusCode());
                }
            }
        }
        System.out.printf("Hostile headers: %d GET routes, %d requests%n", templates.size(), requests);
        assertThat(serverErrors).as("answers with a server error").isEmpty();
        // a forged unsigned session is nobody
        assertThat(new Http(server, json).get("/admin", "Cookie", headers.get(4)[1]).statusCode()).isIn(302, 303, 401);
    }

    private HttpResponse<String> send(Http http, String method, String path, Map<String, String> fields,
                                      boolean multipart, Targets objects) {
        if (path.startsWith("/api/")) {
            String body = http.write(fields);
            String bearer = "Bearer " + objects.apiToken();
            return method.equals("GET") ? http.get(path + "?" + query(fields), "Accept", "application/json",
                    "Authorization", bearer)
                : http.send(method, path, body, "Content-Type", "application/json", "Accept", "application/json",
                    "If-Match", ifMatch(fields.getOrDefault("version", "1")), "Authorization", bearer);
        }
        if (method.equals("GET")) {
            return http.get(path + "?" + query(fields));
        }
        if (multipart) {
            String value = fields.getOrDefault("name", "x");
            return http.postMultipart(path, Map.of("_csrf", http.csrfToken()), "logo", value + ".png", "image/png",
                value.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        }
        return http.postForm(path, fields);
    }

    /** The value as an entity tag where a header can carry it (the HTTP client refuses control characters). */
    private static String ifMatch(String value) {
        return value.length() < 1000 && value.chars().allMatch(c -> c >= 0x20 && c < 0x7f) ? "\"" + value + "\"" : "\"1\"";
    }

    private static String query(Map<String, String> fields) {
        return fields.entrySet().stream().map(e -> Http.enc(e.getKey()) + "=" + Http.enc(e.getValue()))
            .collect(Collectors.joining("&"));
    }

    /** The route's path with its variables filled with every combination of the real objects' ids. */
    private static List<String> expansions(String template, Targets objects) {
        List<String> paths = new ArrayList<>(List.of(template));
        Matcher m = VARIABLE.matcher(template);
        Set<String> variables = new LinkedHashSet<>();
        while (m.find()) {
            variables.add(m.group(1));
        }
        for (String variable : variables) {
            List<String> values = switch (variable) {
                case "token" -> List.of(objects.checkToken());
                case "dimension" -> List.of("strategy");
                case "agencyId" -> List.of(AGENCY);
                case "coachId" -> List.of(objects.coachId());
                default -> List.of(objects.leadId(), objects.bookingId(), objects.typeId(), objects.coachId(), AGENCY,
                    objects.checkId(), "zim");
            };
            List<String> next = new ArrayList<>();
            for (String path : paths) {
                for (String value : values) {
                    next.add(path.replace("{" + variable + "}", value));
                }
            }
            paths = next;
        }
        return paths.stream().map(p -> p.replaceAll("\\{[^}]*}", "")).distinct().toList();
    }

    /** The real objects the routes are tried against. */
    record Targets(String leadId, String checkId, String checkToken, String bookingId, String bookingToken,
                   String typeId, String coachId, String apiToken) {

        /** The private token a route's {@code token} parameter takes: the check's for the assessments API. */
        String token(String path) {
            return path.startsWith("/api/v1/assessments/") ? checkToken : bookingToken;
        }
    }

    private static <T> java.util.function.Predicate<T> distinct(java.util.function.Function<T, String> key) {
        Set<String> seen = new java.util.HashSet<>();
        return t -> seen.add(key.apply(t));
    }

    @SuppressWarnings("unchecked")
    private Targets objects(Http company) {
        CompletedChecks.Completed check = CompletedChecks.of(questionnaires.current()).named("Hostile Routes GmbH")
            .at("58452").contact("Hanna Host", "hanna@hostile-routes.example.org").sharedWithAgency().submit(company);
        String leadId = (String) ((Map<String, Object>) check.document().get("lead")).get("id");
        String coachId = accounts.byEmail(COACH_EMAIL).orElseThrow().id();
        String typeId = (String) ((Map<String, Object>) company.list(
            company.get("/api/v1/appointment-types?agency=" + AGENCY)).get(0)).get("id");
        LocalDate from = LocalDate.now(BERLIN).plusDays(21);
        List<Map<String, Object>> slots = (List<Map<String, Object>>) company.map(company.get("/api/v1/slots?agency="
            + AGENCY + "&type=" + typeId + "&from=" + from + "&to=" + from.plusDays(14) + "&coach=" + coachId))
            .get("slots");
        assertThat(slots).as("free times of the demo coach").isNotEmpty();
        HttpResponse<String> made = company.postJson("/api/v1/bookings", "{\"agencyId\":\"" + AGENCY + "\",\"typeId\":\""
            + typeId + "\",\"start\":\"" + slots.get(0).get("start") + "\",\"coachId\":\"" + coachId + "\","
            + "\"company\":{\"name\":\"Hostile Routes GmbH\",\"postalCode\":\"58452\"},\"contact\":{\"name\":\"Hanna "
            + "Host\",\"email\":\"hanna@hostile-routes.example.org\"},\"language\":\"de\"}");
        assertThat(made.statusCode()).as(made.body()).isEqualTo(201);
        Map<String, Object> booking = company.map(made);
        // the agency API's routes are tried with a valid personal access token of the staff member
        String staff = accounts.byEmail("staff@en-agentur.example.org").orElseThrow().id();
        String apiToken = tokens.create(AGENCY, staff, "Hostile Staff", "Hostile CRM",
            LocalDate.now(BERLIN).plusDays(20).toString()).token();
        return new Targets(leadId, check.id(), check.token(), (String) booking.get("id"), (String) booking.get("token"),
            typeId, coachId, apiToken);
    }

    /** Every form field name the portal's templates use (each class-path root's {@code views}, the portal's own). */
    private static Set<String> templateFields() throws IOException, URISyntaxException {
        Set<String> names = new TreeSet<>();
        for (java.net.URL root : java.util.Collections.list(
                HostileRoutesIntegrationTest.class.getClassLoader().getResources("views"))) {
            if (!root.getProtocol().equals("file")) {
                continue;
            }
            try (Stream<Path> files = Files.walk(Path.of(root.toURI()))) {
                for (Path file : files.filter(f -> f.toString().endsWith(".html")).toList()) {
                    Matcher m = FIELD_NAME.matcher(Files.readString(file));
                    while (m.find()) {
                        names.add(m.group(1));
                    }
                }
            }
        }
        names.addAll(HostileInputIntegrationTest.FIELDS);
        return names;
    }

    private static String abbreviated(String value) {
        return value.length() > 40 ? value.substring(0, 40) + "… (" + value.length() + ")" : value;
    }
}
