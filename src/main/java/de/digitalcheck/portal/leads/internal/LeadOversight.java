package de.digitalcheck.portal.leads.internal;

import de.digitalcheck.portal.leads.UnknownLead;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;

/** Network admins' view of any lead, whichever agency (or the fallback queue) holds it: read only. */
@Singleton
public class LeadOversight {

    private final LeadRows leads;
    private final LeadAuditRows audit;

    LeadOversight(LeadRows leads, LeadAuditRows audit) {
        this.leads = leads;
        this.audit = audit;
    }

    @Transactional(readOnly = true)
    public LeadWork.Detail detail(String leadId) {
        LeadRow lead = leads.findById(leadId).filter(l -> l.id().equals(leadId)).orElseThrow(UnknownLead::new);
        return new LeadWork.Detail(lead.shownToAgency(), audit.ofLead(leadId), LeadStages.next(lead.stage()));
    }
}
