package de.digitalcheck.portal.leads.web;

import de.digitalcheck.portal.leads.internal.LeadPaths;
import de.digitalcheck.portal.leads.internal.Webhooks;
import de.digitalcheck.portal.routing.Agencies;
import de.digitalcheck.portal.routing.Agency;
import de.digitalcheck.portal.shared.i18n.Messages;
import de.digitalcheck.portal.shared.web.PortalLocaleResolver;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Produces;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.views.ModelAndView;

import java.net.URI;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Network admins: the fallback queue — leads of locations that no agency's territory covers: the open ones to work
 * (forward or close), then those closed (at a final stage, withdrawn or erased) until retention anonymises them — and
 * the choice of an agency whose inbox to open ({@code /admin/leads/agentur?agency=}, {@link AdminInboxPages}).
 */
@Controller
@Secured("NETWORK_ADMIN")
@ExecuteOn(TaskExecutors.BLOCKING)
@Produces(MediaType.TEXT_HTML)
class FallbackQueuePage {

    private static final String VIEW = "leads/fallback";

    private final Webhooks webhooks;
    private final Agencies agencies;
    private final Messages messages;

    FallbackQueuePage(Webhooks webhooks, Agencies agencies, Messages messages) {
        this.webhooks = webhooks;
        this.agencies = agencies;
        this.messages = messages;
    }

    @Get(LeadPaths.FALLBACK)
    ModelAndView<Map<String, Object>> queue() {
        return new ModelAndView<>(VIEW, model(null));
    }

    /**
     * The chooser on the fallback queue's page (a form that works without JavaScript): to the agency's inbox. An
     * agency in the address that does not exist, none, or more than one answers {@code 400} with this page and a note
     * saying why, in the reader's language (as the admin's dashboard does with its {@code agency=}); it was a bare
     * "page not found" for a page that exists.
     */
    @Get(LeadPaths.FALLBACK + "/agentur")
    HttpResponse<?> choose(HttpRequest<?> request) {
        List<String> asked = request.getParameters().getAll("agency");
        String refused;
        if (asked.size() > 1) {
            refused = "leads.admin.choose.repeated";
        } else if (asked.isEmpty() || asked.get(0).isBlank()) {
            refused = "leads.admin.choose.missing";
        } else {
            Optional<Agency> chosen = agencies.find(asked.get(0).strip());
            if (chosen.isPresent()) {
                return HttpResponse.seeOther(URI.create(AdminInboxPages.path(chosen.get().id())));
            }
            refused = "leads.admin.choose.unknown";
        }
        return HttpResponse.status(HttpStatus.BAD_REQUEST).contentType(MediaType.TEXT_HTML_TYPE)
            .body(new ModelAndView<>(VIEW, model(messages.get(PortalLocaleResolver.language(request), refused))));
    }

    private Map<String, Object> model(@Nullable String queryError) {
        Map<String, Object> model = new HashMap<>();
        model.put("leads", webhooks.fallbackQueue());
        model.put("closedLeads", webhooks.fallbackClosed());
        model.put("agencies", agencies.all());
        model.put("queryError", queryError);
        return model;
    }
}
