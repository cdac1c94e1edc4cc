package de.digitalcheck.portal.leads.internal;

import de.digitalcheck.portal.readiness.AssessmentErased;
import de.digitalcheck.portal.shared.privacy.PersonalDataHolder;
import io.micronaut.runtime.event.annotation.EventListener;
import jakarta.inject.Singleton;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The leads' part of a company's data: its leads with their consent log and delivery log (export), and their
 * erasure — each lead anonymised, its undelivered events stopped, the log's payloads replaced by the lead's id and
 * status, and the agency told ({@code lead.erased}). A check erased through its own link erases the leads it made.
 */
@Singleton
class LeadPersonalData implements PersonalDataHolder {

    private final LeadRows leads;
    private final ConsentRows consents;
    private final DeliveryRows deliveries;
    private final LeadBook book;

    LeadPersonalData(LeadRows leads, ConsentRows consents, DeliveryRows deliveries, LeadBook book) {
        this.leads = leads;
        this.consents = consents;
        this.deliveries = deliveries;
        this.book = book;
    }

    @Override
    public String part() {
        return "leads";
    }

    @Override
    public Object export(String email) {
        return leads.ofContact(email).stream().map(this::exported).toList();
    }

    private Map<String, Object> exported(LeadRow l) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", l.id());
        m.put("agencyId", l.agencyId());
        m.put("status", l.status());
        m.put("source", l.source());
        m.put("companyName", l.companyName());
        m.put("postalCode", l.postalCode());
        m.put("municipality", l.municipality());
        m.put("contactName", l.contactName());
        m.put("contactEmail", l.contactEmail());
        m.put("contactPhone", l.contactPhone());
        m.put("createdAt", l.createdAt().toString());
        m.put("consents", consents.ofLead(l.id()).stream().map(LeadPersonalData::exported).toList());
        m.put("deliveries", deliveries.ofLead(l.id()).stream().map(d -> Map.of("webhookId", d.id(),
            "event", d.eventType(), "state", d.state(), "createdAt", d.createdAt().toString())).toList());
        return m;
    }

    /** A consent as exported: {@code withdrawnAt} null while it stands (it was an empty string). */
    private static Map<String, Object> exported(ConsentRow c) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("textVersion", c.textVersion());
        m.put("language", c.language());
        m.put("givenAt", c.givenAt().toString());
        m.put("withdrawnAt", c.withdrawnAt() == null ? null : c.withdrawnAt().toString());
        return m;
    }

    @Override
    public int erase(String email) {
        List<LeadRow> found = leads.ofContact(email);
        found.forEach(book::erase);
        return found.size();
    }

    @EventListener
    void onErased(AssessmentErased event) {
        leads.findByAssessmentId(event.assessmentId().value()).forEach(book::erase);
    }
}
