package de.digitalcheck.portal.leads.web;

import de.digitalcheck.portal.leads.internal.LeadAssignment;
import de.digitalcheck.portal.leads.internal.LeadInbox;
import de.digitalcheck.portal.leads.internal.LeadPaths;
import de.digitalcheck.portal.routing.Agencies;
import de.digitalcheck.portal.routing.Agency;
import de.digitalcheck.portal.routing.UnknownAgency;
import de.digitalcheck.portal.shared.i18n.ConsentTextVersions;
import de.digitalcheck.portal.shared.i18n.Messages;
import de.digitalcheck.portal.shared.web.PortalLocaleResolver;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Produces;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.views.ModelAndView;

import java.net.URI;
import java.util.HashMap;
import java.util.Map;

/**
 * Network admins: every agency's inbox (the same filters, paging and CSV as the agency's staff have), chosen on the
 * fallback queue's page ({@link FallbackQueuePage}); the agency is in the path, so that the inbox's filter and paging
 * links keep it. Read only: a lead opens on the admin's lead page ({@code /admin/leads/{id}}), where it can be
 * forwarded.
 */
@Controller
@Secured("NETWORK_ADMIN")
@ExecuteOn(TaskExecutors.BLOCKING)
@Produces(MediaType.TEXT_HTML)
class AdminInboxPages {

    static final String INBOX = "/admin/agenturen/{agencyId}/leads";

    private final LeadInbox inbox;
    private final Agencies agencies;
    private final Messages messages;
    private final LeadAssignment assignment;
    private final ConsentTextVersions consentTexts;

    AdminInboxPages(LeadInbox inbox, Agencies agencies, Messages messages, LeadAssignment assignment,
                    ConsentTextVersions consentTexts) {
        this.consentTexts = consentTexts;
        this.messages = messages;
        this.assignment = assignment;
        this.inbox = inbox;
        this.agencies = agencies;
    }

    @Get(INBOX)
    HttpResponse<ModelAndView<Map<String, Object>>> inbox(HttpRequest<?> request, Authentication authentication,
                                                          @PathVariable String agencyId) {
        Agency agency = agencies.find(agencyId).orElseThrow(UnknownAgency::new);
        String me = memberOrNull(agency, authentication);
        InboxFilters.Read read = InboxFilters.read(request.getParameters(), me,
            person -> assignment.isMember(agency.id(), person));
        LeadInbox.Filter filter = read.filter();
        Map<String, Object> model = new HashMap<>();
        model.put("filterErrors", read.errors());
        String path = path(agency.id());
        AgencyLeadsWorkspace.inboxModel(model, inbox.page(new LeadInbox.Scope(agency.id()), filter), filter,
            InboxFilters.query(request.getParameters()), path);
        model.put("agency", agency);
        // the agency's people, as its staff see them in the same choice; "assigned to me" only for a person of the
        // agency (the admin is none: it offered "mir", which showed an empty inbox, and nobody of the agency)
        model.put("inboxAssignees", assignment.candidates(agency.id()));
        model.put("inboxOffersMe", me != null);
        return HttpResponse.status(read.errors().isEmpty() ? io.micronaut.http.HttpStatus.OK
            : io.micronaut.http.HttpStatus.BAD_REQUEST).body(new ModelAndView<>("leads/admin-inbox", model));
    }

    /** The lead on the admin's lead page (the id sent on encoded, {@link LeadPaths#adminLead}). */
    @Get(INBOX + "/{id}")
    HttpResponse<?> lead(@PathVariable String agencyId, @PathVariable String id) {
        return HttpResponse.seeOther(URI.create(LeadPaths.adminLead(id)));
    }

    @Get("/admin/agenturen/{agencyId}/leads.csv")
    @Produces("text/csv")
    HttpResponse<reactor.core.publisher.Flux<byte[]>> export(HttpRequest<?> request, Authentication authentication,
                                                            @PathVariable String agencyId) {
        Agency agency = agencies.find(agencyId).orElseThrow(UnknownAgency::new);
        LeadInbox.Filter filter = InboxFilters.parse(request.getParameters(), memberOrNull(agency, authentication),
            person -> assignment.isMember(agency.id(), person));
        return HttpResponse.ok(InboxCsv.body(request, inbox, new LeadInbox.Scope(agency.id()), filter,
                new InboxCsv.Texts(messages, consentTexts, PortalLocaleResolver.language(request))))
            .contentType("text/csv; charset=utf-8")
            .header("Content-Disposition", "attachment; filename=\""
                + messages.get(PortalLocaleResolver.language(request), "leads.csv.file.agency", agency.id()) + "\"")
            .header("Cache-Control", "no-store");
    }

    /** The reader's account where it is a person of the agency (to filter by "assigned to me"), else null. */
    private @Nullable String memberOrNull(Agency agency, Authentication authentication) {
        String account = de.digitalcheck.portal.shared.security.SignedIn.of(authentication).accountId();
        return assignment.isMember(agency.id(), account) ? account : null;
    }

    static String path(String agencyId) {
        return "/admin/agenturen/" + agencyId + "/leads";
    }
}
