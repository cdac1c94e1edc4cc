package de.digitalcheck.portal.leads.api;

import de.digitalcheck.portal.leads.UnknownLead;
import de.digitalcheck.portal.leads.internal.LeadChanges;
import de.digitalcheck.portal.leads.internal.LeadFeed;
import de.digitalcheck.portal.leads.internal.LeadRow;
import de.digitalcheck.portal.leads.internal.LeadStages;
import de.digitalcheck.portal.leads.internal.LeadWork;
import de.digitalcheck.portal.shared.i18n.Language;
import de.digitalcheck.portal.shared.i18n.Messages;
import de.digitalcheck.portal.shared.security.ApiTokens;
import de.digitalcheck.portal.shared.security.SignedIn;
import de.digitalcheck.portal.shared.validation.Errors;
import de.digitalcheck.portal.shared.validation.FieldError;
import de.digitalcheck.portal.shared.validation.TextRules;
import de.digitalcheck.portal.shared.validation.ValidationException;
import de.digitalcheck.portal.shared.web.ApiConsumes;
import de.digitalcheck.portal.shared.web.ApiProblems;
import de.digitalcheck.portal.shared.web.JsonBody;
import de.digitalcheck.portal.shared.web.Problem;
import de.digitalcheck.portal.shared.web.QueryParameters;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Consumes;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Patch;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Produces;
import io.micronaut.json.tree.JsonNode;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Optional;

/**
 * The agency API for CRM integration (SPEC §9), authenticated by a personal access token of the agency's staff
 * ({@link TokenAuthentication}): the agency's leads with cursor paging, one lead with its version as {@code ETag}, and
 * changes of status, assignee and note ({@code If-Match} required: {@code 428} without, {@code 412} on a stale
 * version); and the leads forwarded away from the agency, which leave its list, with cursor paging of their own. The
 * agency is the token's; another agency's lead is {@code 404}.
 */
@Controller("/api/v1/agency")
@Secured(ApiTokens.ROLE)
@ExecuteOn(TaskExecutors.BLOCKING)
@Produces(MediaType.APPLICATION_JSON)
class AgencyLeadsApi {

    static final String MERGE_PATCH = "application/merge-patch+json";
    /** The list's own query parameters, each of which takes one value ({@link QueryParameters#repeated}). */
    static final List<String> LIST_PARAMETERS = List.of("status", "since", "cursor", "limit");
    /** The departures' query parameters, each of which takes one value. */
    static final List<String> DEPARTURE_PARAMETERS = List.of("since", "cursor", "limit");

    private final LeadFeed feed;
    private final LeadChanges changes;
    private final ApiProblems problems;
    private final Messages messages;

    AgencyLeadsApi(LeadFeed feed, LeadChanges changes, ApiProblems problems, Messages messages) {
        this.feed = feed;
        this.changes = changes;
        this.problems = problems;
        this.messages = messages;
    }

    @Get("/leads")
    HttpResponse<?> list(HttpRequest<?> request, Authentication authentication) {
        Language language = ApiProblems.language(request);
        var query = request.getParameters();
        Errors errors = QueryParameters.repeated(query, LIST_PARAMETERS);
        String status = given(query, "status").orElse(null);
        if (status != null && !LeadStages.ALL.contains(status)) {
            errors.add("status", "problem.agencyApi.status", String.join(", ", LeadStages.ALL));
        }
        Instant since = given(query, "since").map(s -> instant(s, errors)).orElse(null);
        LeadFeed.Scope scope = new LeadFeed.Scope(agency(authentication), status, since);
        Optional<LeadFeed.Cursor> cursor = cursor(query.getFirst("cursor"), feed::decode, scope, "status, since",
            errors);
        int limit = given(query, "limit").map(s -> limit(s, errors)).orElse(LeadFeed.DEFAULT_LIMIT);
        if (!errors.isEmpty()) {
            return problems.malformed(language, "problem.400.detail", errors.list());
        }
        LeadFeed.Page<LeadRow> page = feed.page(scope.agencyId(), status, since, cursor.orElse(null), limit);
        return HttpResponse.ok(new LeadDocument.Page(page.items().stream().map(LeadDocument::of).toList(),
            page.next() == null ? null : feed.encode(page.next(), scope)));
    }

