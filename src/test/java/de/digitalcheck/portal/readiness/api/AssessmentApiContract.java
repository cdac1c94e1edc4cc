package de.digitalcheck.portal.readiness.api;

import de.digitalcheck.portal.support.Database;
import de.digitalcheck.portal.readiness.CompanyType;
import de.digitalcheck.portal.readiness.Questionnaire;
import de.digitalcheck.portal.readiness.Questionnaires;
import de.digitalcheck.portal.support.Answers;
import de.digitalcheck.portal.support.Http;
import io.micronaut.json.JsonMapper;
import io.micronaut.runtime.server.EmbeddedServer;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The public API v1 of the self-check; run against H2 and against MySQL/MariaDB by the subclasses. */
abstract class AssessmentApiContract {

    @Inject
    EmbeddedServer server;
    @Inject
    JsonMapper json;
    @Inject
    javax.sql.DataSource dataSource;
    @Inject
    Questionnaires questionnaires;

    Http http;
    Questionnaire q;

    @BeforeEach
    void setUp() {
        http = new Http(server, json);
        q = questionnaires.current();
    }

    Map<String, Object> company(String postalCode, String type) {
        Map<String, Object> company = new LinkedHashMap<>();
        company.put("name", "Stahlbau Witten GmbH");
        company.put("postalCode", postalCode);
        company.put("sector", "C");
        company.put("employees", 42);
        company.put("companyType", type);
        return company;
    }

