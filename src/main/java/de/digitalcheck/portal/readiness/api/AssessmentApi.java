package de.digitalcheck.portal.readiness.api;

import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import de.digitalcheck.portal.readiness.internal.AssessmentRow;
import de.digitalcheck.portal.readiness.internal.CompanyInput;
import de.digitalcheck.portal.readiness.internal.ContactInput;
import de.digitalcheck.portal.readiness.CheckPaths;
import de.digitalcheck.portal.readiness.Level;
import de.digitalcheck.portal.readiness.Scoring;
import de.digitalcheck.portal.readiness.internal.SelfCheck;
import de.digitalcheck.portal.readiness.internal.SharedChecks;
import de.digitalcheck.portal.readiness.AgencyLeads;
import de.digitalcheck.portal.readiness.AssessmentId;
import de.digitalcheck.portal.shared.i18n.Language;
import de.digitalcheck.portal.shared.validation.Errors;
import de.digitalcheck.portal.shared.validation.ValidationException;
import de.digitalcheck.portal.shared.web.ApiConsumes;
import de.digitalcheck.portal.shared.web.ApiProblems;
import de.digitalcheck.portal.shared.web.QueryParameters;
import de.digitalcheck.portal.shared.web.JsonBody;
import de.digitalcheck.portal.shared.config.PortalSettings;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Consumes;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.json.tree.JsonNode;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

/** {@code POST /api/v1/assessments} and {@code GET /api/v1/assessments/{id}?token=}. */
@Secured(SecurityRule.IS_ANONYMOUS)
@Controller("/api/v1/assessments")
@ExecuteOn(TaskExecutors.BLOCKING)
class AssessmentApi {

    private final SelfCheck selfCheck;
    private final ApiProblems problems;
    private final PortalSettings settings;
    private final SharedChecks sharing;
    private final AgencyLeads leads;

    AssessmentApi(SelfCheck selfCheck, ApiProblems problems, PortalSettings settings,
                  SharedChecks sharing, AgencyLeads leads) {
        this.selfCheck = selfCheck;
        this.sharing = sharing;
        this.leads = leads;
        this.problems = problems;
        this.settings = settings;
    }

    @Post
    @Consumes(MediaType.ALL) // the type is checked after the security filter: ApiConsumes
    @ApiConsumes(MediaType.APPLICATION_JSON)
    HttpResponse<?> create(HttpRequest<?> request, @Body @Nullable byte[] body) {
        Language fallback = ApiProblems.language(request);
        JsonNode root = JsonBody.object(body).orElse(null);
        if (root == null) {
            return problems.problem(HttpStatus.BAD_REQUEST, fallback, "problem.400.json");
        }
        Errors errors = new Errors();
        String languageCode = JsonBody.text(root, "language", "language", errors);
        Language language = Language.fromCode(languageCode).orElse(fallback);
        if (languageCode == null && !errors.has("language")) {
            errors.add("language", "error.required");
        } else if (languageCode != null && Language.fromCode(languageCode).isEmpty()) {
            errors.add("language", ApiProblems.languageError(languageCode));
        }
        JsonNode company = JsonBody.object(root, "company", "company", errors);
        Errors malformed = new Errors(); // a number no field can take: the request is malformed (400)
        String employees = JsonBody.number(company, "employees", "company.employees", errors, malformed);
        CompanyInput companyInput = new CompanyInput(JsonBody.text(company, "name", "company.name", errors),
            JsonBody.text(company, "postalCode", "company.postalCode", errors),
            JsonBody.text(company, "ags", "company.ags", errors),
            JsonBody.text(company, "sector", "company.sector", errors),
            employees,
            JsonBody.text(company, "companyType", "company.companyType", errors));
        JsonNode contact = JsonBody.object(root, "contact", "contact", errors);
        ContactInput contactInput = contact == null ? null : new ContactInput(
            JsonBody.text(contact, "name", "contact.name", errors),
            JsonBody.text(contact, "email", "contact.email", errors),
            JsonBody.text(contact, "phone", "contact.phone", errors));
        if (contactInput != null && contactInput.isEmpty()) {
            // a contact given is one (SPEC §9: contact?:{name, email, phone?}): {} has neither, and was taken as none
            errors.add("contact.name", "error.required");
            errors.add("contact.email", "error.required");
        }
        Map<String, String> answers = JsonBody.texts(JsonBody.object(root, "answers", "answers", errors), "answers.", errors);
        boolean share = shareWithAgency(root, errors);
        if (!malformed.isEmpty()) {
            // in the body's language, as the 422s, and naming every other member found wrong too, after the number
            // (errors lists the first 100 only: thousands of answers of the wrong type would leave the number off)
            return problems.malformed(language, "problem.400.number",
                new Errors().addAll(malformed.list()).addAll(errors.list()).list());
        }
        try {
            if (share) {
                SharedChecks.Shared shared = sharing.submitAndShare(companyInput, contactInput, answers, language,
                    errors.list());
                return HttpResponse.created(document(shared.started().assessment(), shared.started().token(),
                        leadRef(shared.lead())))
                    .header("Location", "/api/v1/assessments/" + shared.started().assessment().id());
            }
            SelfCheck.Started started = selfCheck.submitChecked(companyInput, contactInput, answers, language, errors.list());
            return HttpResponse.created(document(started.assessment(), started.token(), null))
                .header("Location", "/api/v1/assessments/" + started.assessment().id());
        } catch (ValidationException e) {
            return problems.invalid(language, e.errors());
        }
    }

