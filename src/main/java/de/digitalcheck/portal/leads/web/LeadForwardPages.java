package de.digitalcheck.portal.leads.web;

import de.digitalcheck.portal.leads.UnknownLead;
import de.digitalcheck.portal.leads.internal.LeadFeed;
import de.digitalcheck.portal.leads.internal.LeadForwarding;
import de.digitalcheck.portal.leads.internal.LeadOversight;
import de.digitalcheck.portal.leads.internal.LeadPaths;
import de.digitalcheck.portal.leads.internal.LeadRow;
import de.digitalcheck.portal.leads.internal.LeadWork;
import de.digitalcheck.portal.routing.Agencies;
import de.digitalcheck.portal.routing.Agency;
import de.digitalcheck.portal.shared.i18n.Language;
import de.digitalcheck.portal.shared.i18n.Messages;
import de.digitalcheck.portal.shared.security.SignedIn;
import de.digitalcheck.portal.shared.validation.ValidationException;
import de.digitalcheck.portal.shared.web.Csrf;
import de.digitalcheck.portal.shared.web.ErrorLink;
import de.digitalcheck.portal.shared.web.Flash;
import de.digitalcheck.portal.shared.web.PortalLocaleResolver;
import de.digitalcheck.portal.shared.validation.TextRules;
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
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.views.ModelAndView;

import java.net.URI;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Forwarding a lead to another agency with a reason: staff forward their agency's leads, network admins any lead
 * (that is how the fallback queue is worked) from the admin's lead page ({@code /admin/leads/{id}}). A refused
 * forward re-renders the lead with the messages and what was typed; a stale form answers 409 and stores nothing.
 */
@Controller
@ExecuteOn(TaskExecutors.BLOCKING)
@Produces(MediaType.TEXT_HTML)
class LeadForwardPages {

    static final String FORWARDED = LeadPaths.LEADS + "/weitergeleitet";
    static final String ADMIN_LEAD_VIEW = "leads/admin-lead";
    static final String FORWARDED_VIEW = "leads/forwarded";

    private final LeadForwarding forwarding;
    private final LeadFeed feed;
    private final LeadOversight oversight;
    private final AgencyLeadsWorkspace workspace;
    private final LeadDetailExtras extras;
    private final Agencies agencies;
    private final Messages messages;
    private final Csrf csrf;
    private final Flash flash;

    LeadForwardPages(LeadForwarding forwarding, LeadFeed feed, LeadOversight oversight, AgencyLeadsWorkspace workspace,
                     LeadDetailExtras extras, Agencies agencies, Messages messages, Csrf csrf, Flash flash) {
        this.flash = flash;
        this.forwarding = forwarding;
        this.feed = feed;
        this.oversight = oversight;
        this.workspace = workspace;
        this.extras = extras;
        this.agencies = agencies;
        this.messages = messages;
        this.csrf = csrf;
    }

    @Post(LeadPaths.LEADS + "/{id}/weiterleiten")
    @Secured("AGENCY_STAFF")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    HttpResponse<?> forward(HttpRequest<?> request, Authentication authentication, @PathVariable String id,
                            @Body @Nullable ForwardForm body) {
        csrf.verify(request, body);
        SignedIn user = SignedIn.of(authentication);
        ForwardForm form = Objects.requireNonNullElse(body, ForwardForm.EMPTY);
        workspace.requireOwnLead(user, id); // another agency's lead: 404 before anything else; forwarded away: 409
        return forward(request, user, false, id, form, () -> workspace.leadModel(user, id, null, Map.of(), null),
            AgencyLeadsWorkspace.LEAD_VIEW, moved -> URI.create(FORWARDED + "?" + LEAD + "=" + moved.id()));
    }

    /** The confirmation's parameter: the lead that was forwarded. */
    static final String LEAD = "anfrage";

    /**
     * The sender's confirmation: the lead is gone from its inbox, and where it went. The receiving agency is named
     * from the forward's record ({@link LeadFeed#lastDeparture}) of a lead the signed-in staff's agency forwarded,
     * never from the address: it named any agency the address said ({@code ?an=wf-dortmund}), also when nothing was
     * forwarded, so a link could make the portal say a lead went where it never did. Any other address is not found
     * (404); the inbox guards its test event's alert alike ({@link AgencyLeadsWorkspace}).
     */
    @Get(FORWARDED)
    @Secured("AGENCY_STAFF")
    ModelAndView<Map<String, Object>> forwarded(HttpRequest<?> request, Authentication authentication) {
        List<String> leads = request.getParameters().getAll(LEAD);
        if (leads.size() != 1) {
            throw new UnknownLead();
        }
        LeadFeed.Departure departure = feed.lastDeparture(SignedIn.of(authentication).agencyId(), leads.get(0))
            .orElseThrow(UnknownLead::new);
        Map<String, Object> model = new HashMap<>();
        model.put("agencyName", receiver(agencies, departure));
        return new ModelAndView<>(FORWARDED_VIEW, model);
    }

