package de.digitalcheck.portal;

import de.digitalcheck.portal.support.AtOnce;
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
import org.junit.jupiter.api.Test;

import javax.imageio.ImageIO;
import javax.sql.DataSource;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Bad input of any kind gets a clear answer and changes nothing: never a 500. Every form and JSON route of the route
 * table gets hostile values, and the inputs that used to end in a 500 are checked one by one: a number no field can
 * take, a coach's expertise longer than its column, a funding programme whose name makes no id, and the same thing
 * created twice at the same moment (unique keys).
 */
@MicronautTest(transactional = false)
class HostileInputIntegrationTest extends SignedInTests {

    @Inject
    Router router;
    @Inject
    DataSource dataSource;
    @Inject
    de.digitalcheck.portal.readiness.Questionnaires questionnaires;

    @Override
    public Map<String, String> getProperties() {
        Map<String, String> properties = new LinkedHashMap<>(super.getProperties());
        properties.put("portal.mail.mode", "mailbox");
        return properties;
    }

    private Http admin;

    /** The network admin, signed in once (a provider subject binds an account once). */
    private synchronized Http admin() {
        if (admin == null) {
            admin = as("hostile-admin", "admin@digitalcheck.example.org");
        }
        assertThat(admin.cookie("JWT")).as("the admin is signed in").isPresent();
        return admin;
    }

    /** Values that break naive code: huge, empty, control characters, numbers beyond any type, markup, other scripts. */
    static final List<String> HOSTILE = List.of("x".repeat(5000), "", " ", "\u0000", "1e400", "-1e400", "99999999999999999999999",
        "-1", "NaN", "<script>alert(1)</script>", "\u202E日本語 🙂", "%00%ff", "../../etc/passwd", "' OR '1'='1");
    /** The field names the portal's forms use, each filled with a hostile value. */
    static final List<String> FIELDS = List.of("name", "email", "phone", "postalCode", "ags", "sector", "employees",
        "companyType", "nav", "expertise", "modes", "role", "agencyId", "prefix", "shortName", "website", "address",
        "firstContactDays", "nameDe", "nameEn", "provider", "providerEn", "summaryDe", "summaryEn", "url", "regionAgs", "dimensions",
        "maxLevel", "validFrom", "validUntil", "smeOnly", "token", "consent", "lang");

    @Test
    void noFormOrJsonRouteAnswersHostileInputWithAServerError() {
        Http admin = admin();
        Http staff = as("hostile-staff", "staff@en-agentur.example.org");
        Http coach = as("hostile-coach", "coach@en-agentur.example.org");
        assertThat(staff.cookie("JWT")).as("staff signed in").isPresent();
        assertThat(coach.cookie("JWT")).as("coach signed in").isPresent();
        Http company = new Http(server, json);
        String token = company.postForm("/check", Map.of("name", "Hostile GmbH", "postalCode", "44135", "sector", "C",
            "employees", "5", "companyType", "TRADE")).headers().firstValue("Location").orElseThrow().split("/")[2];
        List<UriRouteInfo<?, ?>> posts = router.uriRoutes()
            .filter(r -> r.getHttpMethod() == HttpMethod.POST)
            .filter(r -> !r.getUriMatchTemplate().toString().startsWith("/oauth/") && !r.getUriMatchTemplate().toString().equals("/abmelden"))
            .sorted(Comparator.comparing((UriRouteInfo<?, ?> r) -> r.getUriMatchTemplate().toString().endsWith("/loeschen")))
            .toList();
        assertThat(posts).hasSizeGreaterThan(20);
        List<String> serverErrors = new ArrayList<>();
        for (UriRouteInfo<?, ?> route : posts) {
            String path = route.getUriMatchTemplate().expand(Map.of("token", token, "dimension", "strategy", "id", "zim",
                "coachId", "zim"));
            Http http = path.startsWith("/agentur") ? staff : path.startsWith("/coach") ? coach
                : path.startsWith("/admin") ? admin : company;
            for (String value : HOSTILE) {
                HttpResponse<String> response;
                if (path.startsWith("/api/")) {
                    response = http.postJson(path, hostileJson(value));
                } else if (route.getConsumes().contains(MediaType.MULTIPART_FORM_DATA_TYPE)) {
                    response = http.postMultipart(path, Map.of("_csrf", http.csrfToken()), "logo", value + ".png", "image/png",
                        value.getBytes(java.nio.charset.StandardCharsets.UTF_8));
                } else {
                    Map<String, String> form = new LinkedHashMap<>();
                    FIELDS.forEach(f -> form.put(f, value));
                    response = http.postForm(path, form);
                }
                if (response.statusCode() >= 500) {
                    serverErrors.add("POST " + path + " with " + abbreviated(value) + ": " + response.statusCode());
                }
            }
        }
        for (String body : List.of("{\"company\":{\"employees\":1e400}}", "[]", "{\"answers\":[1,2]}", "{\"company\":\"x\"}",
            "{\"a\":" + "[".repeat(2000) + "]".repeat(2000) + "}", "{\"company\":{\"employees\":1e1000000000}}",
            "{\"company\":{\"employees\":123456789012345678901234567890}}", "{\"language\":1.5e-400}", "\u0000")) {
            int status = company.postJson("/api/v1/assessments", body).statusCode();
            if (status >= 500) {
                serverErrors.add("POST /api/v1/assessments with " + abbreviated(body) + ": " + status);
            }
        }
        assertThat(serverErrors).as("answers with a server error").isEmpty();
    }

