package de.digitalcheck.portal.leads.internal;

import de.digitalcheck.portal.routing.Agency;
import de.digitalcheck.portal.routing.NetworkTeam;
import de.digitalcheck.portal.routing.Router;
import de.digitalcheck.portal.shared.config.PortalSettings;
import de.digitalcheck.portal.shared.i18n.Dates;
import de.digitalcheck.portal.shared.i18n.Language;
import de.digitalcheck.portal.shared.i18n.Messages;
import de.digitalcheck.portal.shared.mail.Mail;
import de.digitalcheck.portal.shared.mail.MailOutbox;
import de.digitalcheck.portal.shared.time.PortalTime;
import io.micronaut.json.JsonMapper;
import io.micronaut.transaction.TransactionOperations;
import io.micronaut.transaction.support.TransactionSynchronization;
import jakarta.inject.Singleton;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * The outbox side of a lead's change, written in the change's transaction: the agency's mail (through
 * {@link MailOutbox}) and, where the agency has a webhook endpoint, one {@code webhook_delivery} row per event whose
 * id is the {@code webhook-id}. After the commit the {@link WebhookDispatcher} is woken.
 */
@Singleton
public class LeadEvents {

    public static final String CREATED = "lead.created";
    public static final String UPDATED = "lead.updated";
    public static final String WITHDRAWN = "lead.withdrawn";
    public static final String ERASED = "lead.erased";
    public static final String TEST = "webhook.test";

    private final DeliveryRows deliveries;
    private final MailOutbox mail;
    private final Router router;
    private final Messages messages;
    private final PortalSettings settings;
    private final JsonMapper json;
    private final WebhookDispatcher dispatcher;
    private final TransactionOperations<Connection> transactions;
    private final Clock clock;
    private final NetworkTeam network;

    LeadEvents(DeliveryRows deliveries, MailOutbox mail, Router router, Messages messages,
               PortalSettings settings, JsonMapper json, WebhookDispatcher dispatcher,
               TransactionOperations<Connection> transactions, Clock clock, NetworkTeam network) {
        this.network = network;
        this.deliveries = deliveries;
        this.mail = mail;
        this.router = router;
        this.messages = messages;
        this.settings = settings;
        this.json = json;
        this.dispatcher = dispatcher;
        this.transactions = transactions;
        this.clock = clock;
    }

    /** A lead was created or updated: mail and webhook. */
    void changed(LeadRow lead, String type) {
        mailAgency(lead, type);
        webhook(lead.agencyId(), lead.id(), type, leadData(lead));
    }

    /** Staff worked the lead (stage, assignee): the webhook only (the agency made the change, no mail to it). */
    void worked(LeadRow lead) {
        webhook(lead.agencyId(), lead.id(), UPDATED, leadData(lead));
    }

    /**
     * A lead was forwarded: the receiving agency gets it as new (mail and {@code lead.created}); the sender's pending
     * deliveries of it stop and its webhook gets {@code lead.updated} with status {@code forwarded} and no data
     * beyond the ids (it no longer has the lead).
     */
    void forwarded(LeadRow before, LeadRow after) {
        deliveries.cancelPending(after.id());
        Map<String, Object> gone = new LinkedHashMap<>();
        gone.put("leadId", before.id());
        gone.put("agencyId", before.agencyId());
        gone.put("status", "forwarded");
        gone.put("forwardedTo", after.agencyId());
        webhook(before.agencyId(), before.id(), UPDATED, gone);
        changed(after, CREATED);
    }

    /** The lead is overdue: an escalation mail to the agency's lead address (no contact data), once per lead. */
    void escalated(LeadRow lead) {
        mailAgency(lead, "lead.escalated");
    }

    /** The company withdrew its consent: what was not yet delivered stops; the agency learns of it. */
    void withdrawn(LeadRow lead) {
        deliveries.cancelPending(lead.id());
        mailAgency(lead, WITHDRAWN);
        webhook(lead.agencyId(), lead.id(), WITHDRAWN, shortData(lead));
    }

    /** The company's data was erased: pending deliveries stop, the log forgets the payloads, the agency learns of it. */
    void erased(LeadRow lead) {
        deliveries.cancelPending(lead.id());
        deliveries.replacePayloads(lead.id(), write(Map.of("data", shortData(lead))));
        webhook(lead.agencyId(), lead.id(), ERASED, shortData(lead));
    }

