package de.digitalcheck.portal.leads.internal;

import de.digitalcheck.portal.leads.UnknownLead;
import de.digitalcheck.portal.routing.Agencies;
import de.digitalcheck.portal.routing.Agency;
import de.digitalcheck.portal.routing.Router;
import de.digitalcheck.portal.shared.config.PortalSettings;
import de.digitalcheck.portal.shared.time.PortalTime;
import de.digitalcheck.portal.shared.time.WorkingDays;
import de.digitalcheck.portal.shared.validation.FieldError;
import de.digitalcheck.portal.shared.validation.ValidationException;
import de.digitalcheck.portal.shared.validation.TextRules;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.exceptions.DataAccessException;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/**
 * Forwarding a lead to another agency with a reason: the lead moves there as new (stage {@code NEW}, nobody
 * assigned, a new first-contact deadline by the receiving agency's service level) and keeps its audit trail, which
 * gets a {@code FORWARD} entry (from, to, reason, who). The receiving agency sees the whole trail; the sending agency
 * no longer sees the lead (404). Where the receiving agency already has an open lead of the same contact, the forward
 * is refused (a merge would mix two histories): the staff talk to each other. The receiving agency gets a mail saying
 * who forwarded the lead and why, and {@code lead.created}; the sender's webhook gets {@code lead.updated} with status
 * {@code forwarded}, and the
 * sender's list of departures in the agency API the lead ({@link LeadFeed#departed}), for a CRM that only pulls.
 * Optimistic locking as for stage changes ({@link LeadWork.StaleLead}).
 */
@Singleton
public class LeadForwarding {

    public static final int MAX_REASON = 2000;

    private final LeadRows leads;
    private final LeadMoves moves;
    private final LeadAuditRows audit;
    private final LeadEvents events;
    private final LeadFeed feed;
    private final Router router;
    private final Agencies agencies;
    private final PortalSettings settings;
    private final Clock clock;

    LeadForwarding(LeadRows leads, LeadMoves moves, LeadAuditRows audit, LeadEvents events, LeadFeed feed, Router router,
                   Agencies agencies, PortalSettings settings, Clock clock) {
        this.feed = feed;
        this.agencies = agencies;
        this.leads = leads;
        this.moves = moves;
        this.audit = audit;
        this.events = events;
        this.router = router;
        this.settings = settings;
        this.clock = clock;
    }

    /**
     * Forwards the lead of {@code fromAgencyId} (the caller's agency; {@code null}: the fallback queue) to
     * {@code toAgencyId}.
     *
     * @param anyAgency a network admin acts: the lead may be of any agency (or the fallback queue)
     * @throws UnknownLead the lead is not the caller's
     * @throws ValidationException no reason, reason too long, no or an unknown agency, the lead's own agency, a lead
     *                             that is no longer open, or the receiving agency has an open lead of the contact
     * @throws LeadWork.StaleLead the lead changed since {@code version}
     */
    @Transactional
    public LeadRow forward(@Nullable String fromAgencyId, boolean anyAgency, String leadId, int version,
                           @Nullable String toAgencyId, @Nullable String reason, LeadWork.Actor actor) {
        LeadRow lead = leads.findById(leadId).filter(l -> l.id().equals(leadId))
            .filter(l -> anyAgency || Objects.equals(fromAgencyId, l.agencyId()))
            .orElseThrow(UnknownLead::new);
        if (lead.lockVersion() != version) {
            throw new LeadWork.StaleLead();
        }
        String clean = reason == null ? "" : reason.strip();
        Agency to = toAgencyId == null || toAgencyId.isBlank() ? null : router.agency(toAgencyId).orElse(null);
        List<FieldError> errors = new java.util.ArrayList<>();
        if (!lead.open() || lead.contactEmail() == null || LeadStages.next(lead.stage()).isEmpty()) {
            errors.add(FieldError.of("agency", "leads.forward.notOpen"));
        } else if (to == null) {
            errors.add(FieldError.of("agency", toAgencyId == null || toAgencyId.isBlank() ? "leads.forward.agency.required"
                : "leads.forward.agency.unknown"));
        } else if (to.id().equals(lead.agencyId())) {
            errors.add(FieldError.of("agency", "leads.forward.agency.same"));
        }
        if (clean.isEmpty()) {
            errors.add(FieldError.of("reason", "leads.forward.reason.required"));
        } else if (!TextRules.isMultiLine(clean)) {
            errors.add(FieldError.of("reason", TextRules.MULTI_LINE_KEY));
        } else if (TextRules.tooLongMultiLine(clean, MAX_REASON)) {
            errors.add(FieldError.of("reason", "leads.forward.reason.tooLong"));
        }
        if (errors.isEmpty() && leads.findByOpenKey(LeadRow.openKey(to.id(), lead.contactEmail())).isPresent()) {
            errors.add(FieldError.of("agency", "leads.forward.agency.hasOpenLead", to.name()));
        }
        if (!errors.isEmpty()) {
            throw new ValidationException(errors);
        }
        Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        Instant due = WorkingDays.dueBy(now, to.firstContactDays(), PortalTime.ZONE).truncatedTo(ChronoUnit.MILLIS);
        int moved;
        try {
            moved = moves.forward(leadId, version, to.id(), LeadRow.openKey(to.id(), lead.contactEmail()), due, now);
        } catch (DataAccessException e) {
            // the receiving agency got an open lead of this contact at the same moment (open_key is unique)
            throw new ValidationException(List.of(FieldError.of("agency", "leads.forward.agency.hasOpenLead", to.name())));
        }
        if (moved != 1) {
            throw new LeadWork.StaleLead();
        }
        audit.save(new LeadAuditRow(UUID.randomUUID().toString(), leadId, now, actor.id(), actor.name(),
            LeadAuditRow.FORWARD, agencyName(lead.agencyId()), to.name(), clean));
        if (lead.agencyId() != null) { // the fallback queue has no CRM to tell
            feed.departed(lead.agencyId(), leadId, to.id(), now);
        }
        LeadRow forwarded = leads.findById(leadId).orElseThrow(UnknownLead::new);
        events.forwarded(lead, forwarded, lead.agencyId() == null ? null : agencyName(lead.agencyId()), clean);
        return forwarded;
    }

    /** The agencies a lead can be forwarded to: every agency but the lead's own. */
    public List<Agency> targets(@Nullable String currentAgencyId) {
        return agencies.all().stream().filter(a -> !a.id().equals(currentAgencyId)).toList();
    }

    private String agencyName(@Nullable String agencyId) {
        return agencyId == null ? settings.networkName()
            : router.agency(agencyId).map(Agency::name).orElse(agencyId);
    }
}
