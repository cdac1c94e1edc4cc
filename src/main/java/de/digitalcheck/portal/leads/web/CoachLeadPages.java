package de.digitalcheck.portal.leads.web;

import de.digitalcheck.portal.leads.internal.LeadAssignment;
import de.digitalcheck.portal.leads.internal.TrailValues;
import de.digitalcheck.portal.leads.internal.LeadWork;
import de.digitalcheck.portal.shared.security.SignedIn;
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

import java.util.HashMap;
import java.util.Map;

/**
 * A coach's leads: those of their agency assigned to them, read-only (SPEC §2: a coach sees, with the company's
 * consent, what it shared; the agency's staff work the lead). Any other lead, of the agency or not: {@code 404}.
 */
@Controller("/coach/leads")
@Secured("COACH")
@ExecuteOn(TaskExecutors.BLOCKING)
@Produces(MediaType.TEXT_HTML)
class CoachLeadPages {

    private final LeadAssignment assignment;

    private final TrailValues trailValues;

    CoachLeadPages(LeadAssignment assignment, TrailValues trailValues) {
        this.assignment = assignment;
        this.trailValues = trailValues;
    }

    @Get
    ModelAndView<Map<String, Object>> list(Authentication authentication) {
        SignedIn coach = SignedIn.of(authentication);
        Map<String, Object> model = new HashMap<>();
        model.put("leads", coach.agencyId() == null ? java.util.List.of()
            : assignment.assignedTo(coach.agencyId(), coach.accountId()));
        return new ModelAndView<>("leads/coach-leads", model);
    }

    @Get("/{id}")
    ModelAndView<Map<String, Object>> lead(Authentication authentication, @PathVariable String id) {
        SignedIn coach = SignedIn.of(authentication);
        LeadWork.Detail detail = assignment.assignedDetail(coach.agencyId(), coach.accountId(), id);
        Map<String, Object> model = new HashMap<>();
        model.put("lead", detail.lead());
        model.put("trail", detail.trail());
        model.put("trailValues", trailValues);
        return new ModelAndView<>("leads/coach-lead", model);
    }
}
