package de.digitalcheck.portal.leads.internal;

import de.digitalcheck.portal.readiness.AssessmentErased;
import de.digitalcheck.portal.shared.i18n.ConsentTextVersions;
import de.digitalcheck.portal.shared.i18n.Language;
import de.digitalcheck.portal.shared.i18n.Messages;
import de.digitalcheck.portal.shared.privacy.PersonalDataHolder;
import io.micronaut.runtime.event.annotation.EventListener;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The leads' part of a company's data: its leads with their consent log, their history at the agency and delivery
 * log (export, {@link #history}), and their
 * erasure — each lead anonymised, its consents without their check and who gave them, its undelivered events stopped,
 * the log's payloads replaced by the lead's id and status, and the agency told ({@code lead.erased}). The consents the
 * address gave to a lead whose contact is someone else's now are exported too (that lead's id and agency, and those
 * consents only) and lose the address's name and address on erasure. A check erased through its own link erases the
 * leads it made.
 *
 * <p>Beside each code, its words in the export's language, for people (the codes stay, for programs): the lead's
 * {@code statusText}, {@code sourceText}, {@code stageText}; a consent's {@code sourceText}, {@code textVersionText},
 * {@code languageText}; a delivery's {@code eventText} and {@code stateText}; a code without words reads "Sonstiger
 * Wert" ({@link Messages#codeText}).
 */
@Singleton
class LeadPersonalData implements PersonalDataHolder {

    private static final Logger LOG = LoggerFactory.getLogger(LeadPersonalData.class);

    private final LeadRows leads;
    private final ConsentRows consents;
    private final DeliveryRows deliveries;
    private final LeadBook book;
    private final LeadAuditRows audit;
    private final TrailValues trailValues;
    private final Messages messages;
    private final ConsentTextVersions versions;

    /** The words of the codes the export carries ({@link Messages#codeText}): {@code prefix + code}. */
    static final String STATUS_WORDS = "leads.status.";
    static final String STAGE_WORDS = "leads.stage.";
    static final String SOURCE_WORDS = "leads.source.";
    static final String DELIVERY_STATE_WORDS = "leads.log.state.";
    static final String EVENT_WORDS = "leads.event.";
    static final String LANGUAGE_WORDS = "language.name.";

    LeadPersonalData(LeadRows leads, ConsentRows consents, DeliveryRows deliveries, LeadBook book,
                     LeadAuditRows audit, TrailValues trailValues, Messages messages, ConsentTextVersions versions) {
        this.versions = versions;
        this.audit = audit;
        this.trailValues = trailValues;
        this.messages = messages;
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
        return export(email, Language.DE);
    }

    @Override
    public Object export(String email, Language language) {
        List<LeadRow> own = leads.ofContact(email);
        List<Object> exported = new ArrayList<>(own.stream().map(l -> exported(l, email, language)).toList());
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
            m.put("consents", given.stream().map(c -> exported(c, email, language)).toList());
            exported.add(m);
        });
        return exported;
    }

    private Map<String, Object> exported(LeadRow l, String email, Language language) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", l.id());
        m.put("agencyId", l.agencyId());
        m.put("contactOfLead", true);
        m.put("status", l.status());
        m.put("statusText", messages.codeText(language, STATUS_WORDS, l.status()));
        m.put("source", l.source());
        m.put("sourceText", messages.codeText(language, SOURCE_WORDS, l.source()));
        m.put("companyName", l.companyName());
        m.put("postalCode", l.postalCode());
        m.put("municipality", l.municipality());
        m.put("contactName", l.contactName());
        m.put("contactEmail", l.contactEmail());
        m.put("contactPhone", l.contactPhone());
        m.put("createdAt", l.createdAt().toString());
        m.put("stage", l.stage());
        m.put("stageText", messages.codeText(language, STAGE_WORDS, l.stage()));
        // whether someone at the agency works on it; not who (the staff member's name is the agency's data)
        m.put("assigned", l.assigneeId() != null || l.assigneeName() != null);
        m.put("firstContactAt", l.firstContactAt() == null ? null : l.firstContactAt().toString());
        m.put("closedAt", l.closedAt() == null ? null : l.closedAt().toString());
        List<LeadAuditRow> trail = new ArrayList<>(audit.ofLead(l.id()));
        java.util.Collections.reverse(trail); // oldest first
        m.put("history", trail.stream().map(r -> history(r, language)).toList());
        m.put("consents", consents.ofLead(l.id()).stream().map(c -> exported(c, email, language)).toList());
        m.put("deliveries", deliveries.ofLead(l.id()).stream().map(d -> delivery(d, language)).toList());
        return m;
    }

    /** A webhook delivery of the lead: its event and state, as codes and in words. */
    private Map<String, Object> delivery(DeliveryRow d, Language language) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("webhookId", d.id());
        m.put("event", d.eventType());
        m.put("eventText", messages.codeText(language, EVENT_WORDS, d.eventType()));
        m.put("state", d.state());
        m.put("stateText", messages.codeText(language, DELIVERY_STATE_WORDS, d.state()));
        m.put("createdAt", d.createdAt().toString());
        return m;
    }

    /**
     * An entry of the lead's trail as exported, oldest first (GDPR Art. 15: what the agency noted about the company's
     * contact is theirs to see): when, what ({@code action}, as the trail stores it: {@code STAGE}, {@code ASSIGN},
     * {@code FORWARD}, {@code ESCALATE}, {@code RESULT}, {@code NOTE}, {@code BOOKING…}, {@code OUTCOME},
     * {@code DATA_…}), from and to, staff's note, and {@code by}: {@code agency} (someone at the agency — staff, a
     * coach, the network's admins —, never their name or address: that is the agency's data), {@code company} (what
     * the company did: its booking, a consent's values, its check revised) or {@code portal} (an escalation, an
     * assignee removed with their account). Values that name someone else are left out: the assignee's name
     * ({@code ASSIGN}: {@code assigned} or null), the coach and kind of a booking (its time only), a former or another
     * contact's name, email and phone, and what was given under this address and not taken over
     * ({@code DATA_OTHER_…}: maybe another company's). The codes stay, for programs; {@code text} and {@code byText}
     * say the same in {@code language}, for people (the lead page's words: "Bearbeitungsstand: neu → kontaktiert",
     * "Termin verschoben: 22.12.2026, 09:00 → 23.12.2026, 10:00"); a code the export does not know reads as another
     * change, without its values.
     */
    private Map<String, Object> history(LeadAuditRow r, Language language) {
        String action = r.action();
        String from = r.fromValue();
        String to = r.toValue();
        if (LeadAuditRow.ASSIGN.equals(action)) {
            from = from == null ? null : "assigned";
            to = to == null ? null : "assigned";
        } else if (action.startsWith(BookingLeads.ACTION_BOOKING)) {
            from = appointmentTime(from);
            to = appointmentTime(to);
        } else if (HIDDEN_VALUES.contains(action) || action.startsWith("DATA_OTHER_")) {
            from = null;
            to = null;
        }
        String by = r.actorName() != null || r.actorId() != null ? "agency"
            : TrailValues.byCompany(action) ? "company" : "portal";
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("at", r.at().toString());
        m.put("action", action);
        m.put("text", text(new LeadAuditRow(r.id(), r.leadId(), r.at(), null, null, action, from, to, null), language));
        m.put("by", by);
        m.put("byText", messages.get(language, BY_TEXT.get(by)));
        m.put("from", from);
        m.put("to", to);
        m.put("note", r.note());
        return m;
    }

    /** Who made an entry ({@code by}), in words. */
    private static final Map<String, String> BY_TEXT = Map.of("agency", "company.export.history.by.agency",
        "company", "leads.audit.company", "portal", "leads.audit.system");

    /**
     * An exported entry (its values already as exported) in words: what happened, as the lead page names it, with its
     * values in {@code language} where it has some — "from → to", or the one value it has (a booking's time, a
     * cancelled appointment's); an assignment says whether someone took it on, never who; an outcome names the
     * appointment's time and the outcome.
     */
    private String text(LeadAuditRow shown, Language language) {
        String action = shown.action();
        Optional<String> what = trailValues.known(action, language);
        if (what.isEmpty()) {
            return messages.get(language, TrailValues.OTHER);
        }
        if (LeadAuditRow.ASSIGN.equals(action)) {
            String change = shown.toValue() == null ? "unassigned"
                : shown.fromValue() == null ? "assigned" : "reassigned";
            return messages.get(language, "company.export.history.value", what.get(),
                messages.get(language, "company.export.history." + change));
        }
        String from;
        String to;
        try {
            from = trailValues.from(shown, language.code());
            to = trailValues.to(shown, language.code());
        } catch (RuntimeException e) {
            // a value the trail's words cannot read (none is stored so): the export names what happened, and goes on
            LOG.warn("History entry {} ({}) exported without its values in words ({})", shown.id(), action,
                e.getClass().getName());
            return what.get();
        }
        if (BookingLeads.ACTION_OUTCOME.equals(action) && from != null && to != null) {
            return messages.get(language, "company.export.history.outcome", what.get(), from, to);
        }
        if (from != null && to != null) {
            return messages.get(language, "company.export.history.change", what.get(), from, to);
        }
        String value = from != null ? from : to;
        return value == null ? what.get() : messages.get(language, "company.export.history.value", what.get(), value);
    }

    /** The trail's contact values: a former contact's (or another's) name, email and phone are not this address's. */
    private static final Set<String> HIDDEN_VALUES = Set.of(ConsentTrail.CONTACT, ConsentTrail.EMAIL,
        ConsentTrail.PHONE);

    /** A booking's trail value ({@code 22.12.2026 09:00 TYPE=… COACH=…}) as its time only. */
    private static String appointmentTime(String value) {
        if (value == null) {
            return null;
        }
        int details = value.indexOf(" TYPE=");
        return details < 0 ? value : value.substring(0, details);
    }

    /**
     * A consent as exported: {@code withdrawnAt} null while it stands (it was an empty string); who gave it
     * ({@code contactName}, {@code contactEmail}) where it was this address — another person's name and address (a
     * consent given before the lead's contact was taken over) are not this address's to read, and are null, as for
     * a consent logged before they were recorded.
     */
    private Map<String, Object> exported(ConsentRow c, String email, Language language) {
        boolean own = c.contactEmail() != null && c.contactEmail().equalsIgnoreCase(email);
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("source", c.source());
        m.put("sourceText", messages.codeText(language, SOURCE_WORDS, c.source()));
        m.put("textVersion", c.textVersion());
        m.put("textVersionText", c.textVersion() == null ? null : versions.name(language, c.textVersion()));
        m.put("language", c.language());
        m.put("languageText", messages.codeText(language, LANGUAGE_WORDS, c.language()));
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
