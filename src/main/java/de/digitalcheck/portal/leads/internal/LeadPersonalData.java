package de.digitalcheck.portal.leads.internal;

import de.digitalcheck.portal.readiness.AssessmentErased;
import de.digitalcheck.portal.shared.privacy.PersonalDataHolder;
import io.micronaut.runtime.event.annotation.EventListener;
import jakarta.inject.Singleton;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The leads' part of a company's data: its leads with their consent log and delivery log (export), and their
 * erasure — each lead anonymised, its consents without their check and who gave them, its undelivered events stopped,
 * the log's payloads replaced by the lead's id and status, and the agency told ({@code lead.erased}). The consents the
 * address gave to a lead whose contact is someone else's now are exported too (that lead's id and agency, and those
 * consents only) and lose the address's name and address on erasure. A check erased through its own link erases the
 * leads it made.
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
        List<LeadRow> own = leads.ofContact(email);
        List<Object> exported = new ArrayList<>(own.stream().map(l -> exported(l, email)).toList());
        // the consents this address gave to leads whose contact is someone else's now: only those, and whose leads
        Set<String> listed = own.stream().map(LeadRow::id).collect(Collectors.toSet());
        Map<String, List<ConsentRow>> elsewhere = new LinkedHashMap<>();
        consents.givenBy(email).stream().filter(c -> !listed.contains(c.leadId()))
            .forEach(c -> elsewhere.computeIfAbsent(c.leadId(), id -> new ArrayList<>()).add(c));
        elsewhere.forEach((leadId, given) -> {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("id", leadId);
            m.put("agencyId", leads.findById(leadId).map(LeadRow::agencyId).orElse(null));
            m.put("contactOfLead", false);
            m.put("consents", given.stream().map(c -> exported(c, email)).toList());
            exported.add(m);
        });
        return exported;
    }

    private Map<String, Object> exported(LeadRow l, String email) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", l.id());
        m.put("agencyId", l.agencyId());
        m.put("contactOfLead", true);
        m.put("status", l.status());
        m.put("source", l.source());
        m.put("companyName", l.companyName());
        m.put("postalCode", l.postalCode());
        m.put("municipality", l.municipality());
        m.put("contactName", l.contactName());
        m.put("contactEmail", l.contactEmail());
        m.put("contactPhone", l.contactPhone());
        m.put("createdAt", l.createdAt().toString());
        m.put("consents", consents.ofLead(l.id()).stream().map(c -> exported(c, email)).toList());
        m.put("deliveries", deliveries.ofLead(l.id()).stream().map(d -> Map.of("webhookId", d.id(),
            "event", d.eventType(), "state", d.state(), "createdAt", d.createdAt().toString())).toList());
        return m;
    }

    /**
     * A consent as exported: {@code withdrawnAt} null while it stands (it was an empty string); who gave it
     * ({@code contactName}, {@code contactEmail}) where it was this address — another person's name and address (a
     * consent given before the lead's contact was taken over) are not this address's to read, and are null, as for
     * a consent logged before they were recorded.
     */
    private static Map<String, Object> exported(ConsentRow c, String email) {
        boolean own = c.contactEmail() != null && c.contactEmail().equalsIgnoreCase(email);
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("textVersion", c.textVersion());
        m.put("language", c.language());
        m.put("givenAt", c.givenAt().toString());
        m.put("withdrawnAt", c.withdrawnAt() == null ? null : c.withdrawnAt().toString());
        m.put("contactName", own ? c.contactName() : null);
        m.put("contactEmail", own ? c.contactEmail() : null);
        return m;
    }

    @Override
    public int erase(String email) {
        List<LeadRow> found = leads.ofContact(email);
        found.forEach(book::erase);
        // and who gave a consent on a lead whose contact is someone else's now: the lead stays theirs
        return found.size() + consents.forgetGivenBy(email);
    }

    @EventListener
    void onErased(AssessmentErased event) {
        leads.findByAssessmentId(event.assessmentId().value()).forEach(book::erase);
    }
}
