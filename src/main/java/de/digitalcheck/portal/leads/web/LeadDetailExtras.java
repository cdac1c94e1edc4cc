package de.digitalcheck.portal.leads.web;

import de.digitalcheck.portal.leads.internal.LeadDossier;
import de.digitalcheck.portal.leads.internal.LeadForwarding;
import de.digitalcheck.portal.leads.internal.LeadRow;
import de.digitalcheck.portal.leads.internal.LeadStages;
import de.digitalcheck.portal.shared.i18n.Language;
import de.digitalcheck.portal.shared.web.PortalLocaleResolver;
import io.micronaut.http.context.ServerRequestContext;
import jakarta.inject.Singleton;

import java.util.HashMap;
import java.util.Map;

/**
 * What the lead detail shows besides its stage form and trail (issue 13): the check's result summary with the levels
 * per dimension and the staff's PDF, the consent log, the check's appointments, and the forward form with the
 * agencies the lead can go to. Staff's and network admins' detail pages share it.
 */
@Singleton
class LeadDetailExtras {

    private final LeadForwarding forwarding;
    private final LeadDossier dossier;

    LeadDetailExtras(LeadForwarding forwarding, LeadDossier dossier) {
        this.forwarding = forwarding;
        this.dossier = dossier;
    }

    Map<String, Object> of(LeadRow lead) {
        Language language = ServerRequestContext.currentRequest().map(PortalLocaleResolver::language).orElse(Language.DE);
        Map<String, Object> model = new HashMap<>();
        model.put("summary", dossier.summary(lead, language).orElse(null));
        model.put("consents", dossier.consents(lead));
        model.put("bookings", dossier.bookings(lead));
        model.put("language", language.code());
        model.put("forwardTargets", forwarding.targets(lead.agencyId()));
        model.put("forwardForm", ForwardForm.EMPTY);
        model.put("forwardAgencyError", null);
        model.put("forwardReasonError", null);
        model.put("forwardable", lead.open() && !LeadStages.next(lead.stage()).isEmpty());
        return model;
    }
}
