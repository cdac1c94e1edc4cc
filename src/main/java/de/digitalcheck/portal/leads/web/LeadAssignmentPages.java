package de.digitalcheck.portal.leads.web;

import de.digitalcheck.portal.leads.internal.LeadAssignment;
import de.digitalcheck.portal.leads.internal.LeadPaths;
import de.digitalcheck.portal.leads.internal.LeadWork;
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
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Produces;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.views.ModelAndView;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Staff assign a lead of their agency to one of its staff or coaches (or to nobody). A stale form answers {@code 409}
 * with the lead as it is now and what was chosen and typed kept; a person who cannot take the lead answers
 * {@code 422}; nothing is stored in either case. Another agency's lead: {@code 404}; one this agency forwarded away
 * meanwhile: {@code 409} saying where it went ({@link LeadErrors}).
 */
@Controller
@Secured("AGENCY_STAFF")
@ExecuteOn(TaskExecutors.BLOCKING)
@Produces(MediaType.TEXT_HTML)
class LeadAssignmentPages {

    private final AgencyLeadsWorkspace workspace;
    private final LeadAssignment assignment;
    private final Messages messages;
    private final Csrf csrf;
    private final Flash flash;

    LeadAssignmentPages(AgencyLeadsWorkspace workspace, LeadAssignment assignment, Messages messages, Csrf csrf,
                        Flash flash) {
        this.flash = flash;
        this.workspace = workspace;
        this.assignment = assignment;
        this.messages = messages;
        this.csrf = csrf;
    }

    @Post(LeadPaths.LEADS + "/{id}/zuweisen")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    HttpResponse<?> assign(HttpRequest<?> request, Authentication authentication, @PathVariable String id,
                           @Body @Nullable AssignForm body) {
        csrf.verify(request, body);
        SignedIn user = SignedIn.of(authentication);
        AssignForm form = Objects.requireNonNullElse(body, AssignForm.EMPTY);
        workspace.requireOwnLead(user, id); // another agency's lead: 404 before anything else; forwarded away: 409
        Map<String, Object> current = workspace.leadModel(user, id, null, Map.of(), null);
        java.util.Optional<Integer> parsedVersion = TextRules.asciiInt(Objects.requireNonNullElse(form.version(), ""));
        if (parsedVersion.isEmpty()) {
            throw LeadFormVersion.malformed(); // the error page, in the reader's language (a bare 400 showed a blank page)
        }
        int version = parsedVersion.get();
        Language language = PortalLocaleResolver.language(request);
        try {
            assignment.assign(user.agencyId(), id, version, form.assignee(), form.note(),
                new LeadWork.Actor(user.accountId(), user.name()));
            return flash.saved(LeadPaths.lead(id) + AgencyLeadsWorkspace.CHANGED_NOTE);
        } catch (LeadWork.StaleLead e) {
            current.put("assignForm", form);
            current.put("stale", messages.get(language, "leads.action.stale"));
            return page(HttpStatus.CONFLICT, current);
        } catch (ValidationException e) {
            Map<String, String> errors = messages.byField(language, e.errors());
            current.put("assignForm", form);
            current.put("assignError", errors.get("assignee"));
            current.put("assignNoteError", errors.get("note"));
            List<ErrorLink> links = new java.util.ArrayList<>();
            if (errors.containsKey("assignee")) {
                // a lead no longer shared has no assignment form: the sentence that says so instead
                boolean open = ((de.digitalcheck.portal.leads.internal.LeadRow) current.get("lead")).open();
                links.add(new ErrorLink(open ? "#assign-to" : "#lead-not-open", errors.get("assignee")));
            }
            if (errors.containsKey("note")) {
                links.add(new ErrorLink("#assign-note", errors.get("note")));
            }
            current.put("errorLinks", links);
            return page(HttpStatus.UNPROCESSABLE_ENTITY, current);
        }
    }

    private static HttpResponse<?> page(HttpStatus status, Map<String, Object> model) {
        return HttpResponse.status(status).contentType(MediaType.TEXT_HTML_TYPE)
            .body(new ModelAndView<>(AgencyLeadsWorkspace.LEAD_VIEW, model));
    }
}
