package de.digitalcheck.portal.leads.internal;

import de.digitalcheck.portal.accounts.AccountChanged;
import de.digitalcheck.portal.leads.UnknownLead;
import de.digitalcheck.portal.routing.AgencyMember;
import de.digitalcheck.portal.routing.AgencyTeam;
import de.digitalcheck.portal.shared.validation.Errors;
import de.digitalcheck.portal.shared.validation.ValidationException;
import de.digitalcheck.portal.shared.validation.TextRules;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.runtime.event.annotation.EventListener;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * Assigning a lead to a staff member or a coach of its agency (or to nobody), with the same optimistic locking as a
 * stage change ({@link LeadWork.StaleLead}) and an entry in the audit trail (from → to, by name). Only the agency's
 * people who are not disabled can take a lead; anyone else (another agency's, a disabled account, an unknown id) is a
 * {@link ValidationException} on the field {@code assignee}, and nothing is stored.
 */
@Singleton
public class LeadAssignment {

    private final LeadRows leads;
    private final AssignedLeadRows assigned;
    private final LeadAuditRows audit;
    private final LeadEvents events;
    private final AgencyTeam team;
    private final Clock clock;

    LeadAssignment(LeadRows leads, AssignedLeadRows assigned, LeadAuditRows audit, LeadEvents events, AgencyTeam team,
                   Clock clock) {
        this.leads = leads;
        this.assigned = assigned;
        this.audit = audit;
        this.events = events;
        this.team = team;
        this.clock = clock;
    }

    /** Who can take the agency's leads: its staff and coaches that are not disabled, by name. */
    public List<AgencyMember> candidates(String agencyId) {
        return team.members(agencyId).stream().filter(m -> !m.disabled()).toList();
    }

    /** Whether the account is a person of the agency, disabled or not (a disabled one may still hold leads). */
    public boolean isMember(String agencyId, String accountId) {
        return team.members(agencyId).stream().anyMatch(m -> m.accountId().equals(accountId));
    }

    /**
     * Assigns the lead to {@code assigneeId} (blank or {@code null}: nobody). The person it has already is no
     * assignment: nothing changes, and a note given with it is stored as a note ({@link #note}).
     *
     * @throws ValidationException the person cannot take the agency's leads, or the note is too long; nothing stored
     * @throws LeadWork.StaleLead the lead changed since {@code version}; nothing stored
     */
    @Transactional
    public LeadRow assign(@Nullable String agencyId, String leadId, int version, @Nullable String assigneeId,
                          @Nullable String note, LeadWork.Actor actor) {
        LeadRow lead = find(agencyId, leadId);
        if (lead.lockVersion() != version) {
            throw new LeadWork.StaleLead();
        }
        String clean = TextRules.shownOrNull(note);
        String wanted = assigneeId == null || assigneeId.isBlank() ? null : assigneeId.strip();
        // both fields' problems at once (the note's were reported first, the person's only once the note was fixed)
        Errors errors = new Errors();
        AgencyMember member = wanted == null ? null : member(agencyId, wanted, errors);
        LeadWork.checkNote(clean, errors);
        errors.throwIfAny();
        if (Objects.equals(wanted, lead.assigneeId())) {
            // the person it has already (nobody included): no assignment to record ("– → –" was written with a note);
            // a note given with it is a note on its own
            return clean == null ? lead : note(agencyId, leadId, version, clean, actor);
        }
        LeadWork.requireOpen(lead, "assignee");
        Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        String name = member == null ? null : member.name();
        if (assigned.assign(leadId, version, wanted, name, now) != 1) {
            throw new LeadWork.StaleLead();
        }
        audit.save(new LeadAuditRow(UUID.randomUUID().toString(), leadId, now, actor.id(), actor.name(),
            LeadAuditRow.ASSIGN, lead.assigneeName(), name, clean));
        LeadRow changed = leads.findById(leadId).orElseThrow(UnknownLead::new);
        events.worked(changed);
        return changed;
    }

    /**
     * A person who left the agency — moved to another, given a role without one, the invitation withdrawn — no longer
     * holds its open leads: they go back to nobody, with a trail entry (from the name to none, no actor: the
     * directory's change did it) and {@code lead.updated}, in the transaction of the change. Closed leads keep the
     * name as their history; a disabled person keeps theirs (the agency reassigns them, and may enable the person
     * again).
     */
    @EventListener
    void onAccountChanged(AccountChanged event) {
        Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        for (LeadRow lead : assigned.openOf(event.accountId())) {
            boolean stays = !event.removed() && event.role().belongsToAgency()
                && Objects.equals(lead.agencyId(), event.agencyId());
            if (stays || assigned.unassign(lead.id(), event.accountId(), now) != 1) {
                continue;
            }
            audit.save(new LeadAuditRow(UUID.randomUUID().toString(), lead.id(), now, null, null,
                LeadAuditRow.ASSIGN, lead.assigneeName(), null, null));
            leads.findById(lead.id()).ifPresent(events::worked);
        }
    }

    /** Adds a note to the trail without changing anything else (raises the version). */
    @Transactional
    public LeadRow note(@Nullable String agencyId, String leadId, int version, String note, LeadWork.Actor actor) {
        LeadRow lead = find(agencyId, leadId);
        String clean = cleanNote(note);
        if (lead.lockVersion() != version) {
            throw new LeadWork.StaleLead();
        }
        if (clean != null) {
            LeadWork.requireOpen(lead, "note");
        }
        if (clean == null) {
            return lead;
        }
        Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        if (assigned.touch(leadId, version, now) != 1) {
            throw new LeadWork.StaleLead();
        }
        audit.save(new LeadAuditRow(UUID.randomUUID().toString(), leadId, now, actor.id(), actor.name(),
            NOTE, null, null, clean));
        return leads.findById(leadId).orElseThrow(UnknownLead::new);
    }

    /** The audit action of a note alone. */
    public static final String NOTE = "NOTE";

    /** The leads of the agency assigned to {@code accountId} (a coach's list). */
    @Transactional(readOnly = true)
    public List<LeadRow> assignedTo(String agencyId, String accountId) {
        return assigned.assignedTo(agencyId, accountId);
    }

    /** One lead of the agency, only if it is assigned to {@code accountId}; else {@link UnknownLead}. */
    @Transactional(readOnly = true)
    public LeadWork.Detail assignedDetail(String agencyId, String accountId, String leadId) {
        LeadRow lead = leads.findById(leadId).filter(l -> l.id().equals(leadId))
            .filter(l -> agencyId != null && agencyId.equals(l.agencyId()) && accountId.equals(l.assigneeId()))
            .orElseThrow(UnknownLead::new);
        return new LeadWork.Detail(lead.shownToAgency(), audit.ofLead(leadId), List.of()); // withdrawn, erased: no contact, no result
    }

    /** The agency's member to assign; null with the assignee's error added if there is none that can take leads. */
    private @Nullable AgencyMember member(@Nullable String agencyId, String accountId, Errors errors) {
        Optional<AgencyMember> found = agencyId == null ? Optional.empty()
            : team.members(agencyId).stream().filter(m -> m.accountId().equals(accountId)).findFirst();
        if (found.isEmpty()) {
            errors.add("assignee", "leads.assign.unknown");
            return null;
        }
        if (found.get().disabled()) {
            errors.add("assignee", "leads.assign.disabled");
            return null;
        }
        return found.get();
    }

    private static String cleanNote(@Nullable String note) {
        String clean = TextRules.shownOrNull(note);
        LeadWork.checkNote(clean);
        return clean;
    }

    private LeadRow find(@Nullable String agencyId, String leadId) {
        return leads.findById(leadId).filter(l -> l.id().equals(leadId))
            .filter(l -> agencyId != null && agencyId.equals(l.agencyId())).orElseThrow(UnknownLead::new);
    }
}
