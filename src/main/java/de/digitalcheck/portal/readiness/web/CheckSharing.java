package de.digitalcheck.portal.readiness.web;

import de.digitalcheck.portal.readiness.AgencyLeads;
import de.digitalcheck.portal.readiness.AgencyLeads.SharedLead;
import de.digitalcheck.portal.readiness.AssessmentId;
import de.digitalcheck.portal.readiness.internal.AssessmentRow;
import de.digitalcheck.portal.routing.Agency;
import de.digitalcheck.portal.routing.Router;
import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;

import java.util.List;
import java.util.Objects;

/**
 * Who holds a check's data and whether the page offers the consent, the same on the result page, the profile page and
 * for a repeated consent: a lead stays at the agency it was made at (a consent names that agency), so a company that
 * shared its check and then changed its postal code to a place another agency (or the fallback queue) is responsible
 * for keeps its lead there; the page names that agency as the one holding the data and offers the consent for the
 * agency responsible now (which makes a lead there, or updates the company's open lead there).
 */
@Singleton
class CheckSharing {

    private final AgencyLeads leads;
    private final Router router;

    CheckSharing(AgencyLeads leads, Router router) {
        this.leads = leads;
        this.router = router;
    }

    /**
     * @param here      the open lead at the agency responsible for the check's location now (or the lead staff forwarded
     *                  from there to another agency: the location did not move, the holder is named, nothing offered),
     *                  {@code null} if there is none
     * @param elsewhere the other open leads of this check: agencies that got it for an earlier location
     */
    record State(@Nullable SharedLead here, List<SharedLead> elsewhere) {

        /** Whether any agency (or the network's team) holds an open lead of the check. */
        boolean any() {
            return here != null || !elsewhere.isEmpty();
        }

        /** Whether the page offers the consent for the agency responsible now (also after a withdrawal). */
        boolean offer() {
            return here == null;
        }
    }

    State of(AssessmentRow check) {
        List<SharedLead> open = leads.sharedWith(new AssessmentId(check.id())).stream().filter(l -> !l.withdrawn())
            .toList();
        String responsible = check.agencyId();
        SharedLead here = open.stream().filter(l -> Objects.equals(l.agencyId(), responsible)).findFirst()
            .orElseGet(() -> open.stream().filter(l -> sameRoute(l.ags(), check.company().ags())).findFirst()
                .orElse(null));
        List<SharedLead> elsewhere = open.stream().filter(l -> l != here).toList();
        return new State(here, elsewhere);
    }

    /**
     * Whether the lead's location routes where the check's routes now: a lead held by another agency although the
     * location did not move was forwarded by staff (or its territory changed hands), not left behind by the company.
     */
    private boolean sameRoute(@Nullable String leadAgs, @Nullable String checkAgs) {
        if (leadAgs == null || checkAgs == null) {
            return false;
        }
        return Objects.equals(router.agencyFor(leadAgs).map(Agency::id), router.agencyFor(checkAgs).map(Agency::id));
    }
}
