package de.digitalcheck.portal.leads.internal;

import de.digitalcheck.portal.leads.UnknownLead;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;

/**
 * Several changes of one lead in one go, as the agency API's {@code PATCH} makes them: the stage (with the note),
 * then the assignee (with the note if no stage changed), or a note alone. All in one transaction on the version the
 * client read: a stale version or any broken rule stores nothing at all.
 */
@Singleton
public class LeadChanges {

    private final LeadWork work;
    private final LeadAssignment assignment;
    private final LeadRows leads;

    LeadChanges(LeadWork work, LeadAssignment assignment, LeadRows leads) {
        this.work = work;
        this.assignment = assignment;
        this.leads = leads;
    }

    /** What to change; {@code assigneeGiven} says whether {@code assigneeId} (null: nobody) is to be set at all. */
    public record Change(@Nullable String stage, boolean assigneeGiven, @Nullable String assigneeId,
                         @Nullable String note) {
    }

    @Transactional(readOnly = true)
    public LeadRow lead(String agencyId, String leadId) {
        return leads.findById(leadId).filter(l -> l.id().equals(leadId) && agencyId.equals(l.agencyId()))
            .orElseThrow(UnknownLead::new);
    }

    /**
     * Applies the change to the lead read at {@code version}.
     *
     * @throws de.digitalcheck.portal.shared.validation.ValidationException a broken rule; nothing stored
     * @throws LeadWork.StaleLead the lead changed since; nothing stored
     */
    @Transactional
    public LeadRow apply(String agencyId, String leadId, int version, Change change, LeadWork.Actor actor) {
        LeadRow lead = lead(agencyId, leadId);
        if (lead.lockVersion() != version) {
            throw new LeadWork.StaleLead();
        }
        int current = version;
        boolean noted = false;
        if (change.stage() != null && !change.stage().equals(lead.stage())) {
            lead = work.changeStage(agencyId, leadId, current, change.stage(), change.note(), actor);
            current = lead.lockVersion();
            noted = true;
        }
        if (change.assigneeGiven()) {
            lead = assignment.assign(agencyId, leadId, current, change.assigneeId(), noted ? null : change.note(), actor);
            current = lead.lockVersion();
            noted |= change.note() != null;
        }
        if (!noted && change.note() != null) {
            lead = assignment.note(agencyId, leadId, current, change.note(), actor);
        }
        return lead;
    }
}
