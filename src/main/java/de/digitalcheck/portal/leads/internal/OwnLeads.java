package de.digitalcheck.portal.leads.internal;

import de.digitalcheck.portal.readiness.AssessmentId;
import de.digitalcheck.portal.routing.Agency;
import de.digitalcheck.portal.routing.Router;
import jakarta.inject.Singleton;

import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A check's own lead: the one its consent made. Whoever holds the check's private link (its result page, a booking
 * made with the check's token) may correct that lead's contact; a lead another check's consent made is not the
 * check's, whatever contact email they share ({@link ConsentTrail#mergeOwn}).
 */
@Singleton
class OwnLeads {

    private final ConsentRows consents;
    private final LeadRows leads;
    private final Router router;

    OwnLeads(ConsentRows consents, LeadRows leads, Router router) {
        this.consents = consents;
        this.leads = leads;
        this.router = router;
    }

    /** The ids of the leads this check made (its consent made them: {@link ConsentRow#madeLead}), each once. */
    List<String> madeBy(AssessmentId check) {
        return consents.ofAssessment(check.value()).stream().filter(ConsentRow::madeLead).map(ConsentRow::leadId)
            .distinct().toList();
    }

    /**
     * The open lead that this check made (its consent made it: {@link ConsentRow#madeLead}) at this agency — or that
     * staff forwarded from there to another agency (its location still routes here), as the result page names it
     * ({@code readiness.web.CheckSharing}) — locked until the transaction ends; empty if there is none. A lead that
     * another check's consent made is not the check's, even if this check's consent went into it (the same contact
     * email): its contact is not this check's to change.
     */
    Optional<LeadRow> lockedOf(AssessmentId check, String agencyId) {
        List<String> ids = madeBy(check).stream().sorted().toList();
        if (ids.isEmpty()) {
            return Optional.empty();
        }
        List<LeadRow> open = leads.lockAll(InLists.padded(ids)).stream().filter(LeadRow::open).toList();
        List<LeadRow> here = open.stream().filter(l -> Objects.equals(l.agencyId(), agencyId)).toList();
        if (here.isEmpty()) {
            here = open.stream().filter(l -> l.ags() != null
                && Objects.equals(router.agencyFor(l.ags()).map(Agency::id).orElse(null), agencyId)).toList();
        }
        // one lead per check and agency; before that was so, one per email: the latest consent's
        return here.stream().max(Comparator.comparing(LeadRow::consentAt));
    }
}