    /**
     * The leads forwarded away from the token's agency (which leave its list): lead id, the receiving agency's id and
     * the time, oldest first, in pages like the list's, optionally from {@code since} on.
     */
    @Get("/forwarded-leads")
    HttpResponse<?> forwarded(HttpRequest<?> request, Authentication authentication) {
        Language language = ApiProblems.language(request);
        var query = request.getParameters();
        Errors errors = QueryParameters.repeated(query, DEPARTURE_PARAMETERS);
        Instant since = given(query, "since").map(s -> instant(s, errors)).orElse(null);
        LeadFeed.Scope scope = new LeadFeed.Scope(agency(authentication), null, since);
        Optional<LeadFeed.Cursor> cursor = cursor(query.getFirst("cursor"), feed::decodeDeparture, scope, "since",
            errors);
        int limit = given(query, "limit").map(s -> limit(s, errors)).orElse(LeadFeed.DEFAULT_LIMIT);
        if (!errors.isEmpty()) {
            return problems.malformed(language, "problem.400.detail", errors.list());
        }
        LeadFeed.Page<LeadFeed.Departure> page = feed.departures(scope.agencyId(), since, cursor.orElse(null), limit);
        return HttpResponse.ok(new LeadDocument.ForwardedPage(page.items().stream().map(LeadDocument.Forwarded::of)
            .toList(), page.next() == null ? null : feed.encodeDeparture(page.next(), scope)));
    }

    /**
     * A query parameter's value, if it has one: an empty (or blank) parameter ({@code limit=}) is an absent one, on
     * every parameter of both lists alike, as the public API takes an empty optional parameter ({@code coach=}).
     */
    private static Optional<String> given(io.micronaut.http.HttpParameters query, String name) {
        return query.getFirst(name).filter(s -> !s.isBlank());
    }

    /**
     * The position of a cursor this portal made for this list, issued for the request's agency and filters: one made
     * for another agency's list (a cursor passed between two CRMs) or for other filters would list from a position in
     * another list, so it is a {@code 400} that says which (the filters only once they are readable themselves).
     */
    private static Optional<LeadFeed.Cursor> cursor(Optional<String> text,
                                                    java.util.function.Function<String, Optional<LeadFeed.Bound>> decode,
                                                    LeadFeed.Scope scope, String filters, Errors errors) {
        Optional<String> given = text.filter(s -> !s.isBlank());
        if (given.isEmpty()) {
            return Optional.empty();
        }
        Optional<LeadFeed.Bound> bound = decode.apply(given.get());
        if (bound.isEmpty()) {
            errors.add("cursor", "problem.agencyApi.cursor");
            return Optional.empty();
        }
        LeadFeed.Scope issued = bound.get().scope();
        if (!issued.agencyId().equals(scope.agencyId())) {
            errors.add("cursor", "problem.agencyApi.cursor.agency");
            return Optional.empty();
        }
        if (!errors.has("status") && !errors.has("since") && (!java.util.Objects.equals(issued.status(), scope.status())
            || !java.util.Objects.equals(issued.since(), scope.since()))) {
            errors.add("cursor", "problem.agencyApi.cursor.filters", filters);
            return Optional.empty();
        }
        return Optional.of(bound.get().cursor());
    }

    @Get("/leads/{id}")
    HttpResponse<?> lead(HttpRequest<?> request, Authentication authentication, @PathVariable String id) {
        LeadRow lead = find(request, agency(authentication), id);
        return HttpResponse.ok(LeadDocument.of(lead)).header("ETag", LeadDocument.etag(lead));
    }