    private String hostileJson(String value) {
        Map<String, Object> company = new LinkedHashMap<>();
        for (String f : List.of("name", "postalCode", "ags", "sector", "employees", "companyType")) {
            company.put(f, value);
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("company", company);
        body.put("contact", Map.of("name", value, "email", value));
        body.put("answers", Map.of(value.isEmpty() ? "q" : value, value));
        body.put("language", value);
        return company.isEmpty() ? "{}" : new Http(server, json).write(body);
    }

    private static String abbreviated(String value) {
        return value.length() > 40 ? value.substring(0, 40) + "… (" + value.length() + ")" : value;
    }

    @Test
    void aNumberBeyondAnyTypeIsABadRequestNamingTheField() {
        Http http = new Http(server, json);
        HttpResponse<String> response = http.postJson("/api/v1/assessments",
            "{\"company\":{\"name\":\"Zahl GmbH\",\"postalCode\":\"44135\",\"sector\":\"C\",\"employees\":1e400,"
                + "\"companyType\":\"TRADE\"},\"answers\":{},\"language\":\"en\"}");
        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.headers().firstValue("Content-Type")).get().asString().startsWith("application/problem+json");
        Map<String, Object> problem = http.map(response);
        assertThat(problem).containsEntry("status", 400);
        assertThat(problem.get("errors")).asList().singleElement().asString().contains("company.employees");
        // in the body's language (it was the request's: German without an Accept-Language)
        assertThat(response.body()).contains("A number in the request is outside any representable range.");
        assertThat(new Database(dataSource).value("SELECT COUNT(*) FROM assessment WHERE company_name = 'Zahl GmbH'"))
            .isEqualTo(0L);
        // with other members of the wrong type, the 400 names them too (it named the number alone)
        HttpResponse<String> more = http.postJson("/api/v1/assessments",
            "{\"company\":{\"name\":\"Zahl GmbH\",\"postalCode\":44135,\"sector\":\"C\",\"employees\":1e400,"
                + "\"companyType\":\"TRADE\"},\"contact\":{\"name\":\"Zoe\",\"email\":true},\"answers\":{},"
                + "\"consent\":{\"shareWithAgency\":\"ja\"},\"language\":\"en\"}");
        assertThat(more.statusCode()).isEqualTo(400);
        assertThat(more.body()).contains("A number in the request is outside any representable range.",
            "{\"field\":\"company.employees\",\"message\":\"This number is outside any representable range.\"}",
            "{\"field\":\"company.postalCode\",\"message\":\"This value must be text.\"}",
            "{\"field\":\"contact.email\",\"message\":\"This value must be text.\"}",
            "{\"field\":\"consent.shareWithAgency\",\"message\":\"This value must be true or false.\"}");
        assertThat((List<?>) http.map(more).get("errors")).hasSize(4);
        assertThat(new Database(dataSource).value("SELECT COUNT(*) FROM assessment WHERE company_name = 'Zahl GmbH'"))
            .isEqualTo(0L);
    }