    /** The name of the agency a forward went to (its id, should the agency be gone). */
    static String receiver(Agencies agencies, LeadFeed.Departure departure) {
        return agencies.find(departure.forwardedTo()).map(Agency::name).orElse(departure.forwardedTo());
    }

    @Get(LeadPaths.FALLBACK + "/{id}")
    @Secured("NETWORK_ADMIN")
    HttpResponse<?> adminLead(HttpRequest<?> request, @PathVariable String id) {
        Map<String, Object> model = adminModel(id);
        // right after a fallback lead was closed (FallbackLeadPages' post), once: the note that it is saved (a Flash
        // note; "?geaendert" in the address said so on any link that carried it, and on every reload)
        model.put("changed", flash.saved(request));
        return flash.clear(request, HttpResponse.ok(new ModelAndView<>(ADMIN_LEAD_VIEW, model)));
    }

    @Post(LeadPaths.FALLBACK + "/{id}/weiterleiten")
    @Secured("NETWORK_ADMIN")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    HttpResponse<?> adminForward(HttpRequest<?> request, Authentication authentication, @PathVariable String id,
                                 @Body @Nullable ForwardForm body) {
        csrf.verify(request, body);
        SignedIn user = SignedIn.of(authentication);
        ForwardForm form = Objects.requireNonNullElse(body, ForwardForm.EMPTY);
        oversight.detail(id);
        return forward(request, user, true, id, form, () -> adminModel(id), ADMIN_LEAD_VIEW,
            to -> URI.create(LeadPaths.adminLead(id) + "#audit-title"));
    }

    private HttpResponse<?> forward(HttpRequest<?> request, SignedIn user, boolean admin, String id, ForwardForm form,
                                    java.util.function.Supplier<Map<String, Object>> page, String view,
                                    java.util.function.Function<LeadRow, URI> done) {
        java.util.Optional<Integer> parsedVersion = TextRules.asciiInt(Objects.requireNonNullElse(form.version(), ""));
        if (parsedVersion.isEmpty()) {
            throw LeadFormVersion.malformed(); // the error page, in the reader's language (a bare 400 showed a blank page)
        }
        int version = parsedVersion.get();
        Language language = PortalLocaleResolver.language(request);
        try {
            LeadRow moved = forwarding.forward(user.agencyId(), admin, id, version, form.agency(), form.reason(),
                new LeadWork.Actor(user.accountId(), user.name()));
            return HttpResponse.seeOther(done.apply(moved));
        } catch (LeadWork.StaleLead e) {
            Map<String, Object> model = page.get();
            model.put("forwardForm", new ForwardForm(form.agency(), form.reason(), null, null));
            model.put("stale", messages.get(language, "leads.action.stale"));
            return HttpResponse.status(HttpStatus.CONFLICT).contentType(MediaType.TEXT_HTML_TYPE)
                .body(new ModelAndView<>(view, model));
        } catch (ValidationException e) {
            Map<String, String> errors = messages.byField(language, e.errors());
            Map<String, Object> model = page.get();
            model.put("forwardForm", form);
            model.put("forwardAgencyError", errors.get("agency"));
            model.put("forwardReasonError", errors.get("reason"));
            List<ErrorLink> links = new ArrayList<>();
            if (errors.containsKey("agency")) {
                links.add(new ErrorLink("#forward-agency", errors.get("agency")));
            }
            if (errors.containsKey("reason")) {
                links.add(new ErrorLink("#forward-reason", errors.get("reason")));
            }
            model.put("errorLinks", links);
            model.put("errorTitle", messages.get(language, "leads.forward.errors.title"));
            return HttpResponse.status(HttpStatus.UNPROCESSABLE_ENTITY).contentType(MediaType.TEXT_HTML_TYPE)
                .body(new ModelAndView<>(view, model));
        }
    }

    Map<String, Object> adminModel(String id) {
        LeadWork.Detail detail = oversight.detail(id);
        Map<String, Object> model = new HashMap<>();
        model.put("lead", detail.lead());
        model.put("trail", detail.trail());
        model.put("agencyName", agencies.find(detail.lead().agencyId()).map(Agency::name).orElse(null));
        FallbackLeadPages.closeModel(model, detail.lead(), null, Map.of()); // with no error links
        model.put("stale", null);
        model.putAll(extras.of(detail.lead()));
        return model;
    }
}
