package de.digitalcheck.portal.leads.web;

import de.digitalcheck.portal.leads.internal.LeadPaths;
import de.digitalcheck.portal.leads.internal.Webhooks;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Produces;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.views.ModelAndView;

import java.util.Map;

/**
 * Network admins: the fallback queue — leads of locations that no agency's territory covers: the open ones to work
 * (forward or close), then those closed (at a final stage, withdrawn or erased) until retention anonymises them.
 */
@Controller
@Secured("NETWORK_ADMIN")
@ExecuteOn(TaskExecutors.BLOCKING)
@Produces(MediaType.TEXT_HTML)
class FallbackQueuePage {

    private final Webhooks webhooks;
    private final de.digitalcheck.portal.routing.Agencies agencies;

    FallbackQueuePage(Webhooks webhooks, de.digitalcheck.portal.routing.Agencies agencies) {
        this.webhooks = webhooks;
        this.agencies = agencies;
    }

    @Get(LeadPaths.FALLBACK)
    ModelAndView<Map<String, Object>> queue() {
        return new ModelAndView<>("leads/fallback", Map.of("leads", webhooks.fallbackQueue(),
            "closedLeads", webhooks.fallbackClosed(), "agencies", agencies.all()));
    }
}
