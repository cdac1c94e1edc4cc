package de.digitalcheck.portal.leads.web;

import de.digitalcheck.portal.leads.UnknownLead;
import de.digitalcheck.portal.leads.internal.LeadFeed;
import de.digitalcheck.portal.leads.internal.LeadPaths;
import de.digitalcheck.portal.leads.internal.LeadInbox;
import de.digitalcheck.portal.leads.internal.LeadAssignment;
import de.digitalcheck.portal.leads.internal.LeadWork;
import de.digitalcheck.portal.shared.i18n.ConsentTextVersions;
import de.digitalcheck.portal.shared.i18n.Language;
import de.digitalcheck.portal.leads.internal.Webhooks;
import de.digitalcheck.portal.routing.Agencies;
import de.digitalcheck.portal.shared.i18n.Dates;
import de.digitalcheck.portal.shared.i18n.Messages;
import de.digitalcheck.portal.shared.security.SignedIn;
import de.digitalcheck.portal.shared.validation.TextRules;
import de.digitalcheck.portal.shared.validation.ValidationException;
import de.digitalcheck.portal.shared.web.Choice;
import de.digitalcheck.portal.shared.web.Csrf;
import de.digitalcheck.portal.shared.web.FormAnswerReload;
import de.digitalcheck.portal.shared.web.ErrorLink;
import de.digitalcheck.portal.shared.web.Flash;
import de.digitalcheck.portal.shared.web.PortalLocaleResolver;
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
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.context.ServerRequestContext;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.views.ModelAndView;

