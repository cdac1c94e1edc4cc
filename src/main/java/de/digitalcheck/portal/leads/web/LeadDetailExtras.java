package de.digitalcheck.portal.leads.web;

import de.digitalcheck.portal.leads.internal.LeadForwarding;
import de.digitalcheck.portal.leads.internal.LeadRow;
import jakarta.inject.Singleton;

import java.util.HashMap;
import java.util.Map;

/**
 * What the lead detail shows besides its stage form and trail (issue 13): the forward form with the agencies it can
 * go to. Staff's and network admins' detail pages share it.
 */
@Singleton
class LeadDetailExtras {

    private final LeadForwarding forwarding;

    LeadDetailExtras(LeadForwarding forwarding) {
        this.forwarding = forwarding;
    }

    Map<String, Object> of(LeadRow lead) {
        Map<String, Object> model = new HashMap<>();
        model.put("forwardTargets", forwarding.targets(lead.agencyId()));
        model.put("forwardForm", ForwardForm.EMPTY);
        model.put("forwardAgencyError", null);
        model.put("forwardReasonError", null);
        model.put("forwardable", lead.open() && !de.digitalcheck.portal.leads.internal.LeadStages.next(lead.stage()).isEmpty());
        return model;
    }
}