    @Patch("/leads/{id}")
    @Consumes(MediaType.ALL) // the type is checked after the security filter and ReadOnlyTokens: ApiConsumes
    @ApiConsumes({MediaType.APPLICATION_JSON, MERGE_PATCH})
    HttpResponse<?> change(HttpRequest<?> request, Authentication authentication, @PathVariable String id,
                           @Body @Nullable byte[] body) {
        Language language = ApiProblems.language(request);
        if (!Boolean.TRUE.equals(authentication.getAttributes().get(ApiTokens.MAY_CHANGE))) {
            // a token made to read: refused by ReadOnlyTokens before its Content-Type or body is looked at; here
            // once more, before the lead is looked at, so the answer says nothing about it
            throw new ApiTokens.ReadOnly();
        }
        String agency = agency(authentication);
        LeadRow lead = find(request, agency, id); // another agency's lead: 404 before anything else
        // several If-Match lines are one list (RFC 9110 §5.3)
        List<String> ifMatchLines = request.getHeaders().getAll("If-Match");
        Optional<String> ifMatch = ifMatchLines.isEmpty() ? Optional.empty()
            : Optional.of(String.join(",", ifMatchLines));
        if (ifMatch.isEmpty()) {
            return precondition(HttpStatus.PRECONDITION_REQUIRED, language, "problem.428.detail");
        }
        if (!matches(ifMatch.get(), lead.lockVersion())) {
            return precondition(HttpStatus.PRECONDITION_FAILED, language, "problem.412.detail");
        }
        int version = lead.lockVersion();
        JsonNode root = JsonBody.object(body).orElse(null);
        if (root == null) {
            return problems.problem(HttpStatus.BAD_REQUEST, language, "problem.400.json");
        }
        Errors errors = new Errors();
        // null means nobody for the assignee (documented); for the status and the note it means nothing, and taking
        // it as absent would answer 200 to a change that changed nothing
        JsonBody.notNull(root, "status", "status", errors);
        JsonBody.notNull(root, "note", "note", errors);
        String stage = JsonBody.text(root, "status", "status", errors);
        if (stage != null && !LeadStages.ALL.contains(stage)) {
            errors.add("status", "problem.agencyApi.status", String.join(", ", LeadStages.ALL));
        }
        boolean assigneeGiven = root.get("assigneeId") != null;
        String assignee = JsonBody.text(root, "assigneeId", "assigneeId", errors);
        if (assignee != null && assignee.isBlank()) {
            // only null means nobody: an empty or blank id is no person, and taking it for nobody would take the lead
            // from its assignee by a slip of the client
            errors.add("assigneeId", "problem.agencyApi.assigneeBlank");
        }
        String note = JsonBody.multiLineText(root, "note", "note", errors);
        for (String member : names(root)) {
            if (!List.of("status", "assigneeId", "note").contains(member)) {
                errors.add(member, "problem.agencyApi.unknownMember");
            }
        }
        if (!errors.isEmpty()) {
            return problems.invalid(language, errors.list());
        }
        try {
            LeadRow changed = changes.apply(agency, id, version,
                new LeadChanges.Change(stage, assigneeGiven, assignee, note), actor(authentication));
            return HttpResponse.ok(LeadDocument.of(changed)).header("ETag", LeadDocument.etag(changed));
        } catch (LeadWork.StaleLead e) {
            // changed by another request between the read and the write: "*" asked for no version, so that is a
            // conflict of the moment (409), not a precondition that failed
            return ifMatch.get().strip().equals("*")
                ? problems.problem(HttpStatus.CONFLICT, language, "problem.409.detail")
                : precondition(HttpStatus.PRECONDITION_FAILED, language, "problem.412.detail");
        } catch (ValidationException e) {
            return problems.invalid(language, e.errors().stream().map(AgencyLeadsApi::apiField).toList())
                .body(localized(language, e.errors()));
        }
    }

    /** The token's agency's lead, or a 404 problem that says so (another agency's lead is just as unknown). */
    private LeadRow find(HttpRequest<?> request, String agency, String id) {
        try {
            return changes.lead(agency, id);
        } catch (UnknownLead e) {
            problems.notFound(request, "problem.agencyApi.notFound");
            throw e;
        }
    }

