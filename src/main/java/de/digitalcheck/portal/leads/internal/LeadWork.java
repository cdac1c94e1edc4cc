package de.digitalcheck.portal.leads.internal;

import de.digitalcheck.portal.leads.UnknownLead;
import de.digitalcheck.portal.shared.validation.Errors;
import de.digitalcheck.portal.shared.validation.FieldError;
import de.digitalcheck.portal.shared.validation.ValidationException;
import de.digitalcheck.portal.shared.validation.TextRules;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/**
 * Working a lead: its detail with the audit trail, and the changes staff make (stage, with a note). Every change
 * names the version of the lead the form was read at; if someone changed the lead since, nothing is stored and
 * {@link StaleLead} is thrown (optimistic locking: a conditional update on {@code lock_version}). Every method takes
 * the agency from the caller's session; another agency's lead is {@link UnknownLead}.
 */
@Singleton
public class LeadWork {

    public static final int MAX_NOTE = 2000;

    private final LeadRows leads;
    private final LeadAuditRows audit;
    private final LeadEvents events;
    private final Clock clock;

    LeadWork(LeadRows leads, LeadAuditRows audit, LeadEvents events, Clock clock) {
        this.leads = leads;
        this.audit = audit;
        this.events = events;
        this.clock = clock;
    }

    /** Who acts: an account id and a name for the trail. */
    public record Actor(String id, String name) {
    }

    public record Detail(LeadRow lead, List<LeadAuditRow> trail, List<String> nextStages) {
    }

    /** Another person changed the lead since the form was read; nothing was stored. */
    public static class StaleLead extends RuntimeException {
        public StaleLead() {
            super("lead changed since it was read", null, false, false);
        }
    }

    @Transactional(readOnly = true)
    public Detail detail(@Nullable String agencyId, String leadId) {
        LeadRow lead = find(agencyId, leadId);
        // a withdrawn or erased lead goes nowhere (see changeStage)
        return new Detail(lead.shownToAgency(), audit.ofLead(leadId),
            lead.open() ? LeadStages.next(lead.stage()) : List.of());
    }

    /**
     * Moves the lead to {@code stage} with a note.
     *
     * @throws ValidationException a change the workflow does not allow, an unknown stage, a note too long
     * @throws StaleLead the lead changed since {@code version}
     */
    @Transactional
    public LeadRow changeStage(@Nullable String agencyId, String leadId, int version, @Nullable String stage,
                               @Nullable String note, Actor actor) {
        LeadRow lead = find(agencyId, leadId);
        if (lead.lockVersion() != version) {
            throw new StaleLead();
        }
        requireOpen(lead, "stage");
        String clean = TextRules.shownOrNull(note);
        // both fields' problems at once: a refused stage with a refused note reported the note's only, then the stage's
        Errors errors = new Errors();
        // no stage chosen, or one that is none: said so (the message named the stage to go to as "?")
        if (stage == null || stage.isBlank()) {
            errors.add("stage", "leads.action.stage.required");
        } else if (!LeadStages.ALL.contains(stage)) {
            errors.add("stage", "leads.action.stage.unknown");
        } else if (!LeadStages.allowed(lead.stage(), stage)) {
            errors.add("stage", "leads.action.stage.notAllowed", "leads.stage." + lead.stage(), "leads.stage." + stage);
        }
        checkNote(clean, errors);
        errors.throwIfAny();
        Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        // the first contact: not a rejection (LeadStages.isFirstContact), which stops the clock by leaving NEW
        Instant firstContact = lead.firstContactAt() == null && LeadStages.isFirstContact(stage) ? now
            : lead.firstContactAt();
        // a final stage has no way on: the retention period counts from here
        Instant closed = LeadStages.next(stage).isEmpty() ? now : null;
        if (leads.changeStage(leadId, version, stage, firstContact, closed, now) != 1) {
            throw new StaleLead();
        }
        audit.save(new LeadAuditRow(UUID.randomUUID().toString(), leadId, now, actor.id(), actor.name(),
            LeadAuditRow.STAGE, lead.stage(), stage, clean));
        LeadRow changed = leads.findById(leadId).orElseThrow(UnknownLead::new);
        events.worked(changed);
        return changed;
    }

