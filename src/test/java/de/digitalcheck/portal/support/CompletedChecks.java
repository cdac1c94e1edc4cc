package de.digitalcheck.portal.support;

import de.digitalcheck.portal.readiness.CompanyType;
import de.digitalcheck.portal.readiness.Questionnaire;

import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * "A completed check" for tests that need one as a starting point (not for the tests of the self-check's own pages or
 * API): submitted the way a company's software submits one, through {@code POST /api/v1/assessments}. Defaults: a
 * Dortmund company with own products, every answer at level 2, no contact, German.
 */
public final class CompletedChecks {

    /** A submitted check: its id, private token and the API's answer. */
    public record Completed(String id, String token, Map<String, Object> document) {

        /** The path of the check's result page. */
        public String resultPath() {
            return "/check/" + token + "/result";
        }

        /** The path of an address the API answered with (it answers with absolute ones). */
        public String path(String member) {
            String url = (String) document.get(member);
            return url.substring(url.indexOf('/', url.indexOf("//") + 2));
        }
    }

    private final Questionnaire questionnaire;
    private String name = "Muster Metallbau GmbH";
    private String postalCode = "44135";
    private String sector = "C";
    private int employees = 42;
    private CompanyType type = CompanyType.OWN_PRODUCTS;
    private int level = 2;
    private Map<String, String> contact;
    private Map<String, String> answers;
    private String language = "de";
    private boolean share;

    private CompletedChecks(Questionnaire questionnaire) {
        this.questionnaire = questionnaire;
    }

    public static CompletedChecks of(Questionnaire questionnaire) {
        return new CompletedChecks(questionnaire);
    }

    public CompletedChecks named(String companyName) {
        this.name = companyName;
        return this;
    }

    public CompletedChecks at(String companyPostalCode) {
        this.postalCode = companyPostalCode;
        return this;
    }

    public CompletedChecks sized(String companySector, int companyEmployees) {
        this.sector = companySector;
        this.employees = companyEmployees;
        return this;
    }

    public CompletedChecks typed(CompanyType companyType) {
        this.type = companyType;
        return this;
    }

    /** Every applicable question answered at this level. */
    public CompletedChecks level(int answersLevel) {
        this.level = answersLevel;
        return this;
    }

    /** These answers instead of every answer at one level. */
    public CompletedChecks answers(Map<String, String> chosen) {
        this.answers = chosen;
        return this;
    }

    public CompletedChecks contact(String contactName, String email) {
        this.contact = Map.of("name", contactName, "email", email);
        return this;
    }

    /** A contact with a phone number (only the API takes one). */
    public CompletedChecks contact(String contactName, String email, String phone) {
        this.contact = Map.of("name", contactName, "email", email, "phone", phone);
        return this;
    }

    public CompletedChecks in(String languageCode) {
        this.language = languageCode;
        return this;
    }

    /** With {@code consent.shareWithAgency: true} (leads, issue 12). */
    public CompletedChecks sharedWithAgency() {
        this.share = true;
        return this;
    }

    /** Submits the check; fails the test unless the API answers 201. */
    public Completed submit(Http http) {
        HttpResponse<String> created = http.postJson("/api/v1/assessments", http.write(body()));
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        Map<String, Object> document = http.map(created);
        return new Completed((String) document.get("id"), (String) document.get("token"), document);
    }

    /** The API's request body for this check. */
    public Map<String, Object> body() {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("company", Map.of("name", name, "postalCode", postalCode, "sector", sector, "employees", employees,
            "companyType", type.name()));
        if (contact != null) {
            body.put("contact", contact);
        }
        body.put("answers", answers != null ? answers : Answers.atLevel(questionnaire, type, level));
        body.put("language", language);
        if (share) {
            body.put("consent", Map.of("shareWithAgency", true));
        }
        return body;
    }
}