    /** Stage names in a message are message keys themselves (the workspace shows them the same way). */
    private Problem localized(Language language, List<FieldError> errors) {
        List<Problem.FieldMessage> list = errors.stream().map(err -> new Problem.FieldMessage(apiField(err).field(),
            err.key().equals("leads.action.stage.notAllowed")
                ? messages.get(language, err.key(), messages.get(language, (String) err.args().get(0)),
                    messages.get(language, (String) err.args().get(1)))
                : messages.message(language, err))).toList();
        return new Problem("about:blank", messages.get(language, "problem.422"), 422,
            problems.invalidDetail(language, list.size()), list);
    }

    private static FieldError apiField(FieldError err) {
        String field = switch (err.field()) {
            case "stage" -> "status";
            case "assignee" -> "assigneeId";
            default -> err.field();
        };
        return new FieldError(field, err.key(), err.args());
    }

    private MutableHttpResponse<Problem> precondition(HttpStatus status, Language language, String detailKey) {
        return HttpResponse.<Problem>status(status).contentType(Problem.MEDIA_TYPE).body(new Problem("about:blank",
            messages.get(language, "problem." + status.getCode()), status.getCode(), messages.get(language, detailKey),
            null));
    }

    private static List<String> names(JsonNode object) {
        List<String> names = new java.util.ArrayList<>();
        object.entries().forEach(e -> names.add(e.getKey()));
        return names;
    }

    /**
     * Whether an {@code If-Match} header matches the lead's current version (RFC 9110 §13.1.1): {@code *} matches any
     * current lead; otherwise the header is a comma-separated list of entity tags and matches if any of them is the
     * strong tag {@code "<version>"}. A weak tag ({@code W/"3"}) never matches (strong comparison); neither does
     * anything that is no entity tag.
     */
    static boolean matches(String ifMatch, int version) {
        String header = ifMatch.strip();
        if (header.equals("*")) {
            return true;
        }
        String current = "\"" + version + "\"";
        for (String tag : header.split(",", -1)) {
            if (tag.strip().equals(current)) {
                return true;
            }
        }
        return false;
    }

    /** The earliest and latest {@code since} the lists take (years 1 to 9999: beyond, an instant is no date). */
    static final Instant EARLIEST = Instant.parse("0001-01-01T00:00:00Z");
    static final Instant LATEST = Instant.parse("9999-12-31T23:59:59.999999999Z");

    private static Instant instant(String text, Errors errors) {
        Instant instant;
        try {
            instant = OffsetDateTime.parse(text).toInstant();
        } catch (DateTimeParseException e) {
            errors.add("since", "problem.agencyApi.since");
            return null;
        }
        if (instant.isBefore(EARLIEST) || instant.isAfter(LATEST)) {
            errors.add("since", "problem.agencyApi.since.range");
            return null;
        }
        // no lead changed before 1970: an earlier since means all of them, and the database need not read year 1
        return instant.isBefore(Instant.EPOCH) ? Instant.EPOCH : instant;
    }

    private static int limit(String text, Errors errors) {
        // ASCII digits only, as documented: limit=+5 was read as 5
        Optional<Integer> limit = TextRules.asciiDigits(text) ? TextRules.asciiInt(text) : Optional.empty();
        if (limit.isPresent() && limit.get() >= 1 && limit.get() <= LeadFeed.MAX_LIMIT) {
            return limit.get();
        }
        errors.add("limit", "problem.agencyApi.limit", LeadFeed.MAX_LIMIT);
        return LeadFeed.DEFAULT_LIMIT;
    }

    private static String agency(Authentication authentication) {
        return String.valueOf(authentication.getAttributes().get(SignedIn.AGENCY));
    }

    private static LeadWork.Actor actor(Authentication authentication) {
        return new LeadWork.Actor(authentication.getName(),
            String.valueOf(authentication.getAttributes().get(SignedIn.NAME)) + " (API)");
    }
}