import java.net.URI;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Agency staff: their own agency's leads with each lead's delivery log, and the webhook settings (address, secret
 * rotation, test event, the agency's delivery log). The agency comes from the signed session, never from the address:
 * another agency's lead is not found (404). A change posted on a lead this agency forwarded away meanwhile is a
 * conflict (409, {@link LeadErrors}).
 */
@Controller
@Secured("AGENCY_STAFF")
@ExecuteOn(TaskExecutors.BLOCKING)
@Produces(MediaType.TEXT_HTML)
class AgencyLeadsWorkspace {

    static final String VIEW = "leads/agency-leads";
    static final String LEAD_VIEW = "leads/lead";
    /** A webhook-id as {@code LeadEvents} makes them. */
    private static final java.util.function.Predicate<String> WEBHOOK_ID =
        java.util.regex.Pattern.compile("msg_[0-9a-f]{32}").asMatchPredicate();

    private final Webhooks webhooks;
    private final LeadInbox inbox;
    private final LeadWork leadWork;
    private final Messages messages;
    private final Csrf csrf;
    private final LeadAssignment assignment;
    private final LeadDetailExtras extras;
    private final java.time.Clock clock;
    private final ConsentTextVersions consentTexts;
    private final LeadFeed feed;
    private final Agencies agencies;
    private final Flash flash;

    AgencyLeadsWorkspace(Webhooks webhooks, LeadInbox inbox, LeadWork leadWork, Messages messages, Csrf csrf,
                         LeadAssignment assignment,
                         LeadDetailExtras extras, java.time.Clock clock, ConsentTextVersions consentTexts,
                         LeadFeed feed, Agencies agencies, Flash flash) {
        this.flash = flash;
        this.feed = feed;
        this.agencies = agencies;
        this.clock = clock;
        this.consentTexts = consentTexts;
        this.assignment = assignment;
        this.extras = extras;
        this.leadWork = leadWork;
        this.webhooks = webhooks;
        this.inbox = inbox;
        this.messages = messages;
        this.csrf = csrf;
    }

    @Get(LeadPaths.LEADS)
    HttpResponse<ModelAndView<Map<String, Object>>> leads(HttpRequest<?> request, Authentication authentication) {
        SignedIn user = SignedIn.of(authentication);
        Map<String, Object> model = model(user, WebhookForm.EMPTY, Map.of());
        InboxFilters.Read read = InboxFilters.read(request.getParameters(), user.accountId(),
            person -> assignment.isMember(user.agencyId(), person));
        inboxModel(model, inbox.page(new LeadInbox.Scope(user.agencyId()), read.filter()), read.filter(),
            InboxFilters.query(request.getParameters()), LeadPaths.LEADS);
        model.put("filterErrors", read.errors());
        // the test event's webhook-id, as the test's post put it on its redirect here ({@link Flash}: once, and only
        // after a test was queued; a "?test=msg_…" in the address said "on its way" for any id typed or linked)
        java.util.Optional<String> note = flash.note(request);
        model.put("testSent", note.filter(n -> n.startsWith(TEST_NOTE))
            .map(n -> n.substring(TEST_NOTE.length())).filter(WEBHOOK_ID).orElse(null));
        // right after the webhook's address was saved or removed: the note, focused (by Flash too: "?gespeichert" in
        // the address said "saved" on any link that carried it)
        model.put("webhookSaved", note.filter(Flash.SAVED::equals).isPresent());
        // right after failed deliveries were queued again: how many (by Flash: "?erneut=N" in the address said N
        // deliveries were being sent again on any link that carried it, though nothing had been queued)
        model.put("replayed", note.filter(n -> n.startsWith(REPLAYED_NOTE))
            .flatMap(n -> TextRules.asciiInt(n.substring(REPLAYED_NOTE.length()))).filter(n -> n >= 0).orElse(null));
        // a bad date: the inbox with the message at the field (the rest of the filter applied), not a bare error page
        return flash.clear(request, HttpResponse.status(read.errors().isEmpty() ? HttpStatus.OK : HttpStatus.BAD_REQUEST)
            .body(new ModelAndView<>(VIEW, model)));
    }

    /** The {@link Flash} note of a test event queued: this, then its webhook-id. */
    private static final String TEST_NOTE = "test:";
    /** The {@link Flash} note of failed deliveries queued again: this, then how many. */
    private static final String REPLAYED_NOTE = "replayed:";

    /** The filtered inbox as CSV (the same filters as the page, no paging), streamed. */
    @Get(LeadPaths.LEADS + ".csv")
    @Produces("text/csv")
    HttpResponse<reactor.core.publisher.Flux<byte[]>> export(HttpRequest<?> request, Authentication authentication) {
        SignedIn user = SignedIn.of(authentication);
        LeadInbox.Filter filter = InboxFilters.parse(request.getParameters(), user.accountId(),
            person -> assignment.isMember(user.agencyId(), person));
        return HttpResponse.ok(InboxCsv.body(request, inbox, new LeadInbox.Scope(user.agencyId()), filter,
                new InboxCsv.Texts(messages, consentTexts, PortalLocaleResolver.language(request))))
            .contentType("text/csv; charset=utf-8")
            .header("Content-Disposition", "attachment; filename=\""
                + messages.get(PortalLocaleResolver.language(request), "leads.csv.file") + "\"")
            .header("Cache-Control", "no-store");
    }

    @Get(LeadPaths.LEADS + "/{id}")
    HttpResponse<?> lead(HttpRequest<?> request, Authentication authentication, @PathVariable String id) {
        Map<String, Object> model = leadModel(SignedIn.of(authentication), id, null, Map.of(), null);
        // right after a stage change or an assignment, once: the note that it is saved, focused (the post's Flash
        // note; "?geaendert" in the address said so on any link that carried it, and on every reload)
        model.put("changed", flash.saved(request));
        return flash.clear(request, HttpResponse.ok(new ModelAndView<>(LEAD_VIEW, model)));
    }

    /** The fragment of the redirect after a stage change or an assignment: the note that it is saved. */
    static final String CHANGED_NOTE = "#lead-changed";

    /** Moves the lead to another stage with a note; a stale version or a change the workflow forbids stores nothing. */
    @Post(LeadPaths.LEADS + "/{id}/status")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    HttpResponse<?> changeStage(HttpRequest<?> request, Authentication authentication, @PathVariable String id,
                                @Body @Nullable StageForm body) {
        csrf.verify(request, body);
        SignedIn user = SignedIn.of(authentication);
        StageForm form = Objects.requireNonNullElse(body, new StageForm(null, null, null, null));
        requireOwnLead(user, id); // another agency's lead: 404 before anything else; forwarded away: 409
        java.util.Optional<Integer> parsedVersion = TextRules.asciiInt(Objects.requireNonNullElse(form.version(), ""));
        if (parsedVersion.isEmpty()) {
            throw LeadFormVersion.malformed(); // the error page, in the reader's language (a bare 400 showed a blank page)
        }
        int version = parsedVersion.get();
        try {
            leadWork.changeStage(user.agencyId(), id, version, form.stage(), form.note(),
                new LeadWork.Actor(user.accountId(), user.name()));
            return flash.saved(LeadPaths.lead(id) + CHANGED_NOTE);
        } catch (LeadWork.StaleLead e) {
            return HttpResponse.status(HttpStatus.CONFLICT).contentType(MediaType.TEXT_HTML_TYPE)
                // the current state, with what the person typed kept (the form's version is the lead's current one)
                .body(new ModelAndView<>(LEAD_VIEW, leadModel(user, id, form, Map.of(),
                    messages.get(PortalLocaleResolver.language(request), "leads.action.stale"))));
        } catch (ValidationException e) {
            Language language = PortalLocaleResolver.language(request);
            Map<String, String> errors = new HashMap<>();
            e.errors().forEach(err -> errors.put(err.field(), err.key().equals("leads.action.stage.notAllowed")
                ? messages.get(language, err.key(), messages.get(language, (String) err.args().get(0)),
                    messages.get(language, (String) err.args().get(1)))
                : messages.message(language, err)));
            return HttpResponse.status(HttpStatus.UNPROCESSABLE_ENTITY).contentType(MediaType.TEXT_HTML_TYPE)
                .body(new ModelAndView<>(LEAD_VIEW, leadModel(user, id, form, errors, null)));
        }
    }

    /**
     * The address of a lead form's answer (a refused or stale stage change, assignment or forward, answered with the
     * lead's page) loaded again from the address bar (a GET; it was {@code 405}): the lead's page, where the current
     * state is. Another agency's lead: {@code 404}; one this agency forwarded away: {@code 409} naming where it went,
     * as the post said ({@link #requireOwnLead}). Nothing is changed.
     */
    @FormAnswerReload
    @Get(uris = {LeadPaths.LEADS + "/{id}/status", LeadPaths.LEADS + "/{id}/zuweisen",
        LeadPaths.LEADS + "/{id}/weiterleiten"})
    HttpResponse<?> leadFormAddress(Authentication authentication, @PathVariable String id) {
        requireOwnLead(SignedIn.of(authentication), id);
        return HttpResponse.seeOther(URI.create(LeadPaths.lead(id)));
    }

    /**
     * The tenant check of a change posted on a lead's page (stage, assignment, forward): the staff's agency's lead, or
     * {@link UnknownLead} (404) — unless this agency forwarded it away since the page was read (another tab, a
     * colleague, the forward's form sent twice): {@link LeadErrors.ForwardedAway}, a 409 naming where it went.
     */
    void requireOwnLead(SignedIn user, String id) {
        try {
            webhooks.lead(user.agencyId(), id);
        } catch (UnknownLead e) {
            LeadFeed.Departure departure = feed.lastDeparture(user.agencyId(), id).orElseThrow(() -> e);
            throw new LeadErrors.ForwardedAway(LeadForwardPages.receiver(agencies, departure), departure.forwardedAt());
        }
    }

    Map<String, Object> leadModel(SignedIn user, String id, @Nullable StageForm form, Map<String, String> errors,
                                          @Nullable String stale) {
        Webhooks.LeadWithLog found = webhooks.lead(user.agencyId(), id);
        LeadWork.Detail detail = leadWork.detail(user.agencyId(), id);
        Map<String, Object> model = new HashMap<>();
        model.put("lead", detail.lead());
        model.put("trail", detail.trail());
        model.put("nextStages", detail.nextStages());
        model.put("stageForm", form == null ? new StageForm(null, null, null, null) : form);
        model.put("stageError", errors.get("stage"));
        model.put("noteError", errors.get("note"));
        List<ErrorLink> links = new java.util.ArrayList<>();
        if (errors.containsKey("stage")) {
            // a lead no longer shared has no stage form: the sentence that says so instead
            links.add(new ErrorLink(detail.lead().open() ? "#stage-to" : "#lead-not-open", errors.get("stage")));
        }
        if (errors.containsKey("note")) {
            links.add(new ErrorLink("#stage-note", errors.get("note")));
        }
        model.put("errorLinks", links);
        model.put("stale", stale);
        model.put("deliveries", found.deliveries());
        assignmentModel(model, user);
        model.putAll(extras.of(detail.lead()));
        return model;
    }

    /** The assignment form's part (see {@link LeadAssignmentPages}): the agency's people who can take the lead. */
    private void assignmentModel(Map<String, Object> model, SignedIn user) {
        model.put("assignees", assignment.candidates(user.agencyId()));
        model.put("assignForm", AssignForm.EMPTY);
        model.put("assignError", null);
        model.put("assignNoteError", null);
    }

    @Post(LeadPaths.WEBHOOK)
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    HttpResponse<?> setUrl(HttpRequest<?> request, Authentication authentication, @Body @Nullable WebhookForm body) {
        csrf.verify(request, body);
        SignedIn user = SignedIn.of(authentication);
        WebhookForm form = Objects.requireNonNullElse(body, WebhookForm.EMPTY);
        try {
            return webhooks.setUrl(user.agencyId(), form.url())
                .<HttpResponse<?>>map(secret -> withSecret(user, secret, false))
                .orElseGet(() -> flash.saved(LeadPaths.LEADS + "#webhook-saved"));
        } catch (ValidationException e) {
            return HttpResponse.status(HttpStatus.UNPROCESSABLE_ENTITY).contentType(MediaType.TEXT_HTML_TYPE)
                .body(new ModelAndView<>(VIEW, model(user, form,
                    messages.byField(PortalLocaleResolver.language(request), e.errors()))));
        }
    }

    @Post(LeadPaths.WEBHOOK + "/rotieren")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    HttpResponse<?> rotate(HttpRequest<?> request, Authentication authentication, @Body @Nullable RotationForm button) {
        csrf.verify(request, button);
        SignedIn user = SignedIn.of(authentication);
        try {
            return withSecret(user, webhooks.rotate(user.agencyId(), button == null ? null : button.version()), true);
        } catch (Webhooks.StaleRotation e) {
            // a second post of one form (a double click, a reload of the page with the new secret): nothing changed
            Language lang = PortalLocaleResolver.language(request);
            java.time.Instant until = e.current().previousSecret() == null ? null : e.current().previousSecretUntil();
            Map<String, Object> model = model(user, WebhookForm.EMPTY, Map.of());
            model.put("rotationStale", until != null && clock.instant().isBefore(until)
                ? messages.get(lang, "leads.webhook.rotate.stale", Dates.dateTime(lang, until))
                : messages.get(lang, "leads.webhook.rotate.stale.noPrevious"));
            return HttpResponse.status(HttpStatus.CONFLICT).contentType(MediaType.TEXT_HTML_TYPE)
                .body(new ModelAndView<>(VIEW, model));
        } catch (Webhooks.NoEndpoint e) {
            return noEndpoint(user);
        }
    }

    /**
     * A button of the webhook (rotate, test) of a page read while there was an endpoint, which was removed since (in
     * another tab, by a colleague): the page as it is now saying so, 409, nothing changed. It was a 404 "page not
     * found".
     */
    private HttpResponse<?> noEndpoint(SignedIn user) {
        Map<String, Object> model = model(user, WebhookForm.EMPTY, Map.of());
        model.put("webhookMissing", true);
        return HttpResponse.status(HttpStatus.CONFLICT).contentType(MediaType.TEXT_HTML_TYPE)
            .body(new ModelAndView<>(VIEW, model));
    }

    /** The rotation button's form: the version of the secret it was read with ({@code EndpointRow.secretVersion}). */
    @io.micronaut.serde.annotation.Serdeable
    record RotationForm(@Nullable String version,
                        @com.fasterxml.jackson.annotation.JsonProperty(Csrf.FIELD) @Nullable String csrfToken)
        implements Csrf.Form {
    }

    @Post(LeadPaths.WEBHOOK + "/test")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    HttpResponse<?> test(HttpRequest<?> request, Authentication authentication, @Body @Nullable Csrf.TokenForm button) {
        csrf.verify(request, button);
        SignedIn user = SignedIn.of(authentication);
        try {
            String id = webhooks.sendTest(user.agencyId());
            return flash.put(HttpResponse.seeOther(URI.create(LeadPaths.LEADS + "#webhook-test-sent")), LeadPaths.LEADS,
                TEST_NOTE + id);
        } catch (Webhooks.NoEndpoint e) {
            return noEndpoint(user);
        } catch (Webhooks.Disabled e) {
            // the endpoint is switched off (after a 410 Gone): nothing queued, and the page says so and how to switch
            // it on (it said the test was on its way, which would have waited until the endpoint was on again)
            Map<String, Object> model = model(user, WebhookForm.EMPTY, Map.of());
            model.put("testRefused", true);
            return HttpResponse.status(HttpStatus.CONFLICT).contentType(MediaType.TEXT_HTML_TYPE)
                .body(new ModelAndView<>(VIEW, model));
        }
    }

    /** The replay's form: how many days back ({@link Webhooks#REPLAY_DAYS}). */
    @io.micronaut.serde.annotation.Serdeable
    record ReplayForm(@Nullable String since,
                      @com.fasterxml.jackson.annotation.JsonProperty(Csrf.FIELD) @Nullable String csrfToken)
        implements Csrf.Form {
    }

    /**
     * Sends the deliveries that failed after every attempt in the chosen period again (those that may still go to the
     * agency); the page then says how many. Without an endpoint that is switched on, or with a period the form does
     * not offer: the page with the message at the choice, nothing queued.
     */
    @Post(LeadPaths.WEBHOOK + "/erneut-senden")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    HttpResponse<?> replay(HttpRequest<?> request, Authentication authentication, @Body @Nullable ReplayForm body) {
        csrf.verify(request, body);
        SignedIn user = SignedIn.of(authentication);
        String since = body == null || body.since() == null ? "" : body.since();
        try {
            int replayed = webhooks.replayFailed(user.agencyId(), TextRules.asciiInt(since).orElse(-1));
            return flash.put(HttpResponse.seeOther(URI.create(LeadPaths.LEADS + "#webhook-replayed")), LeadPaths.LEADS,
                REPLAYED_NOTE + replayed);
        } catch (ValidationException e) {
            Map<String, String> errors = messages.byField(PortalLocaleResolver.language(request), e.errors());
            Map<String, Object> model = model(user, WebhookForm.EMPTY, Map.of());
            model.put("replaySince", since);
            model.put("replayError", errors.get("since"));
            model.put("errorLinks", List.of(new ErrorLink("#webhook-replay-since", errors.get("since"))));
            return HttpResponse.status(HttpStatus.UNPROCESSABLE_ENTITY).contentType(MediaType.TEXT_HTML_TYPE)
                .body(new ModelAndView<>(VIEW, model));
        }
    }

    @Post(LeadPaths.WEBHOOK + "/entfernen")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    HttpResponse<?> remove(HttpRequest<?> request, Authentication authentication, @Body @Nullable Csrf.TokenForm button) {
        csrf.verify(request, button);
        webhooks.remove(SignedIn.of(authentication).agencyId());
        return flash.saved(LeadPaths.LEADS + "#webhook-saved");
    }

    /**
     * The address of a webhook form's answer loaded again from the address bar (a GET): the page of the webhook's
     * settings. The page with a new secret, after a rotation, a refused address, test or replay kept the post's
     * address, and a reload from there was {@code 405}. The secret is not shown again (it is shown once, and never put
     * into an address or a cookie); nothing is changed or sent.
     */
    @FormAnswerReload
    @Get(uris = {LeadPaths.WEBHOOK, LeadPaths.WEBHOOK + "/rotieren", LeadPaths.WEBHOOK + "/test",
        LeadPaths.WEBHOOK + "/erneut-senden"})
    HttpResponse<?> webhookSettings() {
        return HttpResponse.seeOther(URI.create(LeadPaths.LEADS + "#webhook-title"));
    }

    /** The secret is shown once, in the answer to the post that made it (never in an address or a log). */
    private HttpResponse<?> withSecret(SignedIn user, String secret, boolean rotated) {
        Map<String, Object> model = model(user, WebhookForm.EMPTY, Map.of());
        model.put("secret", secret);
        model.put("rotated", rotated);
        return HttpResponse.ok(new ModelAndView<>(VIEW, model)).header("Cache-Control", "no-store");
    }

    private Map<String, Object> model(SignedIn user, WebhookForm form, Map<String, String> errors) {
        Map<String, Object> model = new HashMap<>();
        inboxModel(model, inbox.page(new LeadInbox.Scope(user.agencyId()), LeadInbox.Filter.NONE),
            LeadInbox.Filter.NONE, Map.of(), LeadPaths.LEADS);
        var endpoint = webhooks.endpoint(user.agencyId()).orElse(null);
        model.put("endpoint", endpoint);
        model.put("secretVersion", endpoint == null ? null : endpoint.secretVersion());
        model.put("rotationStale", null);
        model.put("webhookMissing", false);
        // the saved address fills the field of a page that answers no refused post; a refused one shows what was sent,
        // also nothing (the saved address beside "please fill in" contradicted the message)
        boolean untyped = form.url() == null || form.url().isEmpty();
        model.put("form", untyped && endpoint != null && errors.isEmpty() ? new WebhookForm(endpoint.url(), null) : form);
        model.put("urlError", errors.get("url"));
        model.put("errorLinks", errors.isEmpty() ? List.of() : List.of(new ErrorLink("#webhook-url", errors.get("url"))));
        model.put("deliveries", webhooks.log(user.agencyId()));
        model.put("replayable", endpoint != null ? webhooks.replayable(user.agencyId()) : 0L);
        Language language = ServerRequestContext.currentRequest().map(PortalLocaleResolver::language).orElse(Language.DE);
        model.put("replayChoices", Webhooks.REPLAY_DAYS.stream().map(d -> new Choice(String.valueOf(d), d == 1
            ? messages.get(language, "leads.webhook.replay.day") : messages.get(language, "leads.webhook.replay.days", d)))
            .toList());
        model.put("replaySince", String.valueOf(Webhooks.REPLAY_DAYS_DEFAULT));
        model.put("replayError", null);
        model.put("replayed", null);
        model.put("secret", null);
        model.put("testSent", null);
        model.put("testRefused", false);
        model.put("webhookSaved", false);
        model.put("inboxAssignees", assignment.candidates(user.agencyId()));
        model.put("inboxOffersMe", true);
        return model;
    }

    /** The inbox's part of a page's model: the page of leads, counts, the filter and the paging links. */
    static void inboxModel(Map<String, Object> model, LeadInbox.Page page, LeadInbox.Filter filter,
                           Map<String, String> query, String path) {
        model.put("inbox", page);
        model.put("leads", page.items());
        model.put("filter", filter);
        model.put("filterQuery", query);
        // no leads under a filter is not "no leads yet" (the sort filters nothing)
        model.put("filtered", query.keySet().stream().anyMatch(k -> !"sort".equals(k)));
        model.put("assigneeMe", "me".equals(query.get("assignee")));
        model.put("assigneeNone", "-".equals(query.get("assignee")));
        model.putIfAbsent("filterErrors", Map.of());
        model.put("stages", LeadInbox.STAGES);
        model.put("sorts", LeadInbox.Sort.values());
        model.put("exportLink", link(path + ".csv", query, 1));
        // a page after the last (a link kept from when there were more, or a typed number): said so, not "no leads",
        // and the way back leads to the last page the filter has leads on, not to the page before this one (from page
        // 999999, read as InboxFilters.MAX_PAGE + 1, that was page 10000: as empty); none where it has no leads at all
        // (the first page's link says the rest)
        int previous = page.beyondLast() ? Math.min(page.lastPage(), page.page() - 1) : page.page() - 1;
        model.put("previousPage", previous >= 1 ? link(path, query, previous) : null);
        // named so where it skips empty pages ("Zur letzten Seite mit Anfragen")
        model.put("previousIsLast", page.beyondLast() && previous >= 1 && previous < page.page() - 1);
        model.put("nextPage", page.hasNext() ? link(path, query, page.page() + 1) : null);
        model.put("beyondLastPage", page.beyondLast());
        model.put("firstPage", link(path, query, 1));
    }

    static String link(String path, Map<String, String> query, int page) {
        io.micronaut.http.uri.UriBuilder b = io.micronaut.http.uri.UriBuilder.of(path);
        query.forEach(b::queryParam);
        if (page > 1) {
            b.queryParam("page", page);
        }
        return b.toString();
    }
}