    @Get("/{id}")
    HttpResponse<?> show(HttpRequest<?> request, @PathVariable String id, @QueryValue @Nullable String token) {
        Errors repeated = QueryParameters.repeated(request.getParameters(), List.of("token"));
        if (!repeated.isEmpty()) {
            return problems.malformed(ApiProblems.language(request), "problem.400.detail", repeated.list());
        }
        return selfCheck.byId(id, token)
            .<HttpResponse<?>>map(a -> HttpResponse.ok(document(a, token,
                standingLead(a).map(AssessmentApi::leadRef).orElse(null))))
            .orElseGet(() -> problems.notFound(request, "problem.assessment.notFound"));
    }

    /**
     * The lead the document names: the standing lead at the agency responsible for the check's location now (after a
     * move and a consent for the new agency, that one, as the result page says), else the newest consent's lead that
     * still stands (one withdrawn later does not hide an earlier one). Not by consent time alone: MySQL/MariaDB keep
     * whole seconds, so two consents in one second would tie.
     */
    private java.util.Optional<AgencyLeads.SharedLead> standingLead(AssessmentRow a) {
        List<AgencyLeads.SharedLead> standing = leads.sharedWith(new AssessmentId(a.id()))
            .stream().filter(l -> !l.withdrawn()).toList();
        return standing.stream().filter(l -> java.util.Objects.equals(l.agencyId(), a.agencyId())).findFirst()
            .or(() -> standing.stream().findFirst());
    }

    /** {@code consent.shareWithAgency}: absent or false shares nothing; anything but a boolean is an error. */
    private static boolean shareWithAgency(JsonNode root, Errors errors) {
        JsonNode consent = JsonBody.object(root, "consent", "consent", errors);
        return Boolean.TRUE.equals(JsonBody.bool(consent, "shareWithAgency", "consent.shareWithAgency", errors));
    }

    private static AssessmentDocument.LeadRef leadRef(AgencyLeads.SharedLead lead) {
        return new AssessmentDocument.LeadRef(lead.id(), lead.agencyName(), lead.fallback(), lead.contactBy().toString());
    }

    private AssessmentDocument document(AssessmentRow a, String token, AssessmentDocument.LeadRef lead) {
        AssessmentDocument.Overall overall = null;
        List<AssessmentDocument.DimensionLevel> dimensions = List.of();
        if (a.completed()) {
            Scoring.Score score = Scoring.score(selfCheck.questionnaireOf(a), a.type(), selfCheck.answers(a));
            Level level = score.level();
            overall = new AssessmentDocument.Overall(score.value(), level.number(), level.title(), level.group().code());
            dimensions = score.dimensions().stream()
                .map(d -> new AssessmentDocument.DimensionLevel(d.id(), d.level(), d.cappedBy())).toList();
        }
        AssessmentDocument.AgencyRef agency = selfCheck.agencyOf(a)
            .map(ag -> new AssessmentDocument.AgencyRef(ag.id(), ag.name())).orElse(null);
        String encoded = URLEncoder.encode(token, StandardCharsets.UTF_8);
        return new AssessmentDocument(a.id(), token, a.status().name().toLowerCase(java.util.Locale.ROOT),
            a.questionnaireVersion(), overall, dimensions, agency, lead,
            settings.link(CheckPaths.result(token, Language.fromCode(a.language()).orElse(Language.DE))),
            settings.link("/api/v1/assessments/" + a.id() + "/report?token=" + encoded));
    }
}