    Map<String, Object> request(Map<String, Object> company, Map<String, String> answers) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("company", company);
        body.put("answers", answers);
        body.put("language", "de");
        return body;
    }

    HttpResponse<String> submit(Map<String, Object> body) {
        return http.postJson("/api/v1/assessments", http.write(body));
    }

    @SuppressWarnings("unchecked")
    static List<Map<String, Object>> list(Object value) {
        return (List<Map<String, Object>>) value;
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> obj(Object value) {
        return (Map<String, Object>) value;
    }

    @Test
    void submittingACompleteCheckScoresItAndNamesTheAgency() {
        HttpResponse<String> response = submit(request(company("58452", "OWN_PRODUCTS"),
            Answers.atLevel(q, CompanyType.OWN_PRODUCTS, 3)));
        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        Map<String, Object> doc = http.map(response);
        assertThat(obj(doc.get("overall"))).containsEntry("score", 3.0).containsEntry("level", 3)
            .containsEntry("levelName", "Experienced").containsEntry("group", "leaders");
        assertThat(list(doc.get("dimensions"))).hasSize(6).allSatisfy(d -> assertThat(d.get("level")).isEqualTo(3));
        assertThat(obj(doc.get("agency"))).containsEntry("id", "en-agentur");
        assertThat(doc.get("questionnaireVersion")).isEqualTo(q.version());
        String token = (String) doc.get("token");
        assertThat(token).hasSizeGreaterThanOrEqualTo(22);
        assertThat((String) doc.get("resultUrl")).endsWith("/check/" + token + "/result");
        assertThat((String) doc.get("reportUrl")).contains("/api/v1/assessments/" + doc.get("id"));

        HttpResponse<String> again = http.get("/api/v1/assessments/" + doc.get("id") + "?token=" + token);
        assertThat(again.statusCode()).isEqualTo(200);
        assertThat(http.map(again)).isEqualTo(doc);
    }

    @Test
    void weakestAnswerCapsTheDimensionAndWeightsAreReNormalisedForServices() {
        Map<String, String> answers = Answers.choose(q, CompanyType.SERVICES,
            question -> question.id().equals(q.questionsOf("strategy", CompanyType.SERVICES).get(1).id()) ? 1 : 4);
        HttpResponse<String> response = submit(request(company("44135", "SERVICES"), answers));
        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        Map<String, Object> doc = http.map(response);
        Map<String, Map<String, Object>> byId = new HashMap<>();
        list(doc.get("dimensions")).forEach(d -> byId.put((String) d.get("id"), d));
        assertThat(byId.get("strategy")).containsEntry("level", 1)
            .containsEntry("cappedBy", List.of(q.questionsOf("strategy", CompanyType.SERVICES).get(1).id()));
        assertThat(byId.get("products").get("level")).isNull();
        assertThat(byId.get("factory").get("level")).isNull();
        // strategy 25*1 + operations 10*4 + services 14*4 + employees 18*4 = 193 over 67 = 2.88 -> 2.9
        assertThat(obj(doc.get("overall"))).containsEntry("score", 2.9).containsEntry("level", 2)
            .containsEntry("group", "learners");
        assertThat(obj(doc.get("agency"))).containsEntry("id", "wf-dortmund");
    }

    @Test
    void aNameOfNoBreakAndZeroWidthSpacesIsNoName() {
        long before = new Database(dataSource).count("assessment");
        Map<String, Object> body = de.digitalcheck.portal.support.CompletedChecks.of(q).named("\u00a0\u200b\u00a0")
            .contact("\u200b", "leer@example.org").body();
        HttpResponse<String> response = submit(body);
        assertThat(response.statusCode()).isEqualTo(422);
        assertThat(response.body()).contains("\"field\":\"company.name\"", "\"field\":\"contact.name\"");
        assertThat(new Database(dataSource).count("assessment")).isEqualTo(before);
    }

    @Test
    void everyBrokenRuleIsListedAndNothingIsStored() {
        long before = new Database(dataSource).count("assessment");
        Map<String, Object> company = new LinkedHashMap<>();
        company.put("name", "x".repeat(201));
        company.put("postalCode", "4413");
        company.put("sector", "Z");
        company.put("employees", -5);
        company.put("companyType", "FACTORY");
        Map<String, String> answers = new LinkedHashMap<>();
        answers.put("no-such-question", "x");
        answers.put(q.questions().get(0).id(), "no-such-option");
        Map<String, Object> body = request(company, answers);
        body.put("language", "fr");
        HttpResponse<String> response = submit(body);
        assertThat(response.statusCode()).isEqualTo(422);
        assertThat(response.headers().firstValue("Content-Type")).get().asString().startsWith("application/problem+json");
        Map<String, Object> problem = http.map(response);
        assertThat(problem).containsEntry("status", 422).containsKeys("title", "detail");
        assertThat(list(problem.get("errors"))).extracting(e -> e.get("field")).contains(
            "company.name", "company.postalCode", "company.sector", "company.employees", "company.companyType",
            "language", "answers.no-such-question", "answers." + q.questions().get(0).id());
        assertThat(list(problem.get("errors"))).allSatisfy(e -> assertThat((String) e.get("message")).isNotBlank());
        // a few problems: every one listed, and said to be all there is
        assertThat(problem).containsEntry("detail", list(problem.get("errors")).size()
            + " Angaben verletzen Regeln; siehe errors.").doesNotContainKey("errorsOmitted");
        assertThat(new Database(dataSource).count("assessment")).isEqualTo(before);
    }

    /**
     * 10,000 unknown answers: the first {@value de.digitalcheck.portal.shared.web.Problem#MAX_ERRORS} entries, in the
     * body's order, and how many were left off (the answer had one entry each, 911 KB); nothing stored.
     */
    @Test
    void tenThousandUnknownAnswersGetTheFirstHundredEntriesAndHowManyWereLeftOff() {
        long before = new Database(dataSource).count("assessment");
        Map<String, String> answers = Answers.atLevel(q, CompanyType.OWN_PRODUCTS, 3);
        for (int i = 0; i < 10_000; i++) {
            answers.put("x" + i, "x");
        }
        Map<String, Object> body = request(company("58452", "OWN_PRODUCTS"), answers);
        body.put("language", "en");
        HttpResponse<String> response = submit(body);
        assertThat(response.statusCode()).isEqualTo(422);
        assertThat(response.body().length()).as("a small answer").isLessThan(16_000);
        Map<String, Object> problem = http.map(response);
        assertThat(list(problem.get("errors"))).extracting(e -> e.get("field")).containsExactlyElementsOf(
            java.util.stream.IntStream.range(0, 100).mapToObj(i -> "answers.x" + i).toList());
        assertThat(list(problem.get("errors"))).extracting(e -> e.get("message")).containsOnly(
            "There is no such question in the questionnaire.");
        assertThat(problem).containsEntry("status", 422).containsEntry("errorsOmitted", 9_900).containsEntry("detail",
            "10000 fields break rules; errors lists the first 100, errorsOmitted counts the rest.");

        // a 400 that names members (a number no field takes, 150 answers of the wrong type) alike, the number first
        Map<String, Object> numbers = new LinkedHashMap<>();
        for (int i = 0; i < 150; i++) {
            numbers.put("n" + i, i);
        }
        Map<String, Object> malformed = request(company("58452", "OWN_PRODUCTS"), Map.of());
        obj(malformed.get("company")).put("employees", new java.math.BigDecimal("1e400"));
        malformed.put("answers", numbers);
        HttpResponse<String> refused = submit(malformed);
        assertThat(refused.statusCode()).as(refused.body()).isEqualTo(400);
        Map<String, Object> bad = http.map(refused);
        assertThat(list(bad.get("errors"))).hasSize(100).extracting(e -> e.get("field"))
            .as("the number first, the reason of the 400").startsWith("company.employees", "answers.n0")
            .contains("answers.n98").doesNotContain("answers.n99");
        assertThat(bad).containsEntry("errorsOmitted", 51);
        assertThat(new Database(dataSource).count("assessment")).isEqualTo(before);
    }

    @Test
    void missingApplicableAnswersAreListedOneByOne() {
        Map<String, String> answers = Answers.atLevel(q, CompanyType.TRADE, 2);
        String dropped = answers.keySet().iterator().next();
        answers.remove(dropped);
        HttpResponse<String> response = submit(request(company("44135", "TRADE"), answers));
        assertThat(response.statusCode()).isEqualTo(422);
        assertThat(list(http.map(response).get("errors"))).extracting(e -> e.get("field")).containsExactly("answers." + dropped);
    }

    @Test
    void aSkippedQuestionMayNotBeAnsweredWithALevel() {
        Map<String, String> answers = Answers.atLevel(q, CompanyType.SERVICES, 2);
        Questionnaire.Question products = q.questionsOf("products", null).get(0);
        answers.put(products.id(), products.options().get(0).id());
        HttpResponse<String> response = submit(request(company("44135", "SERVICES"), answers));
        assertThat(response.statusCode()).isEqualTo(422);
        assertThat(list(http.map(response).get("errors"))).extracting(e -> e.get("field")).containsExactly("answers." + products.id());
    }

    /** Every smart-products question answered "not applicable", everything else at level 3. */
    Map<String, String> productsNotApplicable(CompanyType type) {
        Map<String, String> answers = Answers.atLevel(q, type, 3);
        q.questionsOf("products", type).forEach(x -> answers.put(x.id(), x.id() + "-na"));
        return answers;
    }

    @Test
    void notApplicableIsRefusedForATypeThatMayNotChooseItAndNothingIsStored() {
        long before = new Database(dataSource).count("assessment");
        HttpResponse<String> response = submit(request(company("58452", "OWN_PRODUCTS"),
            productsNotApplicable(CompanyType.OWN_PRODUCTS)));
        assertThat(response.statusCode()).as(response.body()).isEqualTo(422);
        assertThat(list(http.map(response).get("errors"))).extracting(e -> e.get("field")).containsExactly(
            "answers.products-ict-1", "answers.products-ict-2", "answers.products-analytics-1", "answers.products-analytics-2");
        assertThat(list(http.map(response).get("errors"))).extracting(e -> e.get("message")).containsOnly(
            "„Trifft nicht zu“ gibt es bei dieser Frage nur für andere Unternehmensarten. Bitte wählen Sie die Antwort, die"
                + " für Ihr Unternehmen zutrifft.");
        Map<String, Object> english = request(company("58452", "OWN_PRODUCTS"), productsNotApplicable(CompanyType.OWN_PRODUCTS));
        english.put("language", "en");
        assertThat(list(http.map(submit(english)).get("errors"))).extracting(e -> e.get("message")).containsOnly(
            "“Not applicable” is offered for this question only to other types of company. Please choose the answer that"
                + " fits your company.");
        assertThat(new Database(dataSource).count("assessment")).isEqualTo(before);
    }

    @Test
    void notApplicableIsAcceptedForAContractManufacturerAndItsDimensionDropsOut() {
        HttpResponse<String> response = submit(request(company("58452", "CONTRACT_MANUFACTURING"),
            productsNotApplicable(CompanyType.CONTRACT_MANUFACTURING)));
        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        Map<String, Object> doc = http.map(response);
        // 3 × (100 − 19) / 81 = 3.0; products not applicable
        assertThat(obj(doc.get("overall"))).containsEntry("score", 3.0).containsEntry("level", 3);
        assertThat(list(doc.get("dimensions"))).filteredOn(d -> d.get("id").equals("products")).singleElement()
            .satisfies(d -> assertThat(d).containsEntry("level", null).containsEntry("cappedBy", List.of()));
        // the same company with its products at level 0: 243 / 100 = 2.4
        Map<String, String> atZero = Answers.choose(q, CompanyType.OWN_PRODUCTS, x -> x.dimension().equals("products") ? 0 : 3);
        assertThat(obj(http.map(submit(request(company("58452", "OWN_PRODUCTS"), atZero))).get("overall")))
            .containsEntry("score", 2.4).containsEntry("level", 2);
    }

    @Test
    void theQuestionnaireTellsWhoMayChooseNotApplicable() {
        Map<String, Object> doc = http.map(http.get("/api/v1/questionnaire?lang=en"));
        for (Map<String, Object> question : list(doc.get("questions"))) {
            boolean products = question.get("dimension").equals("products");
            assertThat(question.get("notApplicableFor")).as((String) question.get("id"))
                .isEqualTo(products ? List.of("CONTRACT_MANUFACTURING") : List.of());
            assertThat(list(question.get("options"))).as((String) question.get("id"))
                .hasSize(products ? 7 : 6);
        }
    }

    @Test
    void anAmbiguousPostalCodeNeedsTheMunicipalityOfThatCode() {
        Map<String, String> answers = Answers.atLevel(q, CompanyType.OWN_PRODUCTS, 1);
        HttpResponse<String> missing = submit(request(company("40472", "OWN_PRODUCTS"), answers));
        assertThat(missing.statusCode()).isEqualTo(422);
        assertThat(list(http.map(missing).get("errors"))).extracting(e -> e.get("field")).containsExactly("company.ags");

        Map<String, Object> wrong = company("40472", "OWN_PRODUCTS");
        wrong.put("ags", "05913000");
        assertThat(submit(request(wrong, answers)).statusCode()).isEqualTo(422);

        Map<String, Object> right = company("40472", "OWN_PRODUCTS");
        right.put("ags", "05158028");
        HttpResponse<String> created = submit(request(right, answers));
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        assertThat(obj(http.map(created).get("agency"))).containsEntry("id", "nrw-invest");
    }

    @Test
    void anUnknownPostalCodeAndAnUncoveredLocationAreTold() {
        Map<String, String> answers = Answers.atLevel(q, CompanyType.OWN_PRODUCTS, 1);
        HttpResponse<String> unknown = submit(request(company("00000", "OWN_PRODUCTS"), answers));
        assertThat(unknown.statusCode()).isEqualTo(422);
        assertThat(http.map(unknown).toString()).contains("company.postalCode");

        Map<String, Object> hessen = company("59969", "OWN_PRODUCTS");
        hessen.put("ags", "06635005");
        HttpResponse<String> fallback = submit(request(hessen, answers));
        assertThat(fallback.statusCode()).as(fallback.body()).isEqualTo(201);
        assertThat(http.map(fallback)).containsEntry("agency", null);
    }

    @Test
    void malformedJsonIsABadRequest() {
        for (String body : List.of("{\"company\": ", "[1,2]", "", "null", "\"text\"")) {
            HttpResponse<String> response = http.postJson("/api/v1/assessments", body);
            assertThat(response.statusCode()).as(body).isEqualTo(400);
            assertThat(response.headers().firstValue("Content-Type")).get().asString().startsWith("application/problem+json");
            assertThat(http.map(response)).containsEntry("status", 400);
        }
    }

    @Test
    void anOversizedBodyIsRefusedAndNothingIsStored() {
        long before = new Database(dataSource).count("assessment");
        Map<String, Object> company = company("44135", "OWN_PRODUCTS");
        company.put("name", "x".repeat(300_000));
        HttpResponse<String> response = submit(request(company, Answers.atLevel(q, CompanyType.OWN_PRODUCTS, 1)));
        assertThat(response.statusCode()).isEqualTo(413);
        assertThat(response.headers().firstValue("Content-Type")).get().asString().startsWith("application/problem+json");
        assertThat(new Database(dataSource).count("assessment")).isEqualTo(before);
    }

    @Test
    void wrongTypesAreFieldErrorsInTheRequestedLanguage() {
        Map<String, Object> company = company("44135", "OWN_PRODUCTS");
        company.put("name", List.of("a"));
        company.put("employees", "many");
        Map<String, Object> body = request(company, Answers.atLevel(q, CompanyType.OWN_PRODUCTS, 1));
        body.put("language", "en");
        body.put("consent", Map.of("shareWithAgency", "true")); // the rule the bookings share (JsonBody.bool)
        HttpResponse<String> response = submit(body);
        assertThat(response.statusCode()).isEqualTo(422);
        List<Map<String, Object>> errors = list(http.map(response).get("errors"));
        assertThat(errors).extracting(e -> e.get("field")).contains("company.name", "company.employees");
        assertThat(errors).contains(Map.of("field", "consent.shareWithAgency",
            "message", "This value must be true or false."));
        // a string is read as the number it spells (API v1 promised so), and "many" spells none
        assertThat(errors).contains(Map.of("field", "company.employees",
            "message", "Please give the number of employees as a whole number."));
        // a JSON number passes to the head count's own rules
        company.put("name", "Typ GmbH");
        company.put("employees", 4.5);
        body.put("company", company);
        body.remove("consent");
        List<Map<String, Object>> fraction = list(http.map(submit(body)).get("errors"));
        assertThat(fraction).contains(Map.of("field", "company.employees",
            "message", "Please give the number of employees as a whole number."));
    }

    /**
     * A head count beyond {@code long} (26 digits) is a whole number, and too high, as 10000001 is: it got "Please give
     * the number of employees as a whole number." Below {@code long} it is too low. Nothing is stored.
     */
    @Test
    void aHeadCountBeyondEveryLimitIsUnrealisticallyHighNotNoWholeNumber() {
        long before = new Database(dataSource).count("assessment");
        String tooMany = "This number of employees is unrealistically high.";
        String tooFew = "The number of employees must be at least 1 (head count, including owners).";
        Map<String, String> expected = new java.util.LinkedHashMap<>();
        expected.put("10000001", tooMany);
        expected.put("99999999999999999999999999", tooMany);
        expected.put("\"99999999999999999999999999\"", tooMany);
        expected.put("9223372036854775808", tooMany); // one beyond long
        expected.put("-99999999999999999999999999", tooFew);
        expected.put("99999999999999999999999999.5", "Please give the number of employees as a whole number.");
        String body = http.write(request(company("44135", "OWN_PRODUCTS"),
            Answers.atLevel(q, CompanyType.OWN_PRODUCTS, 1))).replace("\"language\":\"de\"", "\"language\":\"en\"");
        assertThat(body).contains("\"employees\":42", "\"language\":\"en\"");
        expected.forEach((employees, message) -> {
            HttpResponse<String> response = http.postJson("/api/v1/assessments",
                body.replace("\"employees\":42", "\"employees\":" + employees));
            assertThat(response.statusCode()).as(employees).isEqualTo(422);
            assertThat(list(http.map(response).get("errors"))).as(employees)
                .containsExactly(Map.of("field", "company.employees", "message", message));
        });
        assertThat(new Database(dataSource).count("assessment")).isEqualTo(before);
        // leading zeros count for nothing: a string of 30 digits may still be 42
        assertThat(http.postJson("/api/v1/assessments", body.replace("\"employees\":42",
            "\"employees\":\"" + "0".repeat(28) + "42\"")).statusCode()).isEqualTo(201);
    }

    /**
     * A head count as a string is read as the number it spells ({@code "42"}, API v1's promise), but a string with a
     * space of any kind in it spells none: {@code " 42"} was trimmed to 42 (the form's rule for what a person typed)
     * and stored. It is a {@code 422} naming the field, in the body's language, nothing stored.
     */
    @Test
    void aHeadCountStringWithSpacesIsRefusedNamingTheField() {
        long before = new Database(dataSource).count("assessment");
        String body = http.write(request(company("44135", "OWN_PRODUCTS"),
            Answers.atLevel(q, CompanyType.OWN_PRODUCTS, 1))).replace("\"language\":\"de\"", "\"language\":\"en\"");
        assertThat(body).contains("\"employees\":42", "\"language\":\"en\"");
        for (String spaced : List.of("\" 42\"", "\"42 \"", "\"4 2\"", "\" 42 \"", "\"\u00a042\"", "\"42\u2009\"")) {
            HttpResponse<String> response = http.postJson("/api/v1/assessments",
                body.replace("\"employees\":42", "\"employees\":" + spaced));
            assertThat(response.statusCode()).as(spaced).isEqualTo(422);
            assertThat(response.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/problem+json");
            assertThat(list(http.map(response).get("errors"))).as(spaced).containsExactly(Map.of("field",
                "company.employees", "message", "A number given as text must not contain spaces: please give it as a number, e.g. 42."));
        }
        HttpResponse<String> german = http.postJson("/api/v1/assessments",
            body.replace("\"employees\":42", "\"employees\":\" 42\"").replace("\"language\":\"en\"", "\"language\":\"de\""));
        assertThat(list(http.map(german).get("errors"))).containsExactly(Map.of("field", "company.employees",
            "message", "Eine Zahl als Text darf keine Leerzeichen enthalten: Bitte geben Sie sie als Zahl an, z. B. 42."));
        assertThat(new Database(dataSource).count("assessment")).as("nothing stored").isEqualTo(before);
        assertThat(http.postJson("/api/v1/assessments", body.replace("\"employees\":42", "\"employees\":\"42\""))
            .statusCode()).as("the digits alone, as promised").isEqualTo(201);
    }

    /**
     * A head count given as text is ASCII digits only, as documented: {@code "+42"} was read as 42 and stored, while
     * {@code " 42"} was refused. A sign is refused as a space is: {@code 422} naming the field, in the body's language,
     * nothing stored. A JSON number keeps its own rules ({@code -5} is too few, not a sign error).
     */
    @Test
    void aHeadCountStringWithASignIsRefusedNamingTheField() {
        long before = new Database(dataSource).count("assessment");
        String body = http.write(request(company("44135", "OWN_PRODUCTS"),
            Answers.atLevel(q, CompanyType.OWN_PRODUCTS, 1))).replace("\"language\":\"de\"", "\"language\":\"en\"");
        assertThat(body).contains("\"employees\":42", "\"language\":\"en\"");
        for (String signed : List.of("\"+42\"", "\"-42\"", "\"+0042\"", "\"-0\"")) {
            HttpResponse<String> response = http.postJson("/api/v1/assessments",
                body.replace("\"employees\":42", "\"employees\":" + signed));
            assertThat(response.statusCode()).as(signed).isEqualTo(422);
            assertThat(response.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/problem+json");
            assertThat(list(http.map(response).get("errors"))).as(signed).containsExactly(Map.of("field",
                "company.employees", "message",
                "A number given as text must be digits only, without a sign: please give it as a number, e.g. 42."));
        }
        HttpResponse<String> german = http.postJson("/api/v1/assessments",
            body.replace("\"employees\":42", "\"employees\":\"+42\"").replace("\"language\":\"en\"", "\"language\":\"de\""));
        assertThat(list(http.map(german).get("errors"))).containsExactly(Map.of("field", "company.employees",
            "message", "Eine Zahl als Text besteht nur aus Ziffern, ohne Vorzeichen: Bitte geben Sie sie als Zahl an, z. B. 42."));
        assertThat(new Database(dataSource).count("assessment")).as("nothing stored").isEqualTo(before);
        assertThat(list(http.map(http.postJson("/api/v1/assessments", body.replace("\"employees\":42",
            "\"employees\":-5"))).get("errors"))).as("a JSON number's sign is its own").containsExactly(Map.of("field",
            "company.employees", "message", "The number of employees must be at least 1 (head count, including owners)."));
        assertThat(http.postJson("/api/v1/assessments", body.replace("\"employees\":42", "\"employees\":\"0042\""))
            .statusCode()).as("digits alone, leading zeros too").isEqualTo(201);
    }

    @Test
    void noEmployeesIsAFieldErrorInTheRequestedLanguageAndNothingIsStored() {
        long before = new Database(dataSource).count("assessment");
        for (String language : List.of("de", "en")) {
            Map<String, Object> company = company("44135", "OWN_PRODUCTS");
            company.put("employees", 0);
            Map<String, Object> body = request(company, Answers.atLevel(q, CompanyType.OWN_PRODUCTS, 1));
            body.put("language", language);
            HttpResponse<String> response = submit(body);
            assertThat(response.statusCode()).isEqualTo(422);
            List<Map<String, Object>> errors = list(http.map(response).get("errors"));
            assertThat(errors).extracting(e -> e.get("field")).containsExactly("company.employees");
            assertThat(errors.get(0).get("message")).isEqualTo(language.equals("de")
                ? "Die Zahl der Beschäftigten muss mindestens 1 sein (Köpfe, einschließlich Inhaber:innen)."
                : "The number of employees must be at least 1 (head count, including owners).");
        }
        assertThat(new Database(dataSource).count("assessment")).isEqualTo(before);
        Map<String, Object> company = company("44135", "OWN_PRODUCTS");
        company.put("employees", 1);
        assertThat(submit(request(company, Answers.atLevel(q, CompanyType.OWN_PRODUCTS, 1))).statusCode())
            .as("the owner alone").isEqualTo(201);
    }

    @Test
    void controlCharactersOtherScriptsDigitsAndWrongTypesAreOneClearErrorEachAndNothingIsStored() {
        long before = new de.digitalcheck.portal.support.Database(dataSource).count("assessment");
        String[][] cases = {
            {"company.name", "A\u0000B GmbH"}, {"company.name", "Evil\nSubject: pwned"}, {"company.name", "A\u0085B"},
            {"company.name", "A\uD800B"}, {"company.name", "A\uFFFFB"}, {"contact.name", "Kim\rKontakt"},
            {"company.employees", "\u0664\u0662"}, {"company.postalCode", "\u0664\u0664\u0661\u0663\u0665"}};
        for (String[] c : cases) {
            Map<String, Object> company = company("44135", "OWN_PRODUCTS");
            Map<String, Object> body = request(company, Answers.atLevel(q, CompanyType.OWN_PRODUCTS, 1));
            body.put("language", "en");
            if (c[0].startsWith("contact.")) {
                body.put("contact", new LinkedHashMap<>(Map.of("name", c[1], "email", "kim@example.org")));
            } else {
                company.put(c[0].substring("company.".length()), c[1]);
            }
            HttpResponse<String> response = submit(body);
            assertThat(response.statusCode()).as(c[1]).isEqualTo(422);
            List<Map<String, Object>> errors = list(http.map(response).get("errors"));
            assertThat(errors).as(c[1]).hasSize(1);
            assertThat(errors.get(0)).as(c[1]).containsEntry("field", c[0]);
        }
        Map<String, Object> company = company("44135", "OWN_PRODUCTS");
        company.put("employees", true);
        Map<String, Object> body = request(company, Answers.atLevel(q, CompanyType.OWN_PRODUCTS, 1));
        body.put("language", "en");
        List<Map<String, Object>> errors = list(http.map(submit(body)).get("errors"));
        assertThat(errors).as("a wrong type is not also a missing value").hasSize(1);
        assertThat(errors.get(0)).containsEntry("field", "company.employees")
            .containsEntry("message", "This value must be a number.");
        assertThat(new de.digitalcheck.portal.support.Database(dataSource).count("assessment")).as("nothing stored")
            .isEqualTo(before);
    }

    @Test
    void lengthsAreCountedInCharactersAsUsersSeeThem() {
        String emoji = "\uD83D\uDE00";
        Map<String, Object> company = company("44135", "OWN_PRODUCTS");
        company.put("name", emoji.repeat(ProfileRulesMax.NAME));
        Map<String, Object> shared = request(company, Answers.atLevel(q, CompanyType.OWN_PRODUCTS, 1));
        shared.put("contact", Map.of("name", emoji.repeat(ProfileRulesMax.NAME), "email", "emoji@example.org"));
        shared.put("consent", Map.of("shareWithAgency", true));
        HttpResponse<String> accepted = submit(shared);
        assertThat(accepted.statusCode()).as("200 emoji are 200 characters").isEqualTo(201);
        de.digitalcheck.portal.support.Database db = new de.digitalcheck.portal.support.Database(dataSource);
        assertThat(db.value("SELECT company_name FROM assessment WHERE id = ?", http.map(accepted).get("id")))
            .isEqualTo(emoji.repeat(ProfileRulesMax.NAME));
        assertThat(db.value("SELECT contact_name FROM agency_lead WHERE id = ?", obj(http.map(accepted).get("lead")).get("id")))
            .isEqualTo(emoji.repeat(ProfileRulesMax.NAME));
        company.put("name", emoji.repeat(ProfileRulesMax.NAME + 1));
        HttpResponse<String> refused = submit(request(company, Answers.atLevel(q, CompanyType.OWN_PRODUCTS, 1)));
        assertThat(refused.statusCode()).isEqualTo(422);
        assertThat(list(http.map(refused).get("errors"))).extracting(e -> e.get("field")).containsExactly("company.name");
    }

    @Test
    void anUnknownLangFallsBackToAcceptLanguageForTheQuestionnairesError() {
        HttpResponse<String> response = http.get("/api/v1/questionnaire?lang=fr", "Accept-Language", "en");
        assertThat(response.statusCode()).isEqualTo(422);
        assertThat(http.map(response)).containsEntry("title", "Input breaks rules");
        assertThat(http.get("/api/v1/questionnaire?lang=fr").body()).doesNotContain("Input breaks rules");
    }

    /** A 422's detail counts its fields in the singular or the plural: it said "1 field(s) break rules". */
    @Test
    void theDetailOfA422SaysOneFieldOrSeveralFieldsInTheRequestsLanguage() {
        assertThat(http.map(http.get("/api/v1/questionnaire?lang=fr", "Accept-Language", "en")))
            .containsEntry("detail", "1 field breaks rules; see errors.");
        assertThat(http.map(http.get("/api/v1/questionnaire?lang=fr")))
            .containsEntry("detail", "1 Angabe verletzt Regeln; siehe errors.");
        Map<String, Object> english = http.map(http.postJson("/api/v1/assessments", "{\"company\":{\"name\":\"x\"}}",
            "Accept-Language", "en"));
        int fields = list(english.get("errors")).size();
        assertThat(fields).isGreaterThan(1);
        assertThat(english).containsEntry("detail", fields + " fields break rules; see errors.");
        assertThat(http.map(http.postJson("/api/v1/assessments", "{\"company\":{\"name\":\"x\"}}")))
            .containsEntry("detail", fields + " Angaben verletzen Regeln; siehe errors.");
    }

    /** The longest company name the API takes. */
    static final class ProfileRulesMax {
        static final int NAME = de.digitalcheck.portal.readiness.internal.ProfileRules.MAX_NAME;
    }

    @Test
    void anAssessmentIsOnlyShownWithItsToken() {
        Map<String, Object> doc = http.map(submit(request(company("58452", "OWN_PRODUCTS"),
            Answers.atLevel(q, CompanyType.OWN_PRODUCTS, 2))));
        String id = (String) doc.get("id");
        assertThat(http.get("/api/v1/assessments/" + id + "?token=" + "A".repeat(43)).statusCode()).isEqualTo(404);
        assertThat(http.get("/api/v1/assessments/" + id).statusCode()).isEqualTo(404);
        assertThat(http.get("/api/v1/assessments/unknown?token=" + doc.get("token")).statusCode()).isEqualTo(404);
        HttpResponse<String> notFound = http.get("/api/v1/assessments/" + id + "?token=bad");
        assertThat(notFound.headers().firstValue("Content-Type")).get().asString().startsWith("application/problem+json");
        assertThat(http.map(notFound)).containsEntry("status", 404)
            .containsEntry("detail", "Es gibt keinen Selbstcheck mit dieser Kennung und diesem Token.");
    }

    @Test
    void theReportUrlAnswersWithThePdfOnlyWithTheToken() {
        Map<String, Object> doc = http.map(submit(request(company("58452", "OWN_PRODUCTS"),
            Answers.atLevel(q, CompanyType.OWN_PRODUCTS, 2))));
        String reportUrl = ((String) doc.get("reportUrl")).substring("http://localhost".length());
        HttpResponse<byte[]> pdf = http.getBytes(reportUrl);
        assertThat(pdf.statusCode()).isEqualTo(200);
        assertThat(pdf.headers().firstValue("Content-Type")).contains("application/pdf");
        assertThat(new String(pdf.body(), 0, 5, java.nio.charset.StandardCharsets.ISO_8859_1)).isEqualTo("%PDF-");
        HttpResponse<String> wrong = http.get("/api/v1/assessments/" + doc.get("id") + "/report?token=" + "A".repeat(43));
        assertThat(wrong.statusCode()).isEqualTo(404);
        assertThat(http.map(wrong)).containsEntry("detail", "Es gibt keinen Selbstcheck mit dieser Kennung und diesem Token.");
    }

    @Test
    void questionnaireIsServedInBothLanguages() {
        Map<String, Object> de = http.map(http.get("/api/v1/questionnaire?lang=de"));
        Map<String, Object> en = http.map(http.get("/api/v1/questionnaire?lang=en"));
        assertThat(list(de.get("dimensions"))).hasSize(6);
        assertThat(list(de.get("dimensions")).get(0)).containsEntry("id", "strategy").containsEntry("weight", 25);
        assertThat(list(de.get("questions"))).hasSize(q.questions().size());
        assertThat(list(en.get("questions")).get(0).get("text")).isEqualTo(q.questions().get(0).text().en());
        Map<String, Object> option = list(list(de.get("questions")).get(0).get("options")).get(0);
        assertThat(option).containsKeys("id", "text", "level");
        assertThat(http.get("/api/v1/questionnaire?lang=fr").statusCode()).isEqualTo(422);
    }

    @Test
    void routingNamesMunicipalitiesAndTheirAgencies() {
        Map<String, Object> witten = http.map(http.get("/api/v1/routing?postalCode=58452"));
        assertThat(list(witten.get("municipalities"))).singleElement().satisfies(m -> {
            assertThat(m).containsEntry("ags", "05954036").containsEntry("name", "Witten");
            assertThat(obj(m.get("agency"))).containsEntry("id", "en-agentur");
        });
        Map<String, Object> border = http.map(http.get("/api/v1/routing?postalCode=59969"));
        assertThat(list(border.get("municipalities"))).hasSize(2)
            .anySatisfy(m -> assertThat(m.get("agency")).isNull())
            .anySatisfy(m -> assertThat(obj(m.get("agency"))).containsEntry("id", "nrw-invest"));
        assertThat(http.get("/api/v1/routing?postalCode=4413").statusCode()).isEqualTo(422);
        assertThat(http.get("/api/v1/routing?postalCode=4413").headers().firstValue("Link")).isEmpty();
        assertThat(http.get("/api/v1/routing?postalCode=00000").statusCode()).isEqualTo(422);
        assertThat(http.get("/api/v1/routing").statusCode()).isEqualTo(422);
    }

    /**
     * The web forms take "44 135" as 44135; the API documents its postal codes as five digits ({@code ^[0-9]{5}$})
     * and keeps to that: a code with a space inside is a field error, as before.
     */
    @Test
    void theApiKeepsItsDocumentedFiveDigitsForAPostalCodeWithSpaces() {
        long before = new Database(dataSource).count("assessment");
        HttpResponse<String> response = submit(request(company("44 135", "OWN_PRODUCTS"),
            Answers.atLevel(q, CompanyType.OWN_PRODUCTS, 3)));
        assertThat(response.statusCode()).as(response.body()).isEqualTo(422);
        assertThat(response.headers().firstValue("Content-Type")).get().asString().startsWith("application/problem+json");
        assertThat(list(http.map(response).get("errors"))).singleElement().satisfies(e -> assertThat(e)
            .containsEntry("field", "company.postalCode")
            .containsEntry("message", "Die Postleitzahl muss aus genau fünf Ziffern bestehen."));
        assertThat(new Database(dataSource).count("assessment")).isEqualTo(before);
        HttpResponse<String> routing = http.get("/api/v1/routing?postalCode=44%20135&lang=en");
        assertThat(routing.statusCode()).isEqualTo(422);
        assertThat(routing.headers().firstValue("Content-Type")).get().asString().startsWith("application/problem+json");
        assertThat(list(http.map(routing).get("errors"))).singleElement().satisfies(e -> assertThat(e)
            .containsEntry("field", "postalCode").containsEntry("message", "The postal code must be exactly five digits."));
    }

    /**
     * The contact is optional as a whole, but an object given is a contact and needs its name and email (SPEC §9,
     * {@code contact?:{name, email, phone?}}; the OpenAPI document requires both): {@code "contact":{}} was taken as no
     * contact and stored. It is a {@code 422} naming both, in the body's language, nothing stored; so are members all
     * {@code null} or empty. Left out or {@code null}, there is no contact, as before.
     */
    @Test
    void aContactGivenNeedsItsNameAndEmail() {
        long before = new Database(dataSource).count("assessment");
        Map<String, Object> empty = new LinkedHashMap<>();
        empty.put("name", null);
        empty.put("email", null);
        for (Object contact : List.of(Map.of(), empty, Map.of("name", "", "email", " "))) {
            Map<String, Object> body = request(company("44135", "OWN_PRODUCTS"), Answers.atLevel(q, CompanyType.OWN_PRODUCTS, 1));
            body.put("contact", contact);
            body.put("language", "en");
            HttpResponse<String> response = submit(body);
            assertThat(response.statusCode()).as(contact + ": " + response.body()).isEqualTo(422);
            assertThat(response.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/problem+json");
            assertThat(list(http.map(response).get("errors"))).as(String.valueOf(contact)).containsExactlyInAnyOrder(
                Map.of("field", "contact.name", "message", "Please fill in this field."),
                Map.of("field", "contact.email", "message", "Please fill in this field."));
        }
        Map<String, Object> german = request(company("44135", "OWN_PRODUCTS"), Answers.atLevel(q, CompanyType.OWN_PRODUCTS, 1));
        german.put("contact", Map.of());
        assertThat(list(http.map(submit(german)).get("errors"))).contains(
            Map.of("field", "contact.name", "message", "Bitte füllen Sie dieses Feld aus."));
        assertThat(new Database(dataSource).count("assessment")).as("nothing stored").isEqualTo(before);
        Map<String, Object> none = request(company("44135", "OWN_PRODUCTS"), Answers.atLevel(q, CompanyType.OWN_PRODUCTS, 1));
        assertThat(submit(none).statusCode()).as("no contact").isEqualTo(201);
        none.put("contact", null);
        assertThat(submit(none).statusCode()).as("contact: null").isEqualTo(201);
    }

    /**
     * An answer given as {@code null} is a question not answered ({@code null} reads as absent, api.md): it was "This
     * value must be text.", now it is what a missing answer is, "Please answer this question.", in the body's language,
     * nothing stored. A question the company type skips may be {@code null} as it may be left out.
     */
    @Test
    void anAnswerGivenAsNullIsAMissingAnswer() {
        long before = new Database(dataSource).count("assessment");
        Map<String, String> answers = Answers.atLevel(q, CompanyType.SERVICES, 1);
        String asked = answers.keySet().iterator().next();
        Map<String, Object> withNull = new LinkedHashMap<>(answers);
        withNull.put(asked, null);
        Map<String, Object> body = request(company("44135", "SERVICES"), answers);
        body.put("answers", withNull);
        body.put("language", "en");
        HttpResponse<String> response = submit(body);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(422);
        assertThat(list(http.map(response).get("errors"))).containsExactly(Map.of("field", "answers." + asked,
            "message", "Please answer this question."));
        Map<String, Object> leftOut = new LinkedHashMap<>(answers);
        leftOut.remove(asked);
        body.put("answers", leftOut);
        assertThat(http.map(submit(body)).get("errors")).as("the same as leaving it out")
            .isEqualTo(http.map(response).get("errors"));
        body.put("answers", withNull);
        body.put("language", "de");
        assertThat(list(http.map(submit(body)).get("errors"))).containsExactly(Map.of("field", "answers." + asked,
            "message", "Bitte beantworten Sie diese Frage."));
        assertThat(new Database(dataSource).count("assessment")).as("nothing stored").isEqualTo(before);

        String skipped = q.questions().stream().map(Questionnaire.Question::id).filter(id -> !answers.containsKey(id))
            .findFirst().orElseThrow();
        Map<String, Object> skippedNull = new LinkedHashMap<>(answers);
        skippedNull.put(skipped, null);
        body.put("answers", skippedNull);
        assertThat(submit(body).statusCode()).as("a skipped question given as null").isEqualTo(201);
    }

    /**
     * Codes are read only as documented (api.md, "Language of messages"): a postal code, municipality key, sector,
     * company type or language with spaces around it ({@code "SERVICES "}, {@code " 44135"}, {@code "en "}) was trimmed
     * and stored; each is a {@code 422} naming its field, in the request's language, nothing stored. So is
     * {@code ?postalCode=%2044135} on the routing and {@code ?lang=en%20} on any operation. The company's name is no code
     * and keeps its trimming; the profile page's form still trims what a person typed.
     */
    @Test
    void aCodeWithSpacesAroundItIsRefusedNamingTheField() {
        long before = new Database(dataSource).count("assessment");
        String spaces = "Please give this code exactly as documented, without spaces before or after it.";
        Map<String, String> padded = new LinkedHashMap<>();
        padded.put("postalCode", " 44135");
        padded.put("sector", "C ");
        padded.put("companyType", "SERVICES ");
        padded.put("ags", " 05913000");
        for (Map.Entry<String, String> code : padded.entrySet()) {
            Map<String, Object> company = company("44135", "OWN_PRODUCTS");
            company.put(code.getKey(), code.getValue());
            Map<String, Object> body = request(company, Answers.atLevel(q, CompanyType.OWN_PRODUCTS, 1));
            body.put("language", "en");
            HttpResponse<String> response = submit(body);
            assertThat(response.statusCode()).as(code.getKey()).isEqualTo(422);
            assertThat(response.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/problem+json");
            assertThat(list(http.map(response).get("errors"))).as(code.getKey())
                .contains(Map.of("field", "company." + code.getKey(), "message", spaces));
        }
        Map<String, Object> all = request(company(" 44135", "OWN_PRODUCTS "), Answers.atLevel(q, CompanyType.OWN_PRODUCTS, 1));
        all.put("language", " de");
        assertThat(list(http.map(submit(all)).get("errors"))).as("in the request's language, each named")
            .contains(Map.of("field", "language", "message",
                    "Bitte geben Sie diesen Code genau wie beschrieben an, ohne Leerzeichen davor oder danach."),
                Map.of("field", "company.postalCode", "message",
                    "Bitte geben Sie diesen Code genau wie beschrieben an, ohne Leerzeichen davor oder danach."),
                Map.of("field", "company.companyType", "message",
                    "Bitte geben Sie diesen Code genau wie beschrieben an, ohne Leerzeichen davor oder danach."));
        assertThat(new Database(dataSource).count("assessment")).as("nothing stored").isEqualTo(before);

        HttpResponse<String> routing = http.get("/api/v1/routing?postalCode=%2044135&lang=en");
        assertThat(routing.statusCode()).isEqualTo(422);
        assertThat(list(http.map(routing).get("errors"))).containsExactly(Map.of("field", "postalCode", "message", spaces));
        for (String lang : List.of("en%20", "%20en", "de%09")) {
            HttpResponse<String> refused = http.get("/api/v1/agencies?lang=" + lang, "Accept-Language", "en");
            assertThat(refused.statusCode()).as(lang).isEqualTo(422);
            assertThat(list(http.map(refused).get("errors"))).as(lang)
                .containsExactly(Map.of("field", "lang", "message", spaces));
        }
        Map<String, Object> named = request(company("44135", "OWN_PRODUCTS"), Answers.atLevel(q, CompanyType.OWN_PRODUCTS, 1));
        obj(named.get("company")).put("name", " Stahlbau Witten GmbH ");
        assertThat(submit(named).statusCode()).as("a name is no code").isEqualTo(201);
    }

    @Test
    void routingNamesTheSourceOfItsDataAsItsLicenceAsks() {
        HttpResponse<String> german = http.get("/api/v1/routing?postalCode=58452");
        assertThat(http.map(german).get("attribution")).asString()
            .contains("© OpenStreetMap-Mitwirkende").contains("Open Database License (ODbL) 1.0");
        assertThat(german.headers().firstValue("Link")).contains("</lizenzen#odbl>; rel=\"license\"");
        assertThat(http.map(http.get("/api/v1/routing?postalCode=58452&lang=en")).get("attribution")).asString()
            .startsWith("Postal codes and municipalities: © OpenStreetMap contributors");
        // the page the link names carries the same attribution under that anchor
        assertThat(http.get("/lizenzen").body()).contains("id=\"odbl\"").contains("OpenStreetMap");
    }

    @Test
    void agenciesListTheirTerritories() {
        List<Object> agencies = http.list(http.get("/api/v1/agencies"));
        assertThat(agencies).hasSizeGreaterThanOrEqualTo(7);
        assertThat(agencies).anySatisfy(a -> assertThat(obj(a)).containsEntry("id", "en-agentur")
            .containsEntry("territories", List.of("05954")));
    }

    @Test
    void unknownApiRoutesAnswerWithProblems() {
        HttpResponse<String> response = http.get("/api/v1/nothing-here");
        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(response.headers().firstValue("Content-Type")).get().asString().startsWith("application/problem+json");
    }
}
