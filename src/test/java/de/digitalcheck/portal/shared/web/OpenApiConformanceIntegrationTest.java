package de.digitalcheck.portal.shared.web;

import com.atlassian.oai.validator.OpenApiInteractionValidator;
import com.atlassian.oai.validator.model.Request;
import com.atlassian.oai.validator.model.SimpleRequest;
import com.atlassian.oai.validator.model.SimpleResponse;
import com.atlassian.oai.validator.report.ValidationReport;
import de.digitalcheck.portal.leads.internal.AccessTokens;
import de.digitalcheck.portal.accounts.Accounts;
import de.digitalcheck.portal.booking.Calendars;
import de.digitalcheck.portal.readiness.CompanyType;
import de.digitalcheck.portal.readiness.Questionnaire;
import de.digitalcheck.portal.readiness.Questionnaires;
import de.digitalcheck.portal.routing.AgencyAdministration;
import de.digitalcheck.portal.routing.AgencyProfile;
import de.digitalcheck.portal.shared.security.Role;
import de.digitalcheck.portal.shared.time.NrwHolidays;
import de.digitalcheck.portal.support.Answers;
import de.digitalcheck.portal.support.Http;
import io.micronaut.json.JsonMapper;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.yaml.snakeyaml.Yaml;

import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The API's real answers match the OpenAPI document that {@code GET /openapi} serves: every operation of the document
 * is called, with good and with bad input, and every answer — status, content type, body — is checked against the
 * document's schemas (Atlassian's swagger-request-validator). An operation added to the document without an
 * exchange here fails the coverage check; a status the portal answers that the document does not list fails too.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class OpenApiConformanceIntegrationTest {

    @Inject
    EmbeddedServer server;
    @Inject
    JsonMapper json;
    @Inject
    Questionnaires questionnaires;
    @Inject
    AgencyAdministration agencies;
    @Inject
    Accounts accounts;
    @Inject
    Calendars calendars;
    @Inject
    de.digitalcheck.portal.booking.Coaches coachProfiles;
    @Inject
    de.digitalcheck.portal.leads.internal.AccessTokens tokens;
    @Inject
    de.digitalcheck.portal.leads.internal.LeadForwarding forwarding;

    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");

    private Http http;
    private String document;
    private OpenApiInteractionValidator validator;
    /** The operations called by the running test method, and the differences found in its answers: each its own. */
    private final Set<String> exercised = new TreeSet<>();
    private final List<String> problems = new ArrayList<>();

    @BeforeAll
    void loadDocument() {
        http = new Http(server, json);
        HttpResponse<String> served = http.get("/openapi");
        assertThat(served.statusCode()).isEqualTo(200);
        document = served.body();
        validator = OpenApiInteractionValidator.createForInlineApiSpecification(document).build();
    }

    /**
     * The instance (and its document) serves every test method, but each method asserts the problems of its own
     * answers only: one that left problems behind failed every method after it, and the coverage check counted the
     * operations other methods had called.
     */
    @BeforeEach
    void nothingFoundYet() {
        problems.clear();
        exercised.clear();
    }

    @Test
    void everyOperationAnswersAsTheDocumentSays() {
        Questionnaire q = questionnaires.current();
        exchange("GET", "/api/v1/questionnaire", 200);
        exchange("GET", "/api/v1/questionnaire?lang=en", 200);
        exchange("GET", "/api/v1/questionnaire?lang=xx", 422);
        exchange("GET", "/api/v1/routing?postalCode=58452", 200);
        exchange("GET", "/api/v1/routing?postalCode=1", 422);
        exchange("GET", "/api/v1/agencies", 200);
        exchangeAccepting("GET", "/api/v1/agencies", "application/xml", 406);

        Map<String, Object> body = new LinkedHashMap<>();
        body.put("company", Map.of("name", "Stahlbau Witten GmbH", "postalCode", "58452", "sector", "C",
            "employees", 42, "companyType", "OWN_PRODUCTS"));
        body.put("answers", Answers.atLevel(q, CompanyType.OWN_PRODUCTS, 2));
        body.put("language", "en");
        HttpResponse<String> created = post("/api/v1/assessments", http.write(body), 201);
        Map<String, Object> shared = new LinkedHashMap<>(body);
        shared.put("contact", Map.of("name", "Jana Beispiel", "email", "jana.conformance@stahlbau-witten.example"));
        shared.put("consent", Map.of("shareWithAgency", true));
        @SuppressWarnings("unchecked")
        String leadId = (String) ((Map<String, Object>) http.map(post("/api/v1/assessments", http.write(shared), 201))
            .get("lead")).get("id");
        Map<String, Object> withoutContact = new LinkedHashMap<>(body);
        withoutContact.put("consent", Map.of("shareWithAgency", true));
        post("/api/v1/assessments", http.write(withoutContact), 422);
        post("/api/v1/assessments", "[1]", 400);
        // a status the document did not declare for the submission, though the API answers it
        post("/api/v1/assessments", http.write(body), 406, "Accept", "text/html");
        // members that may be left out may be null, as the document marks them (nullable); a required one may not
        Map<String, Object> nulls = new LinkedHashMap<>(body);
        Map<String, Object> company = new LinkedHashMap<>(Map.of("name", "Nullwerk Witten GmbH", "postalCode", "58452",
            "sector", "C", "employees", 42, "companyType", "OWN_PRODUCTS"));
        company.put("ags", null);
        nulls.put("company", company);
        nulls.put("contact", null);
        nulls.put("consent", java.util.Collections.singletonMap("shareWithAgency", null));
        conforming("POST", "/api/v1/assessments", http.write(nulls), 201);
        nulls.put("consent", null);
        Map<String, Object> phone = new LinkedHashMap<>(Map.of("name", "Nina Null", "email", "nina@nullwerk.example"));
        phone.put("phone", null);
        nulls.put("contact", phone);
        conforming("POST", "/api/v1/assessments", http.write(nulls), 201);
        // an answer null is one left out, as the document marks it (nullable): a question that applies is missing
        Map<String, Object> nullAnswer = new LinkedHashMap<>(body);
        Map<String, Object> answersWithNull = new LinkedHashMap<>(Answers.atLevel(q, CompanyType.OWN_PRODUCTS, 2));
        answersWithNull.put(answersWithNull.keySet().iterator().next(), null);
        nullAnswer.put("answers", answersWithNull);
        assertThat(http.map(conforming("POST", "/api/v1/assessments", http.write(nullAnswer), 422)).get("errors"))
            .asString().contains("Please answer this question.");
        // a contact given needs name and email, as the document's ContactInput requires: {} is refused by both
        Map<String, Object> emptyContact = new LinkedHashMap<>(body);
        emptyContact.put("contact", Map.of());
        assertThat(requestProblems("POST", "/api/v1/assessments", http.write(emptyContact))).as("contact: {}")
            .anySatisfy(m -> assertThat(m).contains("name", "email"));
        post("/api/v1/assessments", http.write(emptyContact), 422);
        Map<String, Object> noCompany = new LinkedHashMap<>(body);
        noCompany.put("company", null);
        assertThat(requestProblems("POST", "/api/v1/assessments", http.write(noCompany))).as("company: null")
            .anySatisfy(m -> assertThat(m).contains("company"));
        post("/api/v1/assessments", http.write(noCompany), 422);
        post("/api/v1/assessments", "{\"company\":{\"employees\":\"many\"},\"answers\":{}}", 422);
        // more problems than a problem lists: the first ones and how many were left off (errorsOmitted)
        Map<String, Object> unknown = new LinkedHashMap<>(body);
        Map<String, String> many = new LinkedHashMap<>(Answers.atLevel(q, CompanyType.OWN_PRODUCTS, 2));
        for (int i = 0; i < 150; i++) {
            many.put("x" + i, "x");
        }
        unknown.put("answers", many);
        assertThat(http.map(post("/api/v1/assessments", http.write(unknown), 422))).containsEntry("errorsOmitted", 50);
        Map<String, Object> assessment = http.map(created);
        String id = (String) assessment.get("id");
        String token = (String) assessment.get("token");

        exchange("GET", "/api/v1/assessments/" + id + "?token=" + token, 200);
        exchange("GET", "/api/v1/assessments/" + id + "?token=wrong", 404);
        exchange("GET", "/api/v1/assessments/" + id + "/report?token=" + token, 200);
        exchange("GET", "/api/v1/assessments/" + id + "/report?token=wrong", 404);

        bookingExchanges(id, token);
        agencyApiExchanges(leadId);

        assertThat(problems).as("answers that differ from the document").isEmpty();
        assertThat(exercised).as("operations of the document called here").containsExactlyInAnyOrderElementsOf(operations());
    }

    /**
     * Every operation answers a request line longer than 4,096 bytes with 414 problem+json, as the document lists for
     * each (it listed none).
     */
    @Test
    void everyOperationAnswersAnAddressTooLongAsTheDocumentSays() {
        String query = "?x=" + "x".repeat(5000);
        for (String operation : operations()) {
            String method = operation.substring(0, operation.indexOf(' '));
            String path = operation.substring(operation.indexOf(' ') + 1).replaceAll("\\{[^}]+}", "x");
            HttpResponse<String> answer = method.equals("GET") ? http.get(path + query, "Accept-Language", "en")
                : http.send(method, path + query, "{}", "Content-Type", "application/json", "Accept-Language", "en");
            check(method, path, answer, 414);
            assertThat(answer.headers().firstValue("Content-Type")).as(operation).hasValueSatisfying(
                t -> assertThat(t).startsWith("application/problem+json"));
            assertThat(answer.body()).as(operation).contains("\"title\":\"Address too long\"");
        }
        assertThat(problems).as("answers that differ from the document").isEmpty();
    }

    /**
     * Every operation answers headers larger than 8 KB with 431 problem+json in the language of {@code Accept-Language},
     * as the document lists for each (it listed none).
     */
    @Test
    void everyOperationAnswersHeadersTooLargeAsTheDocumentSays() {
        String large = "x".repeat(9000);
        for (String operation : operations()) {
            String method = operation.substring(0, operation.indexOf(' '));
            String path = operation.substring(operation.indexOf(' ') + 1).replaceAll("\\{[^}]+}", "x");
            HttpResponse<String> answer = method.equals("GET")
                ? http.get(path, "Accept-Language", "en", "X-Large", large)
                : http.send(method, path, "{}", "Content-Type", "application/json", "Accept-Language", "en",
                    "X-Large", large);
            check(method, path, answer, 431);
            assertThat(answer.headers().firstValue("Content-Type")).as(operation).hasValueSatisfying(
                t -> assertThat(t).startsWith("application/problem+json"));
            assertThat(answer.body()).as(operation).contains("\"title\":\"Headers too large\"");
        }
        assertThat(problems).as("answers that differ from the document").isEmpty();
    }

    /**
     * Every public {@code POST} that a browser marks as coming from another site ({@code Origin} of another site,
     * {@code Sec-Fetch-Site: cross-site}) is refused with 403 problem+json, as the document lists for each (it listed
     * none); so is the agency API's {@code PATCH} without a bearer token (with one it is the token's call: 401 here).
     */
    @Test
    void everyPostRefusedAcrossSitesAsTheDocumentSays() {
        List<String> refused = new ArrayList<>();
        for (String operation : operations()) {
            String method = operation.substring(0, operation.indexOf(' '));
            if (method.equals("GET")) {
                continue;
            }
            String path = operation.substring(operation.indexOf(' ') + 1).replaceAll("\\{[^}]+}", "x");
            for (String[] site : List.of(new String[] {"Origin", "http://evil.example"},
                new String[] {"Sec-Fetch-Site", "cross-site"})) {
                HttpResponse<String> answer = http.send(method, path, "{}", "Content-Type", "application/json",
                    "Accept-Language", "en", site[0], site[1]);
                check(method, path, answer, 403);
                assertThat(http.map(answer)).as(operation + " " + site[0]).containsEntry("detail",
                    "The request comes from another website (Origin or Sec-Fetch-Site). The API does not accept calls "
                        + "from scripts of other websites; call it from a server. Nothing was saved.");
                refused.add(operation);
            }
        }
        assertThat(refused).as("the public posts and the lead's change, each twice").hasSize(10);
        // (Sec-Fetch-Site: an Origin of another site is refused by Micronaut itself where the portal is addressed as
        // localhost, as here, with an empty 403; docs/api.md names that exception)
        call("PATCH", "/api/v1/agency/leads/x", "{}", 401, "Content-Type", "application/json",
            "Sec-Fetch-Site", "cross-site", "Authorization", "Bearer dc_pat_" + "x".repeat(43));
        assertThat(problems).as("answers that differ from the document").isEmpty();
    }

    /**
     * Every operation of the document declares {@code lang} as {@code de} or {@code en} in any case: every one refuses
     * another value (unknown, empty, or one of two) with {@code 422} naming {@code lang}, in the {@code Accept-Language}'s language, as
     * the document says — before, only the questionnaire and the report did, the others answered in German. The
     * agency API checks the token first. {@code lang=EN} is a language like {@code en}.
     */
    @Test
    void everyOperationRefusesALanguageItDoesNotSpeak() {
        String staff = accounts.byEmail("staff@en-agentur.example.org").orElseThrow().id();
        String token = tokens.create("en-agentur", staff, "Emil Ennepe", "OpenAPI lang",
            LocalDate.now(BERLIN).plusDays(30).toString()).token();
        List<String> refused = new ArrayList<>();
        for (String operation : operations()) {
            String method = operation.substring(0, operation.indexOf(' '));
            String path = operation.substring(operation.indexOf(' ') + 1).replaceAll("\\{[^}]+}", "x");
            boolean agencyApi = path.startsWith("/api/v1/agency/");
            String[] headers = agencyApi ? new String[] {"Authorization", "Bearer " + token, "Accept-Language", "en"}
                : new String[] {"Accept-Language", "en"};
            for (String query : List.of("?lang=xx", "?lang=", "?lang=de&lang=fr")) {
                HttpResponse<String> answer = method.equals("GET") ? http.get(path + query, headers)
                    : http.send(method, path + query, "{}", concat(headers, "Content-Type", "application/json"));
                check(method, path + query, answer, 422);
                Map<String, Object> problem = http.map(answer);
                assertThat(problem.get("errors")).as(operation + query).asList().hasSize(1).first()
                    .asInstanceOf(org.assertj.core.api.InstanceOfAssertFactories.MAP)
                    .containsEntry("field", "lang").containsEntry("message", query.contains("lang=de")
                        ? "Unbekannte Sprache: erlaubt sind de und en." // the first lang speaks for the caller
                        : "Unknown language: de and en are allowed.");
                refused.add(operation);
            }
            if (agencyApi) {
                assertThat(http.get(path + "?lang=xx").statusCode()).as(operation + " without a token").isEqualTo(401);
            }
        }
        assertThat(refused).hasSize(operations().size() * 3);
        HttpResponse<String> german = http.get("/api/v1/agencies?lang=fr");
        assertThat(german.statusCode()).isEqualTo(422);
        assertThat(german.body()).contains("Unbekannte Sprache: erlaubt sind de und en.");
        assertThat(http.get("/api/v1/agencies?lang=EN").statusCode()).as("a language code in capitals").isEqualTo(200);
        assertThat(http.get("/api/v1/agencies?lang=de&lang=en").statusCode()).isEqualTo(200);
        // the first lang speaks, as for the problems; twice the same was German (Micronaut joined them: "en,en")
        for (String query : List.of("?lang=en&lang=en", "?lang=en&lang=de")) {
            HttpResponse<String> questionnaire = http.get("/api/v1/questionnaire" + query);
            assertThat(questionnaire.statusCode()).as(query).isEqualTo(200);
            assertThat(http.map(questionnaire)).as(query).containsEntry("language", "en");
        }
        assertThat(http.map(http.get("/api/v1/questionnaire?lang=de&lang=en"))).containsEntry("language", "de");
        // the refusal's language follows the one order of docs/api.md: the first lang if it is one, else the header
        assertThat(http.get("/api/v1/agencies?lang=en&lang=fr", "Accept-Language", "de").body())
            .contains("Unknown language: de and en are allowed.");
        assertThat(http.get("/api/v1/agencies?lang=fr&lang=en", "Accept-Language", "en").body())
            .contains("Unknown language: de and en are allowed.");
        assertThat(http.get("/api/v1/agencies?lang=fr&lang=en").body())
            .contains("Unbekannte Sprache: erlaubt sind de und en.");
        // the body is not read for it: its language does not count
        assertThat(http.postJson("/api/v1/assessments?lang=fr", "{\"language\":\"en\"}").body())
            .contains("Unbekannte Sprache: erlaubt sind de und en.");
        assertThat(problems).as("answers that differ from the document").isEmpty();
    }

    /**
     * A language code is read in any case (docs/api.md: language tags are case-insensitive, RFC 5646), and the document
     * says so too: {@code lang=EN} and a body's {@code "language":"EN"} are taken by its schemas as by the portal. Its
     * {@code enum [de, en]} refused them, so a client or gateway that checks requests against the document refused what
     * the API takes. What the portal refuses (another language, a code with spaces) the document refuses as well.
     */
    @Test
    void theDocumentTakesALanguageCodeInAnyCaseAsThePortalDoes() {
        String report = "/api/v1/assessments/x/report";
        for (String code : List.of("EN", "De", "dE", "en", "de")) {
            for (String path : List.of("/api/v1/agencies", "/api/v1/questionnaire", report)) {
                assertThat(queryProblems(path, code)).as(path + "?lang=" + code).isEmpty();
            }
            HttpResponse<String> questionnaire = http.get("/api/v1/questionnaire?lang=" + code);
            check("GET", "/api/v1/questionnaire", questionnaire, 200);
            assertThat(http.map(questionnaire)).as(code).containsEntry("language", code.toLowerCase(Locale.ROOT));
        }
        for (String code : List.of("fr", "en ", " de", "", "eng")) {
            String query = "?lang=" + java.net.URLEncoder.encode(code, StandardCharsets.UTF_8).replace("+", "%20");
            for (String path : List.of("/api/v1/agencies", "/api/v1/questionnaire", report)) {
                assertThat(queryProblems(path, code)).as(path + query).isNotEmpty();
            }
            assertThat(http.get("/api/v1/agencies" + query).statusCode()).as(query).isEqualTo(422);
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("company", Map.of("name", "Großschreibung Hagen GmbH", "postalCode", "58452", "sector", "C",
            "employees", 12, "companyType", "SERVICES"));
        body.put("answers", Answers.atLevel(questionnaires.current(), CompanyType.SERVICES, 1));
        body.put("language", "EN");
        conforming("POST", "/api/v1/assessments", http.write(body), 201);
        for (String code : List.of("en ", "fr")) {
            body.put("language", code);
            assertThat(requestProblems("POST", "/api/v1/assessments", http.write(body))).as(code)
                .anySatisfy(m -> assertThat(m).contains("language"));
            post("/api/v1/assessments", http.write(body), 422);
        }
        // a booking's language: the document's problems with this (otherwise incomplete) body are not its language's
        for (String code : List.of("EN", "dE")) {
            assertThat(requestProblems("POST", "/api/v1/bookings", "{\"language\":\"" + code + "\"}")).as(code)
                .noneSatisfy(m -> assertThat(m).contains("language"));
        }
        assertThat(requestProblems("POST", "/api/v1/bookings", "{\"language\":\"fr\"}"))
            .anySatisfy(m -> assertThat(m).contains("language"));
        assertThat(problems).as("answers that differ from the document").isEmpty();
    }

    /** What the document finds wrong with a GET of this path with this {@code lang} (and a well-formed token). */
    private List<String> queryProblems(String path, String lang) {
        SimpleRequest request = new SimpleRequest.Builder("GET", path).withQueryParam("lang", lang)
            .withQueryParam("token", "x".repeat(43)).build();
        return validator.validateRequest(request).getMessages().stream()
            .filter(m -> !m.getKey().contains("unexpected")) // the token, where the path takes none
            .map(m -> m.getKey() + " " + m.getMessage()).toList();
    }

    private static String[] concat(String[] headers, String... more) {
        String[] all = java.util.Arrays.copyOf(headers, headers.length + more.length);
        System.arraycopy(more, 0, all, headers.length, more.length);
        return all;
    }

    /** The booking operations, against a new agency with one coach (every day 08:00–18:00) and a video type. */
    private void bookingExchanges(String assessmentId, String assessmentToken) {
        String agency = "oa-" + UUID.randomUUID().toString().substring(0, 12);
        agencies.addUnlessPresent(agency, new AgencyProfile("OpenAPI Test " + agency, "OA " + agency, "kontakt@oa.example.org",
            "+49 231 000000", "https://oa.example.org", "Teststraße 1, 44135 Dortmund", "5"), List.of());
        String email = "coach@" + agency + ".example.org";
        accounts.addUnlessPresent(List.of(new Accounts.NewAccount(email, "Coach " + agency, Role.COACH, agency)));
        String coach = accounts.byEmail(email).orElseThrow().id();
        coachProfiles.update(coach, "Coach " + agency, "", List.of("VIDEO"), List.of());
        Map<DayOfWeek, String> weekly = new EnumMap<>(DayOfWeek.class);
        for (DayOfWeek d : DayOfWeek.values()) {
            weekly.put(d, "08:00-18:00");
        }
        calendars.update(coach, agency, new Calendars.CalendarInput(weekly, "", "", "15", "15", "0", "60", "0", "30"),
            List.of());
        String type = calendars.saveType(agency, null, new Calendars.TypeInput("Erstgespräch", "First talk", "60",
            "VIDEO", "0", List.of(coach), true), List.of()).id();
        LocalDate day = LocalDate.now(BERLIN).plusDays(10);
        while (NrwHolidays.isHoliday(day)) {
            day = day.plusDays(1);
        }

        exchange("GET", "/api/v1/appointment-types?agency=" + agency, 200);
        exchange("GET", "/api/v1/appointment-types?agency=" + agency + "&lang=en", 200);
        exchange("GET", "/api/v1/appointment-types", 400);
        exchange("GET", "/api/v1/appointment-types?agency=nope", 404);
        String range = "&from=" + day + "&to=" + day;
        exchange("GET", "/api/v1/slots?agency=" + agency + "&type=" + type + range, 200);
        exchange("GET", "/api/v1/slots?agency=" + agency + "&type=" + type + range + "&coach=" + coach, 200);
        exchange("GET", "/api/v1/slots?agency=" + agency + "&type=" + type + "&from=" + day + "&to=" + day.plusDays(90),
            422);
        exchange("GET", "/api/v1/slots?agency=" + agency + "&type=" + type + "&from=someday&to=" + day, 400);
        exchange("GET", "/api/v1/slots?agency=" + agency + "&type=nope" + range, 404);
        // statuses the document did not declare for these operations, though the API answers them
        exchangeAccepting("GET", "/api/v1/slots?agency=" + agency + "&type=" + type + range, "application/xml", 406);
        exchangeAccepting("GET", "/api/v1/appointment-types?agency=" + agency, "text/csv", 406);

        // the check's id without its token attaches nothing: 422, as the document says
        post("/api/v1/bookings", booking(agency, type, at(day, 9), assessmentId, "eve@muster.example"), 422);
        HttpResponse<String> booked = post("/api/v1/bookings", booking(agency, type, at(day, 9), assessmentId,
            assessmentToken, "mia@muster.example"), 201);
        post("/api/v1/bookings", booking(agency, type, at(day, 9).replace("09:00", "09:30"), null,
            "max@muster.example"), 409);
        post("/api/v1/bookings", booking(agency, type, at(day, 11), null, "not-an-email"), 422);
        post("/api/v1/bookings", booking(agency, "nope", at(day, 11), null, "max@muster.example"), 404);
        post("/api/v1/bookings", booking(agency, type, "tomorrow", null, "max@muster.example"), 400);
        post("/api/v1/bookings", "{not json", 400);
        String nulls = booking(agency, type, at(day, 16), null, "nulla@muster.example").replace("\"company\":{",
            "\"coachId\":null,\"assessmentId\":null,\"assessmentToken\":null,\"company\":{\"street\":null,"
                + "\"town\":null,").replace("\"language\":\"de\"", "\"language\":null")
            .replace("\"shareWithAgency\":true", "\"shareWithAgency\":null");
        assertThat(nulls).contains("\"coachId\":null", "\"street\":null", "\"language\":null",
            "\"shareWithAgency\":null");
        HttpResponse<String> bookedWithNulls = conforming("POST", "/api/v1/bookings", nulls, 201);
        String bookedWithNullsToken = (String) http.map(bookedWithNulls).get("token");
        Map<String, Object> made = http.map(booked);
        String id = (String) made.get("id");
        String token = (String) made.get("token");

        exchange("GET", "/api/v1/bookings/" + id + "?token=" + token, 200);
        exchange("GET", "/api/v1/bookings/" + id + "?token=" + "x".repeat(43), 404);
        HttpResponse<String> other = post("/api/v1/bookings", booking(agency, type, at(day, 14), null,
            "max@muster.example"), 201);
        HttpResponse<String> moved = post("/api/v1/bookings/" + id + "/reschedule", "{\"token\":\"" + token
            + "\",\"start\":\"" + at(day, 11) + "\"}", 200);
        // the move spends the token: the answer carries the new one, the old one is not found
        String spent = token;
        token = (String) http.map(moved).get("token");
        assertThat(token).isNotEqualTo(spent);
        post("/api/v1/bookings/" + id + "/reschedule", "{\"token\":\"" + spent + "\",\"start\":\"" + at(day, 12)
            + "\"}", 404);
        post("/api/v1/bookings/" + id + "/reschedule", "{\"token\":\"" + token + "\",\"start\":\"" + at(day, 14)
            + "\"}", 409);
        post("/api/v1/bookings/" + id + "/reschedule", "{\"token\":\"" + token + "\",\"start\":\"later\"}", 400);
        post("/api/v1/bookings/" + id + "/reschedule", "{\"token\":\"" + "x".repeat(43) + "\",\"start\":\""
            + at(day, 12) + "\"}", 404);
        post("/api/v1/bookings/" + id + "/reschedule", "{\"token\":\"" + token + "\",\"start\":\""
            + at(day, 11).replace("11:00", "11:10") + "\"}", 422);
        post("/api/v1/bookings/" + id + "/cancel", "{\"token\":\"" + "x".repeat(43) + "\"}", 404);
        post("/api/v1/bookings/" + id + "/cancel", "[]", 400);
        post("/api/v1/bookings/" + id + "/cancel", "{\"reason\":\"" + "x".repeat(300_000) + "\"}", 413);
        exchangeAccepting("GET", "/api/v1/bookings/" + id + "?token=" + token, "application/xml", 406);
        post("/api/v1/bookings/" + id + "/cancel", "{\"token\":\"" + token + "\",\"reason\":\"" + "x".repeat(501)
            + "\"}", 422);
        post("/api/v1/bookings/" + id + "/cancel", "{\"token\":\"" + token + "\",\"reason\":\"verhindert\"}", 200);
        conforming("POST", "/api/v1/bookings/" + http.map(bookedWithNulls).get("id") + "/cancel",
            "{\"token\":\"" + bookedWithNullsToken + "\",\"reason\":null}", 200);
        assertThat(http.map(other)).containsKey("id");
    }

    /** The agency API, with a personal access token of the EN-Agentur's demo staff member (Witten's agency). */
    private void agencyApiExchanges(String leadId) {
        String staff = accounts.byEmail("staff@en-agentur.example.org").orElseThrow().id();
        String token = tokens.create("en-agentur", staff, "Emil Ennepe", "OpenAPI",
            LocalDate.now(BERLIN).plusDays(30).toString()).token();
        String[] auth = {"Authorization", "Bearer " + token};
        call("GET", "/api/v1/agency/leads", null, 401);
        call("GET", "/api/v1/agency/leads", null, 401, "Authorization", "Bearer dc_pat_" + "x".repeat(43));
        call("GET", "/api/v1/agency/leads?limit=1", null, 200, auth);
        call("GET", "/api/v1/agency/leads?status=NEW&since=2020-01-01T00:00:00Z", null, 200, auth);
        call("GET", "/api/v1/agency/leads?cursor=bm9wZQ", null, 400, auth);
        exchangeAccepting("GET", "/api/v1/agency/leads/" + leadId, "application/xml", 406);
        String lead = "/api/v1/agency/leads/" + leadId;
        HttpResponse<String> read = call("GET", lead, null, 200, auth);
        assertThat(read.headers().firstValue("ETag")).hasValue("\"0\"");
        call("GET", "/api/v1/agency/leads/unknown", null, 404, auth);
        call("GET", lead, null, 401);
        String json = "application/json";
        call("PATCH", lead, "{\"status\":\"CONTACTED\"}", 428, auth[0], auth[1], "Content-Type", json);
        call("PATCH", lead, "{\"status\":\"CONTACTED\"}", 412, auth[0], auth[1], "Content-Type", json, "If-Match", "\"9\"");
        call("PATCH", lead, "{\"status\":\"WON\"}", 422, auth[0], auth[1], "Content-Type", json, "If-Match", "\"0\"");
        // the member with the empty name is the field "": every entry carries the field the schema requires
        call("PATCH", lead, "{\"\":1}", 422, auth[0], auth[1], "Content-Type", json, "If-Match", "\"0\"");
        call("PATCH", lead, "[]", 400, auth[0], auth[1], "Content-Type", json, "If-Match", "\"0\"");
        call("PATCH", lead, "status=WON", 415, auth[0], auth[1], "Content-Type", "text/plain", "If-Match", "\"0\"");
        call("PATCH", "/api/v1/agency/leads/unknown", "{}", 404, auth[0], auth[1], "Content-Type", json, "If-Match", "\"0\"");
        call("PATCH", lead, "{}", 401, "Content-Type", json, "If-Match", "\"0\"");
        String reader = tokens.create("en-agentur", staff, "Emil Ennepe", "OpenAPI read",
            LocalDate.now(BERLIN).plusDays(30).toString(), AccessTokens.READ, null).token();
        call("PATCH", lead, "{\"status\":\"CONTACTED\"}", 403, "Authorization", "Bearer " + reader,
            "Content-Type", json, "If-Match", "\"0\"");
        HttpResponse<String> patched = call("PATCH", lead, "{\"status\":\"CONTACTED\",\"assigneeId\":null,\"note\":\"Angerufen\"}",
            200, auth[0], auth[1], "Content-Type", "application/merge-patch+json", "If-Match", "\"0\"");
        call("GET", "/api/v1/agency/forwarded-leads", null, 401);
        call("GET", "/api/v1/agency/forwarded-leads?cursor=bm9wZQ", null, 400, auth);
        int version = Integer.parseInt(patched.headers().firstValue("ETag").orElseThrow().replace("\"", ""));
        forwarding.forward("en-agentur", false, leadId, version, "wf-dortmund", "OpenAPI",
            new de.digitalcheck.portal.leads.internal.LeadWork.Actor(staff, "Emil Ennepe"));
        HttpResponse<String> forwarded = call("GET", "/api/v1/agency/forwarded-leads?since=2020-01-01T00:00:00Z&limit=200",
            null, 200, auth);
        assertThat(forwarded.body()).as("the forwarded lead, checked against the schema").contains(leadId);
    }

    private HttpResponse<String> call(String method, String pathAndQuery, String body, int expectedStatus,
                                      String... headers) {
        HttpResponse<String> response = body == null ? http.get(pathAndQuery, headers)
            : http.send(method, pathAndQuery, body, headers);
        check(method, pathAndQuery, response, expectedStatus);
        return response;
    }

    private static String at(LocalDate day, int hour) {
        return day.atTime(hour, 0).atZone(BERLIN).toOffsetDateTime().format(DateTimeFormatter.ISO_OFFSET_DATE_TIME);
    }

    private static String booking(String agency, String type, String start, String assessmentId, String email) {
        return booking(agency, type, start, assessmentId, null, email);
    }

    private static String booking(String agency, String type, String start, String assessmentId,
                                  String assessmentToken, String email) {
        return "{\"agencyId\":\"" + agency + "\",\"typeId\":\"" + type + "\",\"start\":\"" + start + "\","
            + (assessmentId == null ? "" : "\"assessmentId\":\"" + assessmentId + "\",")
            + (assessmentToken == null ? "" : "\"assessmentToken\":\"" + assessmentToken + "\",")
            + "\"company\":{\"name\":\"Muster Metallbau GmbH\",\"postalCode\":\"58452\"},"
            + "\"contact\":{\"name\":\"Mia Muster\",\"email\":\"" + email + "\"},"
            + "\"consent\":{\"shareWithAgency\":true},\"language\":\"de\"}";
    }

    /** Every {@code METHOD path-template} of the document. */
    @SuppressWarnings("unchecked")
    private Set<String> operations() {
        Map<String, Object> doc = new Yaml().load(document);
        Set<String> operations = new LinkedHashSet<>();
        ((Map<String, Map<String, Object>>) doc.get("paths")).forEach((path, item) -> item.keySet().stream()
            .filter(k -> Set.of("get", "post", "put", "patch", "delete").contains(k))
            .forEach(method -> operations.add(method.toUpperCase(Locale.ROOT) + " " + path)));
        assertThat(operations).isNotEmpty();
        return operations;
    }

    private HttpResponse<String> exchange(String method, String pathAndQuery, int expectedStatus) {
        return exchangeAccepting(method, pathAndQuery, null, expectedStatus);
    }

    private HttpResponse<String> exchangeAccepting(String method, String pathAndQuery, String accept, int expectedStatus) {
        HttpResponse<String> response = accept == null ? http.get(pathAndQuery) : http.get(pathAndQuery, "Accept", accept);
        check(method, pathAndQuery, response, expectedStatus);
        return response;
    }

    /**
     * A post whose body the document takes as it is (no message of the request validator) and the portal answers
     * with {@code expectedStatus}, as the document says.
     */
    private HttpResponse<String> conforming(String method, String path, String body, int expectedStatus) {
        assertThat(requestProblems(method, path, body)).as(method + " " + path + " " + body).isEmpty();
        return post(path, body, expectedStatus);
    }

    /** What the document finds wrong with a JSON request body (for a public operation). */
    private List<String> requestProblems(String method, String path, String body) {
        SimpleRequest request = new SimpleRequest.Builder(method, path).withContentType("application/json")
            .withBody(body).build();
        return validator.validateRequest(request).getMessages().stream()
            .map(m -> m.getKey() + " " + m.getMessage()).toList();
    }

    private HttpResponse<String> post(String path, String body, int expectedStatus, String... headers) {
        HttpResponse<String> response = http.postJson(path, body, headers);
        check("POST", path, response, expectedStatus);
        return response;
    }

    private void check(String method, String pathAndQuery, HttpResponse<String> response, int expectedStatus) {
        assertThat(response.statusCode()).as(method + " " + pathAndQuery + ": " + response.body()).isEqualTo(expectedStatus);
        String path = URI.create(pathAndQuery).getPath();
        String contentType = response.headers().firstValue("Content-Type").orElse("");
        SimpleResponse.Builder answer = SimpleResponse.Builder.status(response.statusCode()).withContentType(contentType);
        if (contentType.startsWith("application/pdf")) {
            assertThat(response.body()).startsWith("%PDF-");
        }
        answer.withBody(response.body(), StandardCharsets.UTF_8);
        ValidationReport report = validator.validateResponse(path, Request.Method.valueOf(method), answer.build());
        report.getMessages().forEach(m -> problems.add(method + " " + pathAndQuery + " → " + response.statusCode()
            + ": " + m.getKey() + " " + m.getMessage()));
        exercised.add(method + " " + template(path));
    }

    /** The document's path template that this concrete path matches. */
    private String template(String path) {
        return operations().stream().map(o -> o.substring(o.indexOf(' ') + 1)).distinct()
            .filter(t -> Pattern.matches(t.replaceAll("\\{[^}]+}", "[^/]+"), path))
            .findFirst().orElse(path);
    }
}