    /**
     * Closes a lead of the network's fallback queue (no agency): a network admin moves it to a final stage it may
     * reach ({@link LeadStages#closing}: closed or rejected — a company outside every territory, a request that is no
     * business of the network), with a note, as staff close their agency's leads ({@link #changeStage}: the same
     * version check, trail entry and event). It then leaves the open queue, is never escalated, and its retention
     * period counts from now ({@code closed_at}). Any other stage is {@link #NOT_CLOSING}, a closed lead
     * {@link #CLOSED_ALREADY}; an agency's lead is
     * {@link UnknownLead} (its staff work it).
     *
     * @throws ValidationException not a final stage (or none), a note too long, a lead no longer open
     * @throws StaleLead the lead changed since {@code version}
     */
    @Transactional
    public LeadRow closeFallback(String leadId, int version, @Nullable String stage, @Nullable String note,
                                 Actor actor) {
        LeadRow lead = find(null, leadId);
        if (lead.lockVersion() != version) {
            throw new StaleLead();
        }
        requireOpen(lead, "stage");
        Errors errors = new Errors();
        if (LeadStages.closing(lead.stage()).isEmpty()) {
            errors.add("stage", CLOSED_ALREADY);
        } else if (stage == null || !LeadStages.closing(lead.stage()).contains(stage)) {
            errors.add("stage", NOT_CLOSING);
        }
        checkNote(TextRules.shownOrNull(note), errors);
        errors.throwIfAny();
        return changeStage(null, leadId, version, stage, note, actor);
    }

    /** The message of a fallback-queue lead's change to a stage that does not close it ({@link #closeFallback}). */
    public static final String NOT_CLOSING = "leads.fallback.close.notClosing";
    /** The message of a change of a fallback-queue lead that is closed already ({@link #closeFallback}). */
    public static final String CLOSED_ALREADY = "leads.fallback.close.closed";

    private LeadRow find(@Nullable String agencyId, String leadId) {
        return leads.findById(leadId).filter(l -> l.id().equals(leadId) && Objects.equals(agencyId, l.agencyId()))
            .orElseThrow(UnknownLead::new);
    }

    /**
     * A lead whose consent was withdrawn (or that was erased) is no longer worked on: its stage, assignee and notes stay
     * as they were. A stage change once cleared its {@code closed_at} (set by the withdrawal), so the retention job never
     * anonymised the contact data it still holds, and it recorded a first contact with a company that had withdrawn.
     *
     * @throws ValidationException with {@code field} and {@code leads.action.notOpen}; nothing stored
     */
    static void requireOpen(LeadRow lead, String field) {
        if (!lead.open()) {
            throw new ValidationException(List.of(FieldError.of(field, NOT_OPEN)));
        }
    }

    /** The message of a change refused because the lead is no longer shared ({@link #requireOpen}). */
    public static final String NOT_OPEN = "leads.action.notOpen";

    /** A note keeps the rules of a multi-line text and {@value #MAX_NOTE} characters at most. */
    static void checkNote(@Nullable String note) {
        Errors errors = new Errors();
        checkNote(note, errors);
        errors.throwIfAny();
    }

    /** As {@link #checkNote(String)}, adding the note's error to the others of its form. */
    static void checkNote(@Nullable String note, Errors errors) {
        if (note != null && !TextRules.isMultiLine(note)) {
            errors.add("note", TextRules.MULTI_LINE_KEY);
        } else if (TextRules.tooLongMultiLine(note, MAX_NOTE)) {
            errors.add("note", "leads.action.note.tooLong");
        }
    }
}
