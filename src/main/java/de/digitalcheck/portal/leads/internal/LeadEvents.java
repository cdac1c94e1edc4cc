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
import de.digitalcheck.portal.shared.persistence.AfterCommit;
import de.digitalcheck.portal.shared.persistence.Deadlocks;
import de.digitalcheck.portal.shared.time.PortalTime;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.json.JsonMapper;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Queue;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The outbox side of a lead's change, written in the change's transaction.
 *
 * <p>A consent's event ({@link #changed}: {@code lead.created}, {@code lead.updated}) is one {@code lead_event} row;
 * after the commit this replica relays it on the {@link WebhookDispatcher}'s relay thread ({@link #relayOwn}; events
 * a stopped replica left: {@link #relayOrphans}): in one transaction the row is deleted and becomes the agency's mail
 * (through {@link MailOutbox}) and, where the agency has a webhook endpoint, its {@code webhook_delivery} row, whose
 * id is the event's (the {@code webhook-id}). An event whose lead is
 * no longer open at that agency (withdrawn, erased, forwarded meanwhile) is deleted without delivery: a withdrawal
 * stops what was not yet delivered. So a consent writes three rows (lead, consent log, event) instead of four, and the
 * payload and mail texts are made after its commit (bench/README.md, "Leads").
 *
 * <p>Staff's changes, withdrawals, erasures, forwards and escalations are rarer and write their mail and webhook rows
 * in their own transaction directly.
 */
@Singleton
public class LeadEvents {

    public static final String CREATED = "lead.created";
    public static final String UPDATED = "lead.updated";
    public static final String WITHDRAWN = "lead.withdrawn";
    public static final String ERASED = "lead.erased";
    public static final String TEST = "webhook.test";

    private static final Logger LOG = LoggerFactory.getLogger(LeadEvents.class);
    private static final int RELAY_BATCH = 100;
    private static final int MAX_LOST_RACES = 3;
    /** The fewest events a parallel relay transaction takes (fewer transactions for a few events). */
    private static final int MIN_CHUNK = 10;
    /** At most this many committed events wait in memory for this replica's relay; more wait for the sweep. */
    private static final int MAX_OWN_QUEUED = 100_000;
    /** Events older than this are any replica's to relay: their own replica did not (stopped, failed). */
    static final Duration ORPHAN_AGE = Duration.ofSeconds(30);

    private final Queue<LeadEventRow> own = new ConcurrentLinkedQueue<>();
    private final AtomicInteger ownQueued = new AtomicInteger();

    private final DeliveryRows deliveries;
    private final LeadFeed feed;
    private final LeadEventRows events;
    private final LeadRows leadRows;
    private final MailOutbox mail;
    private final Router router;
    private final Messages messages;
    private final PortalSettings settings;
    private final JsonMapper json;
    private final WebhookDispatcher dispatcher;
    private final TransactionOperations<Connection> transactions;
    private final Clock clock;
    private final NetworkTeam network;

    LeadEvents(DeliveryRows deliveries, LeadEventRows events, LeadRows leadRows, MailOutbox mail, Router router,
               Messages messages, PortalSettings settings, JsonMapper json, WebhookDispatcher dispatcher,
               TransactionOperations<Connection> transactions, Clock clock, NetworkTeam network, LeadFeed feed) {
        this.feed = feed;
        this.events = events;
        this.leadRows = leadRows;
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

    /**
     * A lead was created or updated (a consent): its event, relayed to mail and webhook after the commit — by this
     * replica, which keeps the committed event in memory for that ({@link #relayOwn}), or, should it stop first, by
     * any replica's sweep ({@link #relayOrphans}). {@code source}: where the consent was given (the lead keeps its
     * first consent's source; the mail tells a booking's consent by this one).
     */
    void changed(LeadRow lead, String type, String source) {
        LeadEventRow event = events.save(new LeadEventRow(newId(), lead.id(), lead.agencyId(), type, now(), source));
        afterCommit(() -> {
            if (!dispatcher.dispatches()) {
                return; // this replica relays nothing: the others' sweep relays it
            }
            if (ownQueued.incrementAndGet() <= MAX_OWN_QUEUED) {
                own.add(event);
            } else {
                ownQueued.decrementAndGet(); // kept in the table: the sweep relays it
            }
            dispatcher.relaySoon();
        });
    }

    /**
     * Relays the events this replica committed since the last call, in up to {@code parallel} transactions at once on
     * {@code pool} (no other replica relays them unless they wait longer than {@link #ORPHAN_AGE}, so the replicas'
     * relays do not race). How many were relayed.
     */
    int relayOwn(ExecutorService pool, int parallel) throws InterruptedException {
        List<LeadEventRow> mine = new ArrayList<>();
        for (LeadEventRow e = own.poll(); e != null; e = own.poll()) {
            ownQueued.decrementAndGet();
            mine.add(e);
        }
        if (mine.isEmpty()) {
            return 0;
        }
        int chunks = Math.max(1, Math.min(parallel, (mine.size() + MIN_CHUNK - 1) / MIN_CHUNK));
        int size = Math.min(RELAY_BATCH, (mine.size() + chunks - 1) / chunks);
        List<Future<Integer>> running = new ArrayList<>();
        for (int from = 0; from < mine.size(); from += size) {
            List<LeadEventRow> chunk = mine.subList(from, Math.min(mine.size(), from + size));
            running.add(pool.submit(() -> relayEach(chunk)));
        }
        int relayed = 0;
        for (Future<Integer> r : running) {
            try {
                relayed += r.get();
            } catch (ExecutionException e) {
                LOG.warn("Relaying lead events stopped, the sweep tries again: {}", e.getCause().toString());
            }
        }
        return relayed;
    }

    /**
     * Relays the events that waited longer than {@link #ORPHAN_AGE} (their replica stopped before it relayed them, or
     * one failed there), oldest first. How many were relayed.
     */
    int relayOrphans() {
        return relayWaiting(now().minus(ORPHAN_AGE));
    }

    /**
     * Relays the waiting lead events, oldest first, in batches: each batch in one transaction that deletes its rows and
     * writes their mails and webhook rows, so an event is relayed once whichever relay (thread, replica) gets it first
     * (the other's delete finds fewer rows and its transaction is rolled back). A batch that fails otherwise is relayed
     * event by event, so one event that cannot be relayed (it stays, logged, for the next run) holds up no other. How
     * many events were relayed.
     */
    public int relayDue() {
        return relayWaiting(now().plusSeconds(1));
    }

    private int relayWaiting(Instant before) {
        int relayed = 0;
        int lostRaces = 0;
        for (List<LeadEventRow> due = events.oldest(before, RELAY_BATCH); !due.isEmpty();
             due = events.oldest(before, RELAY_BATCH)) {
            try {
                relayed += relay(due);
            } catch (LostRace e) {
                if (++lostRaces == MAX_LOST_RACES) {
                    break; // another relay works through them; what is left, the next wake-up or poll finds
                }
                continue;
            } catch (RuntimeException e) {
                relayed += relayOneByOne(due);
                break; // what failed is tried again on the next sweep, not in a loop now
            }
            if (due.size() < RELAY_BATCH) {
                break;
            }
        }
        return relayed;
    }

    /** {@code chunk} in one transaction; if that fails, event by event. */
    private int relayEach(List<LeadEventRow> chunk) {
        try {
            return relay(chunk);
        } catch (RuntimeException e) {
            return relayOneByOne(chunk);
        }
    }

    /** Each event in its own transaction: one that cannot be relayed (it stays, logged, for the sweep) holds up none. */
    private int relayOneByOne(List<LeadEventRow> batch) {
        int relayed = 0;
        for (LeadEventRow event : batch) {
            try {
                relayed += relay(List.of(event));
            } catch (LostRace lost) {
                // another relay took it
            } catch (RuntimeException failed) {
                LOG.warn("Lead event {} not relayed, the sweep tries again: {}", event.id(), failed.toString());
            }
        }
        return relayed;
    }

    /** Relays {@code batch} in one transaction; {@link LostRace} if another relay took any of it. */
    private int relay(List<LeadEventRow> batch) {
        return Deadlocks.retrying("A lead events' relay", () -> transactions.executeWrite(status -> {
            if (events.deleteAll(InLists.padded(batch.stream().map(LeadEventRow::id).toList())) != batch.size()) {
                throw new LostRace();
            }
            Map<String, LeadRow> leads = new HashMap<>();
            leadRows.lockAll(InLists.padded(batch.stream().map(LeadEventRow::leadId).distinct().sorted().toList()))
                .forEach(l -> leads.put(l.id(), l));
            // withdrawn, erased or forwarded since: what was not yet delivered stops
            List<LeadEventRow> live = batch.stream().filter(e -> leads.containsKey(e.leadId()))
                .filter(e -> leads.get(e.leadId()).open() && Objects.equals(leads.get(e.leadId()).agencyId(), e.agencyId()))
                .toList();
            List<Mail> mails = new ArrayList<>();
            live.forEach(e -> mails.addAll(agencyMails(leads.get(e.leadId()), e.eventType(), e.source())));
            mail.sendAll(mails);
            List<String> agencies = live.stream().map(LeadEventRow::agencyId).filter(Objects::nonNull).distinct().toList();
            Set<String> withEndpoint = agencies.isEmpty() ? Set.of() : Set.copyOf(deliveries.withEndpoint(InLists.padded(agencies)));
            // the fallback queue (no agency) has no endpoint
            List<DeliveryRow> hooks = live.stream().filter(e -> e.agencyId() != null && withEndpoint.contains(e.agencyId()))
                .map(e -> pending(e, leadData(leads.get(e.leadId())))).toList();
            if (!hooks.isEmpty()) {
                deliveries.saveAll(hooks);
                afterCommit(dispatcher::wakeUp);
            }
            return batch.size();
        }));
    }

    /** Another relay deleted some of a batch first: this one's transaction is rolled back. */
    private static final class LostRace extends RuntimeException {
        LostRace() {
            super(null, null, false, false);
        }
    }

    /** The webhook row of {@code event}: its id is the webhook-id, due at once. */
    private DeliveryRow pending(LeadEventRow event, Map<String, Object> data) {
        return new DeliveryRow(event.id(), event.agencyId(), event.leadId(), event.eventType(),
            write(payload(event.eventType(), event.createdAt(), data)), DeliveryRow.PENDING, 0, event.createdAt(), null,
            null, event.createdAt(), null, null, null, null, null);
    }

    private static Map<String, Object> payload(String type, Instant at, Map<String, Object> data) {
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("type", type);
        payload.put("timestamp", at.toString());
        payload.put("data", data);
        return payload;
    }

    /** Staff worked the lead (stage, assignee): the webhook only (the agency made the change, no mail to it). */
    void worked(LeadRow lead) {
        webhook(lead.agencyId(), lead.id(), UPDATED, leadData(lead.shownToAgency()));
    }

    /**
     * A lead was forwarded: the receiving agency gets it as new ({@code lead.created}) with a mail that says who
     * forwarded it and why, both in the forward's transaction; the sender's pending deliveries of it stop and its
     * webhook gets {@code lead.updated} with status {@code forwarded} and no data beyond the ids (it no longer has the
     * lead). The receiver's mail was the new-lead mail of a consent, which said that the company had shared its result
     * with the receiver: the company consented to the agency it shared it with, the receiver got it from that agency.
     *
     * @param fromAgency the sending agency's name; null: the network's fallback queue (an admin forwarded it)
     * @param reason     the reason the sender gave (required by the forms; a blank one is left out of the mail)
     */
    void forwarded(LeadRow before, LeadRow after, @Nullable String fromAgency, String reason) {
        deliveries.cancelPending(after.id());
        Map<String, Object> gone = new LinkedHashMap<>();
        gone.put("leadId", before.id());
        gone.put("agencyId", before.agencyId());
        gone.put("status", "forwarded");
        gone.put("forwardedTo", after.agencyId());
        webhook(before.agencyId(), before.id(), UPDATED, gone);
        router.agency(after.agencyId()).ifPresent(receiver -> {
            String sender = fromAgency != null ? fromAgency
                : messages.get(Language.DE, "leads.mail.forwarded.network", settings.networkName());
            String why = reason == null || reason.isBlank() ? ""
                : messages.get(Language.DE, "leads.mail.forwarded.reason", reason.strip());
            mail.send(new Mail(Language.DE, receiver.leadAddress(),
                messages.get(Language.DE, "leads.mail.forwarded.subject"),
                text(after, "leads.mail.forwarded", receiver.name(), LeadPaths.lead(after.id()), Language.DE, sender,
                    why)));
        });
        webhook(after.agencyId(), after.id(), CREATED, leadData(after));
    }

    /** The lead is overdue: an escalation mail to the agency's lead address (no contact data), once per lead. */
    void escalated(LeadRow lead) {
        mailAgency(lead, "lead.escalated");
    }

    /**
     * The company withdrew its consent: what was not yet delivered stops; the agency learns of it, and so does every
     * agency the lead was forwarded away from (its data reached them first: the company is told that whoever received
     * it was told), by mail without a link (the lead is no longer theirs to open) and by webhook.
     */
    void withdrawn(LeadRow lead) {
        deliveries.cancelPending(lead.id());
        mailAgency(lead, WITHDRAWN);
        webhook(lead.agencyId(), lead.id(), WITHDRAWN, shortData(lead));
        for (String former : feed.formerAgencies(lead)) {
            router.agency(former).ifPresent(agency -> mail.send(new Mail(Language.DE, agency.leadAddress(),
                messages.get(Language.DE, "leads.mail.withdrawnFormer.subject"),
                text(lead, "leads.mail.withdrawnFormer", agency.name(), "", Language.DE,
                    router.agency(lead.agencyId()).map(Agency::name).orElse(settings.networkName())))));
            webhook(former, lead.id(), WITHDRAWN, formerData(lead, former));
        }
    }

    /**
     * The company's data was erased: pending deliveries stop, the log forgets the payloads, the agency learns of it, and
     * so does every agency the lead was forwarded away from (by webhook, as the agency).
     */
    void erased(LeadRow lead) {
        deliveries.cancelPending(lead.id());
        deliveries.replacePayloads(lead.id(), write(Map.of("data", shortData(lead))));
        webhook(lead.agencyId(), lead.id(), ERASED, shortData(lead));
        for (String former : feed.formerAgencies(lead)) {
            webhook(former, lead.id(), ERASED, formerData(lead, former));
        }
    }

    /** What an agency the lead was forwarded away from learns of it: ids and status, no link it could open. */
    private static Map<String, Object> formerData(LeadRow lead, String former) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("leadId", lead.id());
        data.put("agencyId", former);
        data.put("status", lead.status().toLowerCase(java.util.Locale.ROOT));
        data.put("forwardedTo", lead.agencyId());
        return data;
    }

    /** A test event to the agency's endpoint ("send test event"). */
    String test(String agencyId) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("agencyId", agencyId);
        data.put("message", "Test event of the Digitalcheck portal");
        return webhook(agencyId, null, TEST, data).orElseThrow();
    }

    /** Queues the agency's failed deliveries since {@code since} that may still go to it again; how many. */
    int replay(String agencyId, Instant since) {
        int replayed = deliveries.replayFailed(agencyId, since, now());
        if (replayed > 0) {
            afterCommit(dispatcher::wakeUp);
        }
        return replayed;
    }

    private Optional<String> webhook(String agencyId, String leadId, String type, Map<String, Object> data) {
        if (agencyId == null) {
            return Optional.empty();
        }
        String id = newId();
        Instant now = now();
        Map<String, Object> payload = payload(type, now, data);
        // one statement: the row is written only where the agency has an endpoint
        if (deliveries.saveForEndpoint(id, agencyId, leadId, type, write(payload), now) == 0) {
            return Optional.empty();
        }
        afterCommit(dispatcher::wakeUp);
        return Optional.of(id);
    }

    private void afterCommit(Runnable action) {
        AfterCommit.run(transactions, action);
    }

    private static String newId() {
        return "msg_" + UUID.randomUUID().toString().replace("-", "");
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MILLIS);
    }

    private Map<String, Object> leadData(LeadRow lead) {
        Map<String, Object> data = shortData(lead);
        data.put("source", lead.source());
        data.put("createdAt", lead.createdAt().toString());
        data.put("updatedAt", lead.updatedAt().toString());
        data.put("contactDueAt", lead.contactDueAt().toString());
        data.put("stage", lead.stage());
        Map<String, Object> assignee = null;
        if (lead.assigneeId() != null) {
            assignee = new LinkedHashMap<>();
            assignee.put("id", lead.assigneeId());
            assignee.put("name", lead.assigneeName());
        }
        data.put("assignee", assignee);
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
     * lead of the network's fallback queue (no agency) is told to every network admin instead, who work that queue,
     * each in the language they were invited in (the agency's mailbox is written to in German).
     */
    private void mailAgency(LeadRow lead, String type) {
        agencyMails(lead, type, null).forEach(mail::send);
    }

    /** {@code source}: where the consent of a created or updated lead was given (null: the lead's source). */
    private List<Mail> agencyMails(LeadRow lead, String type, @Nullable String source) {
        String kind = type.substring("lead.".length());
        if (lead.agencyId() == null) {
            String prefix = "leads.mail.fallback.";
            return network.admins().stream().map(admin -> new Mail(admin.language(), admin.email(),
                messages.get(admin.language(), prefix + kind + ".subject"),
                text(lead, prefix + kind, settings.networkName(), LeadPaths.adminLead(lead.id()), admin.language())))
                .toList();
        }
        Optional<Agency> agency = router.agency(lead.agencyId());
        if (agency.isEmpty()) {
            return List.of();
        }
        // a booking's consent says so (its company may have no check); the event's consent, not the lead's first
        String prefix = BookingLeads.SOURCE.equals(source == null ? lead.source() : source)
            && (CREATED.equals(type) || UPDATED.equals(type))
            ? "leads.mail.booking." : "leads.mail.";
        return List.of(new Mail(Language.DE, agency.get().leadAddress(), messages.get(Language.DE, prefix + kind + ".subject"),
            text(lead, prefix + kind, agency.get().name(), LeadPaths.lead(lead.id()), Language.DE)));
    }

    /**
     * The text of an agency's mail: {@code {0}} the receiver, {@code {1}} the company, {@code {2}} its place,
     * {@code {3}} the last day for the first contact, {@code {4}} the link; {@code more} from {@code {5}} on.
     */
    private String text(LeadRow lead, String key, String receiver, String path, Language language, Object... more) {
        List<Object> args = new ArrayList<>(List.of(receiver,
            lead.companyName() == null ? "" : lead.companyName(),
            lead.postalCode() == null ? "" : lead.postalCode() + " " + lead.municipality(),
            Dates.date(language, PortalTime.local(lead.contactDueAt()).toLocalDate().minusDays(1)),
            settings.link(path)));
        args.addAll(List.of(more));
        return messages.get(language, key + ".text", args.toArray());
    }

    private String write(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
