package de.digitalcheck.portal.leads.internal;

import de.digitalcheck.portal.booking.Appointments;
import de.digitalcheck.portal.leads.UnknownLead;
import de.digitalcheck.portal.readiness.AgencyLeads;
import de.digitalcheck.portal.readiness.Assessment;
import de.digitalcheck.portal.readiness.AssessmentId;
import de.digitalcheck.portal.readiness.AssessmentRevised;
import de.digitalcheck.portal.readiness.Assessments;
import de.digitalcheck.portal.readiness.UnknownAssessment;
import de.digitalcheck.portal.routing.Agency;
import de.digitalcheck.portal.routing.Router;
import de.digitalcheck.portal.shared.config.PortalSettings;
import de.digitalcheck.portal.shared.i18n.Language;
import de.digitalcheck.portal.shared.metrics.BusinessMetrics;
import de.digitalcheck.portal.shared.persistence.DatabaseErrors;
import de.digitalcheck.portal.shared.time.PortalTime;
import de.digitalcheck.portal.shared.time.WorkingDays;
import de.digitalcheck.portal.shared.validation.FieldError;
import de.digitalcheck.portal.shared.validation.ValidationException;
import io.micronaut.data.exceptions.DataAccessException;
import io.micronaut.runtime.event.annotation.EventListener;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * The leads' use cases: a consent makes a lead at the agency that the longest AGS prefix of the company's location
 * names (none: the network's fallback queue), or updates the company's open lead there (the contact email's, or the
 * one the consented check made, which then takes the check's contact); a withdrawal closes it. Each
 * runs in the caller's transaction (or its own) together with its consent log entry, the agency's mail and the
 * webhook events ({@link LeadEvents}): the outbox.
 */
@Singleton
public class LeadBook implements AgencyLeads {

    private final LeadRows leads;
    private final ConsentRows consents;
    private final Assessments assessments;
    private final Router router;
    private final LeadEvents events;
    private final PortalSettings settings;
    private final Clock clock;
    private final BusinessMetrics metrics;
    private final LeadAuditRows audit;
    private final LeadBookingRows bookingLinks;
    private final Appointments appointments;
    private final OwnLeads ownLeads;

    LeadBook(LeadRows leads, ConsentRows consents, Assessments assessments, Router router, LeadEvents events,
             PortalSettings settings, Clock clock, BusinessMetrics metrics, LeadAuditRows audit,
             LeadBookingRows bookingLinks, Appointments appointments, OwnLeads ownLeads) {
        this.ownLeads = ownLeads;
        this.metrics = metrics;
        this.audit = audit;
        this.bookingLinks = bookingLinks;
        this.appointments = appointments;
        this.leads = leads;
        this.consents = consents;
        this.assessments = assessments;
        this.router = router;
        this.events = events;
        this.settings = settings;
        this.clock = clock;
    }

    /** {@link #share(Assessment, Language, String)} of the check as stored (a booking's consent names its check). */
    @Transactional
    public SharedLead share(AssessmentId assessmentId, Language language, String source) {
        return share(assessments.find(assessmentId).orElseThrow(UnknownAssessment::new), language, source);
    }

    @Override
    @Transactional
    public SharedLead share(Assessment a, Language language, String source) {
        AssessmentId assessmentId = a.id();
        requireContact(a);
        Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        Optional<Agency> agency = router.agencyFor(a.company().ags());
        String agencyId = agency.map(Agency::id).orElse(null);
        String email = a.contact().email();
        String openKey = LeadRow.openKey(agencyId, email);
        int days = agency.map(Agency::firstContactDays).orElse(Agency.DEFAULT_FIRST_CONTACT_DAYS);
        Instant due = WorkingDays.dueBy(now, days, PortalTime.ZONE).truncatedTo(ChronoUnit.MILLIS);
        LeadRow lead;
        String event;
        Optional<LeadRow> own = ownLeads.lockedOf(assessmentId, agencyId);
        if (own.isPresent()) {
            // the check that made the open lead consents again (from its result page, so by its link's holder): one
            // lead, which takes the contact given now, whatever email it has
            lead = recontact(own.get(), agencyId, a, source, language, now);
            event = LeadEvents.UPDATED;
        } else {
            try {
                // most consents are a company's first at this agency: one statement makes the lead
                lead = leads.save(fromAssessment(UUID.randomUUID().toString(), agencyId, a, source, language, now, due,
                    now));
                event = LeadEvents.CREATED;
                metrics.afterCommit(metrics::leadRouted);
            } catch (DataAccessException e) {
                if (!DatabaseErrors.duplicateKey(e)) {
                    throw e;
                }
                // open_key is taken: this contact's open lead at this agency (perhaps made by a consent at this
                // very moment) takes the consent; read with a lock, which sees it committed, not this
                // transaction's snapshot
                LeadRow open = leads.lockByOpenKey(openKey).orElseThrow(() -> e);
                lead = reconsent(open, agencyId, a, source, language, now);
                if (lead == null) {
                    throw e;
                }
                event = LeadEvents.UPDATED;
            }
        }
        // who consented, as given now: the lead may keep another contact (a consent given again) or take this one
        consents.save(new ConsentRow(UUID.randomUUID().toString(), lead.id(), assessmentId.value(), source,
            CONSENT_VERSION, language.code(), now, null, LeadEvents.CREATED.equals(event), a.contact().name(),
            email));
        events.changed(lead, event, source);
        return shared(lead);
    }

    /**
     * A check revised by its company after it was shared (other answers, another profile): its open leads take the
     * values they have from it — sector, size, type of company, score and level — so that the inbox, its filters, the
     * export and the API show what the lead's page and report (read from the check) show. A changed score is an entry
     * in the trail ({@code RESULT}, from → to, by the system) and every change a {@code lead.updated} to the webhook
     * (no mail: the company shared nothing anew). The company's
     * name, place and contact stay as the lead has them (as for a consent given again).
     */
    @EventListener
    void onRevised(AssessmentRevised revised) {
        Assessment a = assessments.find(revised.assessmentId()).filter(Assessment::completed).orElse(null);
        if (a == null) {
            return;
        }
        Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        Double score = a.result() == null ? null : a.result().score();
        Integer level = a.result() == null ? null : a.result().level();
        var c = a.company();
        for (LeadRow lead : leads.findByAssessmentId(a.id().value())) {
            boolean same = Objects.equals(lead.sector(), c.sector()) && Objects.equals(lead.employees(), c.employees())
                && Objects.equals(lead.companyType(), c.type().name()) && Objects.equals(lead.score(), score)
                && Objects.equals(lead.overallLevel(), level);
            if (!lead.open() || same || leads.revise(lead.id(), a.id().value(), c.sector(), c.employees(),
                c.type().name(), score, level, now) != 1) {
                continue;
            }
            if (!Objects.equals(lead.score(), score)) {
                audit.save(new LeadAuditRow(UUID.randomUUID().toString(), lead.id(), now, null, null,
                    LeadAuditRow.RESULT, lead.score() == null ? null : lead.score().toString(),
                    score == null ? null : score.toString(), null));
            }
            leads.findById(lead.id()).ifPresent(events::worked);
        }
    }

    /**
     * The open lead {@code o} with this consent ({@link ConsentTrail#merge}: the company's, location's and contact's
     * values stay, others given are only recorded); null if it is no longer open (withdrawn, forwarded).
     */
    private LeadRow reconsent(LeadRow o, String agencyId, Assessment a, String source, Language language, Instant now) {
        LeadRow offered = offered(o, agencyId, a, source, language, now);
        LeadRow consented = ConsentTrail.merge(o, offered);
        // only the consent's columns: a stage or assignee that staff change at this moment is kept
        if (!leads.reconsent(consented)) {
            return null;
        }
        audit.saveAll(ConsentTrail.changes(o, offered, consented, now, assessments));
        return consented;
    }

    /** A lead row with this consent's values, and what staff work on as {@code o} has it. */
    private static LeadRow offered(LeadRow o, String agencyId, Assessment a, String source, Language language,
                                   Instant now) {
        LeadRow fresh = fromAssessment(o.id(), agencyId, a, source, language, now, o.contactDueAt(), o.createdAt());
        return new LeadRow(fresh.id(), fresh.agencyId(), fresh.openKey(), fresh.status(),
            fresh.source(), fresh.assessmentId(), fresh.companyName(), fresh.postalCode(), fresh.municipality(),
            fresh.ags(), fresh.sector(), fresh.employees(), fresh.companyType(), fresh.contactName(),
            fresh.contactEmail(), fresh.contactPhone(), fresh.score(), fresh.overallLevel(), fresh.consentVersion(),
            fresh.consentLanguage(), fresh.consentAt(), fresh.contactDueAt(), null, fresh.createdAt(), now,
            o.stage(), o.assigneeId(), o.assigneeName(), o.firstContactAt(), o.escalatedAt(), o.closedAt(),
            o.lockVersion() + 1);
    }

    /**
     * The check's own open lead {@code o} with this consent: as {@link #reconsent}, and the contact given now taken
     * over ({@link ConsentTrail#mergeOwn}), the lead keyed by its new email.
     *
     * @throws ContactTaken when another open lead at the lead's agency has that email (nothing is changed: merging
     *                      would mix two histories and two consents)
     */
    private LeadRow recontact(LeadRow o, String agencyId, Assessment a, String source, Language language,
                              Instant now) {
        LeadRow offered = offered(o, agencyId, a, source, language, now);
        LeadRow consented = ConsentTrail.mergeOwn(o, offered);
        if (!consented.openKey().equals(o.openKey())
            && leads.lockByOpenKey(consented.openKey()).filter(other -> !other.id().equals(o.id())).isPresent()) {
            throw new ContactTaken(shared(o).agencyName());
        }
        // locked by ownLeads: still this open lead; only the consent's columns, the stage and assignee are kept
        if (!leads.reconsent(o.openKey(), consented)) {
            throw new IllegalStateException("the locked lead " + o.id() + " was changed");
        }
        audit.saveAll(ConsentTrail.changes(o, offered, consented, now, assessments));
        return consented;
    }

    private static void requireContact(Assessment a) {
        List<FieldError> errors = new ArrayList<>();
        if (a.contact().name() == null || a.contact().name().isBlank()) {
            errors.add(FieldError.of("contact.name", "consent.name.required"));
        }
        if (a.contact().email() == null || a.contact().email().isBlank()) {
            errors.add(FieldError.of("contact.email", "consent.email.required"));
        }
        if (!a.completed()) {
            errors.add(FieldError.of("consent.shareWithAgency", "consent.check.incomplete"));
        }
        if (!errors.isEmpty()) {
            throw new ValidationException(errors);
        }
    }

    private static LeadRow fromAssessment(String id, String agencyId, Assessment a, String source, Language language,
                                          Instant now, Instant due, Instant created) {
        var c = a.company();
        var contact = a.contact();
        return new LeadRow(id, agencyId, LeadRow.openKey(agencyId, contact.email()), LeadRow.OPEN, source,
            a.id().value(), c.name(), c.postalCode(), c.municipality(), c.ags(), c.sector(), c.employees(),
            c.type().name(), contact.name(), contact.email(), contact.phone(),
            a.result() == null ? null : a.result().score(), a.result() == null ? null : a.result().level(),
            CONSENT_VERSION, language.code(), now, due, null, created, now, LeadRow.NEW, null, null, null, null, null, 0);
    }

    @Override
    @Transactional(readOnly = true)
    public List<SharedLead> sharedWith(AssessmentId assessmentId) {
        return consents.ofAssessment(assessmentId.value()).stream().map(ConsentRow::leadId).distinct()
            .map(leads::findById).flatMap(Optional::stream).filter(l -> !LeadRow.ERASED.equals(l.status()))
            .map(this::shared).toList();
    }

    @Override
    @Transactional(readOnly = true)
    public List<SharedLead> ofContact(String email) {
        return leads.ofContact(email).stream().map(this::shared).toList();
    }

    @Override
    @Transactional(readOnly = true)
    public List<GivenConsent> consentsOf(String email) {
        List<GivenConsent> given = new ArrayList<>();
        for (LeadRow lead : reachableBy(email)) {
            String agency = shared(lead).agencyName();
            List<ConsentRow> rows = consents.ofLead(lead.id());
            Map<Instant, Instant> appointmentByConsent = rows.stream().anyMatch(c -> BookingLeads.SOURCE.equals(c.source()))
                ? appointmentsByConsent(lead.id()) : Map.of();
            for (ConsentRow c : rows) {
                given.add(new GivenConsent(lead.id(), agency, c.givenAt(), c.source(), c.assessmentId(),
                    BookingLeads.SOURCE.equals(c.source()) ? appointmentOf(appointmentByConsent, c.givenAt()) : null,
                    c.textVersion(), c.withdrawnAt(), lead.open(), lead.agencyId() == null));
            }
        }
        given.sort(Comparator.comparing(GivenConsent::givenAt).reversed());
        return given;
    }

    /**
     * The starts of a lead's booked appointments by the time of their consent: a booking's consent is logged with the
     * booking's consent time ({@link BookingLeads}), which is how the log's entry finds its booking again.
     */
    private Map<Instant, Instant> appointmentsByConsent(String leadId) {
        Map<Instant, Instant> starts = new HashMap<>();
        appointments.byIds(bookingLinks.findByLeadId(leadId).stream().map(LeadBookingRow::bookingId).toList())
            .stream().filter(b -> b.consentAt() != null)
            .forEach(b -> starts.putIfAbsent(b.consentAt(), b.start()));
        return starts;
    }

    /**
     * The appointment whose consent time is the log entry's: the same instant, as each column stores it — MariaDB keeps
     * whole seconds (docs/operations.md, Database), and bookings made before their consent time was kept in milliseconds
     * have it rounded by the database — so the nearest within a second.
     */
    private static Instant appointmentOf(Map<Instant, Instant> byConsent, Instant givenAt) {
        return byConsent.entrySet().stream()
            .filter(e -> Math.abs(java.time.Duration.between(e.getKey(), givenAt).toMillis()) < 1000)
            .min(Comparator.comparing(e -> Math.abs(java.time.Duration.between(e.getKey(), givenAt).toNanos())))
            .map(Map.Entry::getValue).orElse(null);
    }

    @Override
    @Transactional
    public void withdraw(String email, String leadId) {
        LeadRow lead = reachableBy(email).stream().filter(l -> l.id().equals(leadId)).findFirst()
            .orElseThrow(UnknownLead::new);
        if (LeadRow.WITHDRAWN.equals(lead.status())) {
            return; // withdrawn already (the form sent twice, a reload): done as asked, nobody told again
        }
        if (!lead.open()) {
            throw new UnknownLead();
        }
        Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        LeadRow withdrawn = leads.update(lead.withdrawn(now));
        consents.withdraw(leadId, now);
        audit.forgetCompanyData(leadId);
        events.withdrawn(withdrawn);
    }

    /**
     * The leads whose consents an address sees and may withdraw (Mein Unternehmen): those it is the contact of, and
     * those one of its checks made ({@link OwnLeads}). Whoever holds a check's private link may take its lead over
     * for another address (a booking or a consent given again with the check's link, {@link ConsentTrail#mergeOwn}),
     * and the check's own address could then neither see the consent it gave nor withdraw it. Erased ones left out of
     * the second kind; newest first.
     */
    private List<LeadRow> reachableBy(String email) {
        Map<String, LeadRow> found = new LinkedHashMap<>();
        leads.ofContact(email).forEach(l -> found.put(l.id(), l));
        for (Assessment check : assessments.ofContact(email)) {
            ownLeads.madeBy(check.id()).stream().filter(id -> !found.containsKey(id)).map(leads::findById)
                .flatMap(Optional::stream)
                .filter(l -> !LeadRow.ERASED.equals(l.status())).forEach(l -> found.put(l.id(), l));
        }
        return found.values().stream().sorted(Comparator.comparing(LeadRow::createdAt)
            .thenComparing(LeadRow::id).reversed()).toList();
    }

    @Override
    @Transactional(readOnly = true)
    public Map<String, Instant> bookingConsentsWithdrawn(java.util.Collection<String> bookingIds) {
        if (bookingIds.isEmpty()) {
            return Map.of();
        }
        Map<String, Instant> withdrawnByLead = new HashMap<>();
        Map<String, Instant> withdrawn = new HashMap<>();
        for (LeadBookingRow link : bookingLinks.findByBookingIdIn(bookingIds)) {
            Instant at = withdrawnByLead.computeIfAbsent(link.leadId(), lead -> consents.ofLead(lead).stream()
                .map(ConsentRow::withdrawnAt).filter(java.util.Objects::nonNull).findFirst().orElse(null));
            if (at != null) {
                withdrawn.put(link.bookingId(), at);
            }
        }
        return withdrawn;
    }

    /**
     * Erases (anonymises) a lead, drops the notes of its trail and tells its agency; inside the caller's transaction.
     * The company's erasure and the retention period ({@link LeadRetention}).
     */
    void erase(LeadRow lead) {
        if (LeadRow.ERASED.equals(lead.status())) {
            return;
        }
        LeadRow erased = leads.update(lead.erased(clock.instant().truncatedTo(ChronoUnit.MILLIS)));
        consents.forget(lead.id());
        audit.forgetNotes(lead.id());
        audit.forgetCompanyData(lead.id());
        events.erased(erased);
    }

    SharedLead shared(LeadRow lead) {
        String name = lead.agencyId() == null ? settings.networkName()
            : router.agency(lead.agencyId()).map(Agency::name).orElse(settings.networkName());
        return new SharedLead(lead.id(), name, lead.agencyId() == null,
            PortalTime.local(lead.contactDueAt()).toLocalDate().minusDays(1), lead.consentAt(), !lead.open(),
            lead.agencyId(), lead.ags());
    }
}