    /**
     * A booking whose {@code start} cannot be read (or whose agency or type is missing) is a 400 that names every
     * member found wrong in the body at once, the members of the wrong type too, as a 422 does; it named the start
     * alone, so a client fixing it learnt of the next error only with the next request. The same for a move. Nothing
     * is stored.
     */
    @Test
    void aBookingThatCannotBeReadNamesEveryBadMemberAtOnce() {
        Http http = new Http(server, json);
        Database db = new Database(dataSource);
        long bookings = db.count("booking");
        String time = "Please give a time in ISO 8601 with its offset between 1900 and 2999, e.g. "
            + "2026-12-07T10:00:00+01:00.";
        HttpResponse<String> refused = http.postJson("/api/v1/bookings", "{\"agencyId\":5,\"typeId\":\"nope\","
            + "\"start\":\"tomorrow\",\"company\":{\"name\":true,\"postalCode\":\"44135\"},"
            + "\"contact\":{\"name\":\"Mia\",\"email\":1},\"consent\":{\"shareWithAgency\":\"yes\"},"
            + "\"language\":\"en\"}");
        assertThat(refused.statusCode()).as(refused.body()).isEqualTo(400);
        assertThat(refused.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(errors(http, refused)).containsExactlyInAnyOrderEntriesOf(Map.of(
            "start", time, "agencyId", "This value must be text.", "company.name", "This value must be text.",
            "contact.email", "This value must be text.",
            "consent.shareWithAgency", "This value must be true or false."));
        HttpResponse<String> missing = http.postJson("/api/v1/bookings",
            "{\"typeId\":\"nope\",\"start\":\"2026-13-45T99:00\",\"coachId\":7,\"language\":\"en\"}");
        assertThat(missing.statusCode()).as(missing.body()).isEqualTo(400);
        assertThat(errors(http, missing)).containsExactlyInAnyOrderEntriesOf(Map.of("agencyId",
            "Please fill in this field.", "start", time, "coachId", "This value must be text."));
        // without a malformed member the wrong types alone are a 422, as before
        HttpResponse<String> typed = http.postJson("/api/v1/bookings", "{\"agencyId\":5,\"typeId\":\"nope\","
            + "\"start\":\"2026-12-07T10:00:00+01:00\",\"coachId\":7,\"language\":\"en\"}");
        assertThat(typed.statusCode()).as(typed.body()).isEqualTo(422);
        assertThat(errors(http, typed)).containsOnlyKeys("agencyId", "coachId");

        String unknown = "/api/v1/bookings/00000000-0000-0000-0000-000000000000/reschedule";
        HttpResponse<String> move = http.postJson(unknown, "{\"token\":true,\"start\":\"later\"}",
            "Accept-Language", "en");
        assertThat(move.statusCode()).as(move.body()).isEqualTo(400);
        assertThat(errors(http, move)).containsExactlyInAnyOrderEntriesOf(Map.of("token", "This value must be text.",
            "start", time));
        HttpResponse<String> typedMove = http.postJson(unknown, "{\"token\":true,\"start\":5}",
            "Accept-Language", "en");
        assertThat(typedMove.statusCode()).as(typedMove.body()).isEqualTo(422);
        assertThat(errors(http, typedMove)).containsOnlyKeys("token", "start");
        assertThat(db.count("booking")).as("nothing booked").isEqualTo(bookings);
    }

    /** A problem's {@code errors} as message by field. */
    @SuppressWarnings("unchecked")
    private static Map<String, String> errors(Http http, HttpResponse<String> response) {
        Map<String, String> errors = new LinkedHashMap<>();
        ((List<Map<String, String>>) http.map(response).get("errors"))
            .forEach(e -> errors.put(e.get("field"), e.get("message")));
        return errors;
    }

    /**
     * A head count is judged on the number as written, not on the {@code double} it rounds to: a fraction that is
     * not all zeros, however far after the point, is no whole number (422 with the message {@code 42.5} gets, nothing
     * stored); {@code 41.99999999999999999} was stored as 42. A whole number with zeros after the point or an
     * exponent ({@code 42.0}, {@code 4.2e1}) is 42 as before. A number whose plain text would be longer than memory
     * ({@code 1e2147483647}) is a 400 naming the field, never a server error.
     */
    @Test
    void aHeadCountIsJudgedOnTheNumberAsWrittenNotOnTheDoubleItRoundsTo() {
        Http http = new Http(server, json);
        Database db = new Database(dataSource);
        String whole = "Please give the number of employees as a whole number.";
        for (String employees : List.of("41.99999999999999999", "42.0000000000000000001", "4.20000000000000000001e1",
            "42.5", "-0.00000000000000000001")) {
            String name = "Bruchteil " + employees + " GmbH";
            HttpResponse<String> refused = http.postJson("/api/v1/assessments", assessment(name, employees, "en"));
            assertThat(refused.statusCode()).as(employees).isEqualTo(422);
            assertThat(refused.headers().firstValue("Content-Type")).hasValue("application/problem+json");
            assertThat(refused.body()).as(employees)
                .contains("{\"field\":\"company.employees\",\"message\":\"" + whole + "\"}");
            assertThat(db.value("SELECT COUNT(*) FROM assessment WHERE company_name = ?", name)).as(employees)
                .isEqualTo(0L);
        }
        for (String employees : List.of("42", "42.0", "42.000000000000000000000", "4.2e1", "4200e-2")) {
            String name = "Ganzzahl " + employees + " GmbH";
            HttpResponse<String> stored = http.postJson("/api/v1/assessments", assessment(name, employees, "en"));
            assertThat(stored.statusCode()).as(employees + ": " + stored.body()).isEqualTo(201);
            assertThat(db.value("SELECT employees FROM assessment WHERE company_name = ?", name)).as(employees)
                .isEqualTo(42);
        }
        for (String employees : List.of("1e2147483647", "-1e2147483647", "10e2147483647", "1e-2147483648",
            "1e99999999999", "0." + "0".repeat(40) + "1")) {
            String name = "Riesenzahl GmbH";
            HttpResponse<String> refused = http.postJson("/api/v1/assessments", assessment(name, employees, "de"));
            assertThat(refused.statusCode()).as(employees).isEqualTo(400);
            assertThat(refused.body()).as(employees).contains("\"field\":\"company.employees\"",
                "Eine Zahl in der Anfrage liegt außerhalb jedes darstellbaren Bereichs.");
            assertThat(db.value("SELECT COUNT(*) FROM assessment WHERE company_name = ?", name)).isEqualTo(0L);
        }
    }

    /** A whole check's body with this head count written as it is given (a JSON number literal). */
    private String assessment(String name, String employees, String language) {
        Map<String, Object> body = CompletedChecks.of(questionnaires.current()).named(name).in(language).body();
        String written = new Http(server, json).write(body);
        assertThat(written).containsPattern("\"employees\":[0-9]+[,}]");
        return written.replaceFirst("\"employees\":[0-9]+", "\"employees\":" + employees);
    }

    /**
     * A JSON value of the wrong type is not coerced on any body of the API: a number or boolean where the rules say
     * text ({@code "name": 5} was stored as the name "5"), a boolean where they say a number ({@code "employees": true};
     * a numeric string {@code "42"} is read, as API v1 has always done), a number as a postal code (whose leading zero a number loses). Each is a 422 naming the field, in the request's
     * language, and nothing is stored. Texts and numbers of the right type pass as before.
     */
    @Test
    @SuppressWarnings("unchecked")
    void aValueOfTheWrongTypeIsRefusedNamingTheFieldOnEveryApiBody() {
        Http http = new Http(server, json);
        Database db = new Database(dataSource);
        Map<String, Object> valid = CompletedChecks.of(questionnaires.current()).named("Typen GmbH")
            .contact("Tina Typ", "tina@typen.example.org").in("en").body();
        Map<String, java.util.function.Consumer<Map<String, Object>>> mutations = new LinkedHashMap<>();
        mutations.put("company.name", b -> company(b).put("name", 5));
        mutations.put("company.postalCode", b -> company(b).put("postalCode", 44135));
        mutations.put("company.sector", b -> company(b).put("sector", true));
        mutations.put("company.employees", b -> company(b).put("employees", true));
        mutations.put("company.companyType", b -> company(b).put("companyType", List.of("TRADE")));
        mutations.put("contact.email", b -> ((Map<String, Object>) b.get("contact")).put("email", 1));
        mutations.put("contact.phone", b -> ((Map<String, Object>) b.get("contact")).put("phone", 2311234567L));
        mutations.put("language", b -> b.put("language", false));
        long before = db.count("assessment");
        for (Map.Entry<String, java.util.function.Consumer<Map<String, Object>>> mutation : mutations.entrySet()) {
            Map<String, Object> body = copy(valid);
            mutation.getValue().accept(body);
            HttpResponse<String> refused = http.postJson("/api/v1/assessments", http.write(body), "Accept-Language", "en");
            assertThat(refused.statusCode()).as(mutation.getKey()).isEqualTo(422);
            assertThat(refused.headers().firstValue("Content-Type")).hasValue("application/problem+json");
            assertThat(refused.body()).as(mutation.getKey()).contains("\"field\":\"" + mutation.getKey() + "\"",
                mutation.getKey().equals("company.employees") ? "This value must be a number" : "This value must be text.");
        }
        assertThat(db.count("assessment")).as("nothing stored").isEqualTo(before);
        assertThat(http.postJson("/api/v1/assessments", http.write(valid)).statusCode()).as("the valid body").isEqualTo(201);
        Map<String, Object> spelled = copy(valid);
        company(spelled).put("employees", "42"); // API v1 has always read a head count spelled as a string
        assertThat(http.postJson("/api/v1/assessments", http.write(spelled)).statusCode()).as("\"42\"").isEqualTo(201);

        // the booking's posts: a wrong type is named (before the unknown type or booking is looked up), nothing stored
        long bookings = db.count("booking");
        String start = java.time.LocalDate.now().plusDays(10) + "T10:00:00+01:00";
        for (String[] bad : List.of(
            new String[] {"{\"agencyId\":5,\"typeId\":\"nope\",\"start\":\"" + start + "\",\"language\":\"en\"}", "agencyId"},
            new String[] {"{\"agencyId\":\"wf-dortmund\",\"typeId\":true,\"start\":\"" + start + "\",\"language\":\"en\"}", "typeId"},
            new String[] {"{\"agencyId\":\"wf-dortmund\",\"typeId\":\"nope\",\"start\":1765000000,\"language\":\"en\"}", "start"},
            new String[] {"{\"agencyId\":\"wf-dortmund\",\"typeId\":\"nope\",\"start\":\"" + start
                + "\",\"company\":{\"name\":5,\"postalCode\":\"44135\"},\"language\":\"en\"}", "company.name"},
            new String[] {"{\"agencyId\":\"wf-dortmund\",\"typeId\":\"nope\",\"start\":\"" + start
                + "\",\"contact\":{\"name\":\"Mia\",\"email\":true},\"language\":\"en\"}", "contact.email"})) {
            HttpResponse<String> refused = http.postJson("/api/v1/bookings", bad[0]);
            assertThat(refused.statusCode()).as(bad[0]).isEqualTo(422);
            assertThat(refused.headers().firstValue("Content-Type")).hasValue("application/problem+json");
            assertThat(refused.body()).as(bad[0]).contains("\"field\":\"" + bad[1] + "\"", "This value must be text.")
                .doesNotContain("required", "erforderlich");
        }
        String unknown = "/api/v1/bookings/00000000-0000-0000-0000-000000000000";
        for (String[] bad : List.of(new String[] {unknown + "/cancel", "{\"token\":12345}", "token"},
            new String[] {unknown + "/cancel", "{\"token\":\"x\",\"reason\":42}", "reason"},
            new String[] {unknown + "/reschedule", "{\"token\":true,\"start\":\"" + start + "\"}", "token"})) {
            HttpResponse<String> refused = http.postJson(bad[0], bad[1], "Accept-Language", "en");
            assertThat(refused.statusCode()).as(bad[1]).isEqualTo(422);
            assertThat(refused.body()).as(bad[1]).contains("\"field\":\"" + bad[2] + "\"", "This value must be text.");
        }
        assertThat(db.count("booking")).as("nothing booked").isEqualTo(bookings);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> company(Map<String, Object> body) {
        return (Map<String, Object>) body.get("company");
    }

    /** A deep copy of a JSON body whose objects can be changed. */
    @SuppressWarnings("unchecked")
    private static Map<String, Object> copy(Map<String, Object> body) {
        Map<String, Object> copy = new LinkedHashMap<>();
        body.forEach((k, v) -> copy.put(k, v instanceof Map<?, ?> m ? copy((Map<String, Object>) m) : v));
        return copy;
    }

    @Test
    void fifteenExpertiseTagsOfFortyCharactersAreAFieldErrorNotAServerError() {
        Http coach = as("hostile-tags-coach", "coach@dortmund.example.org");
        List<String> tags = new ArrayList<>();
        for (int i = 0; i < 15; i++) {
            tags.add(String.valueOf((char) ('a' + i)).repeat(40));
        }
        HttpResponse<String> response = coach.postForm("/coach", Map.of("name", "Dominik Coach", "expertise",
            String.join(",", tags), "modes", "ONLINE"));
        assertThat(response.statusCode()).isEqualTo(422);
        assertThat(response.body()).contains("höchstens 500 Zeichen");
    }

    @Test
    void aFundingProgrammeNameWithoutLatinLettersIsAFieldError() {
        Http admin = admin();
        Map<String, String> form = new LinkedHashMap<>(Map.of("nameDe", "数字化 — ✓", "nameEn", "Digitalisation",
            "provider", "Land NRW", "summaryDe", "Zuschuss.", "summaryEn", "Grant.", "url", "https://example.org/p",
            "regionAgs", "05", "maxLevel", "3", "validFrom", "2026-01-01", "dimensions", "factory"));
        long before = new Database(dataSource).count("funding_programme");
        HttpResponse<String> response = admin.postForm("/admin/foerderprogramme", form);
        assertThat(response.statusCode()).isEqualTo(422);
        assertThat(response.body()).contains("mindestens einen lateinischen Buchstaben oder eine Ziffer");
        assertThat(new Database(dataSource).count("funding_programme")).isEqualTo(before);
    }

    /**
     * The same invitation, agency, logo or funding programme sent several times at the same moment: stored once, never
     * a 500.
     */
    @Test
    void theSameThingCreatedAtTheSameMomentIsStoredOnceAndAnsweredClearly() throws Exception {
        Http admin = admin();
        Database db = new Database(dataSource);
        admin.csrfToken(); // the form token before the burst, so that every request carries the same one
        for (int round = 0; round < 3; round++) {
            String email = "race-" + round + "@example.org";
            List<Integer> invitations = burst(8, () -> admin.postForm("/admin/einladungen",
                Map.of("email", email, "name", "Race " + email, "role", "COACH", "agencyId", "en-agentur")).statusCode());
            assertThat(invitations).as("invitations of " + email).contains(303).allMatch(s -> s == 303 || s == 409 || s == 422);
            assertThat(db.value("SELECT COUNT(*) FROM account WHERE email = ?", email))
                .as(invitations + " " + db.rows("SELECT email FROM account WHERE email LIKE 'race%'")).isEqualTo(1L);

            String shortName = "Race Agentur " + round;
            List<Integer> agencies = burst(8, () -> admin.postForm("/admin/agenturen", Map.of("name", "Wirtschaftsförderung "
                + shortName, "shortName", shortName, "email", "race@example.org", "firstContactDays", "2")).statusCode());
            assertThat(agencies).as("agencies " + shortName).contains(303).allMatch(s -> s == 303 || s == 409 || s == 422);
            assertThat(db.value("SELECT COUNT(*) FROM agency WHERE id = ?", "race-agentur-" + round))
                .as(agencies + " " + db.rows("SELECT id FROM agency WHERE short_name LIKE 'Race%'")).isEqualTo(1L);

            String agency = "race-agentur-" + round;
            byte[] png = png();
            String csrf = admin.csrfToken();
            List<Integer> logos = burst(8, () -> admin.postMultipart("/admin/agenturen/" + agency + "/logo",
                Map.of("_csrf", csrf), "logo", "logo.png", "image/png", png).statusCode());
            assertThat(logos).as("logos of " + agency).contains(303).allMatch(s -> s == 303 || s == 409);
            assertThat(db.value("SELECT COUNT(*) FROM agency_logo WHERE agency_id = ?", agency)).isEqualTo(1L);

            // one programme name: both pass the name check, make one id, and the primary key takes one of them
            String programme = "Race Programm " + round;
            Map<String, String> form = new LinkedHashMap<>(Map.of("nameDe", programme, "nameEn", "Race programme "
                + round, "provider", "Land NRW", "summaryDe", "Zuschuss.", "summaryEn", "Grant.",
                "url", "https://example.org/p", "regionAgs", "05", "maxLevel", "3", "validFrom", "2026-01-01"));
            form.put("dimensions", "factory");
            List<Integer> programmes = burst(8, () -> admin.postForm("/admin/foerderprogramme", form).statusCode());
            assertThat(programmes).as("programmes " + programme).contains(303).allMatch(s -> s == 303 || s == 422);
            assertThat(db.value("SELECT COUNT(*) FROM funding_programme WHERE name_de = ?", programme))
                .as(programmes.toString()).isEqualTo(1L);
        }
    }

    private static List<Integer> burst(int threads, Supplier<Integer> call) throws Exception {
        return AtOnce.times(threads, call::get);
    }

    private static byte[] png() {
        BufferedImage img = new BufferedImage(40, 20, BufferedImage.TYPE_INT_RGB);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            ImageIO.write(img, "png", out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }
}