    /** A test event to the agency's endpoint ("send test event"). */
    String test(String agencyId) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("agencyId", agencyId);
        data.put("message", "Test event of the Digitalcheck portal");
        return webhook(agencyId, null, TEST, data).orElseThrow();
    }

    private Optional<String> webhook(String agencyId, String leadId, String type, Map<String, Object> data) {
        if (agencyId == null) {
            return Optional.empty();
        }
        Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        String id = "msg_" + UUID.randomUUID().toString().replace("-", "");
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("type", type);
        payload.put("timestamp", now.toString());
        payload.put("data", data);
        // one statement: the row is written only where the agency has an endpoint
        if (deliveries.saveForEndpoint(id, agencyId, leadId, type, write(payload), now) == 0) {
            return Optional.empty();
        }
        transactions.findTransactionStatus().filter(s -> !s.isCompleted()).ifPresentOrElse(
            s -> s.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    dispatcher.wakeUp();
                }
            }), dispatcher::wakeUp);
        return Optional.of(id);
    }

    private Map<String, Object> leadData(LeadRow lead) {
        Map<String, Object> data = shortData(lead);
        data.put("source", lead.source());
        data.put("createdAt", lead.createdAt().toString());
        data.put("updatedAt", lead.updatedAt().toString());
        data.put("contactDueAt", lead.contactDueAt().toString());
        Map<String, Object> company = new LinkedHashMap<>();
        company.put("name", lead.companyName());
        company.put("postalCode", lead.postalCode());
        company.put("municipality", lead.municipality());
        company.put("ags", lead.ags());
        company.put("sector", lead.sector());
        company.put("employees", lead.employees());
        company.put("companyType", lead.companyType());
        data.put("company", company);
        Map<String, Object> contact = new LinkedHashMap<>();
        contact.put("name", lead.contactName());
        contact.put("email", lead.contactEmail());
        contact.put("phone", lead.contactPhone());
        data.put("contact", contact);
        Map<String, Object> assessment = new LinkedHashMap<>();
        assessment.put("score", lead.score());
        assessment.put("level", lead.overallLevel());
        data.put("assessment", assessment);
        Map<String, Object> consent = new LinkedHashMap<>();
        consent.put("version", lead.consentVersion());
        consent.put("language", lead.consentLanguage());
        consent.put("givenAt", lead.consentAt().toString());
        data.put("consent", consent);
        return data;
    }

    private Map<String, Object> shortData(LeadRow lead) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("leadId", lead.id());
        data.put("agencyId", lead.agencyId());
        data.put("status", lead.status().toLowerCase(java.util.Locale.ROOT));
        data.put("url", settings.link(LeadPaths.lead(lead.id())));
        return data;
    }

    /**
     * The agency's mail: what happened, the company's name and place, the due date and the link; no contact data. A
     * lead of the network's fallback queue (no agency) is told to every network admin instead, who work that queue.
     */
    private void mailAgency(LeadRow lead, String type) {
        String kind = type.substring("lead.".length());
        if (lead.agencyId() == null) {
            String prefix = "leads.mail.fallback.";
            for (String admin : network.adminAddresses()) {
                mail.send(new Mail(admin, messages.get(Language.DE, prefix + kind + ".subject"),
                    text(lead, prefix + kind, settings.networkName(), LeadPaths.adminLead(lead.id()))));
            }
            return;
        }
        Optional<Agency> agency = router.agency(lead.agencyId());
        if (agency.isEmpty()) {
            return;
        }
        // a booking's consent says so (its company may have no check)
        String prefix = BookingLeads.SOURCE.equals(lead.source()) && (CREATED.equals(type) || UPDATED.equals(type))
            ? "leads.mail.booking." : "leads.mail.";
        mail.send(new Mail(agency.get().leadAddress(), messages.get(Language.DE, prefix + kind + ".subject"),
            text(lead, prefix + kind, agency.get().name(), LeadPaths.lead(lead.id()))));
    }

    private String text(LeadRow lead, String key, String receiver, String path) {
        return messages.get(Language.DE, key + ".text", receiver,
            lead.companyName() == null ? "" : lead.companyName(),
            lead.postalCode() == null ? "" : lead.postalCode() + " " + lead.municipality(),
            Dates.date(Language.DE, PortalTime.local(lead.contactDueAt()).toLocalDate().minusDays(1)),
            settings.link(path));
    }

    private String write(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
