package de.digitalcheck.portal.leads.web;

import de.digitalcheck.portal.leads.UnknownLead;
import de.digitalcheck.portal.leads.internal.LeadOversight;
import de.digitalcheck.portal.leads.internal.LeadPaths;
import de.digitalcheck.portal.leads.internal.LeadRow;
import de.digitalcheck.portal.leads.internal.LeadStages;
import de.digitalcheck.portal.leads.internal.LeadWork;
import de.digitalcheck.portal.shared.i18n.Language;
import de.digitalcheck.portal.shared.i18n.Messages;
import de.digitalcheck.portal.shared.security.SignedIn;
import de.digitalcheck.portal.shared.validation.TextRules;
import de.digitalcheck.portal.shared.validation.ValidationException;
import de.digitalcheck.portal.shared.web.Csrf;
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
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Produces;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.views.ModelAndView;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Network admins close a lead of the fallback queue (a company outside every territory, spam) on the admin's lead
 * page: closed or rejected with a note ({@link LeadWork#closeFallback}), as staff close their agency's leads. A
 * refused change re-renders the lead with the messages and what was typed (422); a stale form answers 409 and stores
 * nothing. An agency's lead is not found here (404): its staff work it; admins only forward it.
 */
@Controller
@Secured("NETWORK_ADMIN")
@ExecuteOn(TaskExecutors.BLOCKING)
@Produces(MediaType.TEXT_HTML)
class FallbackLeadPages {

    static final String CLOSE = LeadPaths.FALLBACK + "/{id}/status";

    private final LeadWork leadWork;
    private final LeadOversight oversight;
    private final LeadForwardPages pages;
    private final Messages messages;
    private final Csrf csrf;
    private final Flash flash;

    FallbackLeadPages(LeadWork leadWork, LeadOversight oversight, LeadForwardPages pages, Messages messages,
                      Csrf csrf, Flash flash) {
        this.flash = flash;
        this.leadWork = leadWork;
        this.oversight = oversight;
        this.pages = pages;
        this.messages = messages;
        this.csrf = csrf;
    }

    @Post(CLOSE)
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    HttpResponse<?> close(HttpRequest<?> request, Authentication authentication, @PathVariable String id,
                          @Body @Nullable StageForm body) {
        csrf.verify(request, body);
        SignedIn user = SignedIn.of(authentication);
        StageForm form = Objects.requireNonNullElse(body, new StageForm(null, null, null, null));
        if (oversight.detail(id).lead().agencyId() != null) {
            throw new UnknownLead(); // an agency's lead (or none): 404 before anything else
        }
        java.util.Optional<Integer> version = TextRules.asciiInt(Objects.requireNonNullElse(form.version(), ""));
        if (version.isEmpty()) {
            throw LeadFormVersion.malformed(); // the error page, in the reader's language
        }
        Language language = PortalLocaleResolver.language(request);
        try {
            leadWork.closeFallback(id, version.get(), form.stage(), form.note(),
                new LeadWork.Actor(user.accountId(), user.name()));
            return flash.saved(LeadPaths.adminLead(id) + AgencyLeadsWorkspace.CHANGED_NOTE);
        } catch (LeadWork.StaleLead e) {
            // the current state, with what the person typed kept (the form's version is the lead's current one)
            Map<String, Object> model = pages.adminModel(id);
            closeModel(model, (LeadRow) model.get("lead"), form, Map.of());
            model.put("stale", messages.get(language, "leads.action.stale"));
            return HttpResponse.status(HttpStatus.CONFLICT).contentType(MediaType.TEXT_HTML_TYPE)
                .body(new ModelAndView<>(LeadForwardPages.ADMIN_LEAD_VIEW, model));
        } catch (ValidationException e) {
            Map<String, Object> model = pages.adminModel(id);
            closeModel(model, (LeadRow) model.get("lead"), form, messages.byField(language, e.errors()));
            return HttpResponse.status(HttpStatus.UNPROCESSABLE_ENTITY).contentType(MediaType.TEXT_HTML_TYPE)
                .body(new ModelAndView<>(LeadForwardPages.ADMIN_LEAD_VIEW, model));
        }
    }

    /**
     * The close form's part of the admin's lead page: for an open lead of the fallback queue the final stages it can
     * go to ({@link LeadStages#closing}); none for an agency's lead (its staff work it) or a closed one. {@code form}
     * and {@code errors}: what a refused post sent, and why.
     */
    static void closeModel(Map<String, Object> model, LeadRow lead, @Nullable StageForm form,
                           Map<String, String> errors) {
        boolean fallback = lead.agencyId() == null;
        model.put("closable", fallback);
        model.put("nextStages", fallback && lead.open() ? LeadStages.closing(lead.stage()) : List.of());
        model.put("stageForm", form == null ? new StageForm(null, null, null, null) : form);
        model.put("stageError", errors.get("stage"));
        model.put("noteError", errors.get("note"));
        List<ErrorLink> links = new ArrayList<>();
        if (errors.containsKey("stage")) {
            // a lead no longer shared has no form: the sentence that says so instead
            links.add(new ErrorLink(lead.open() ? "#stage-to" : "#lead-not-open", errors.get("stage")));
        }
        if (errors.containsKey("note")) {
            links.add(new ErrorLink("#stage-note", errors.get("note")));
        }
        model.put("errorLinks", links);
    }
}
