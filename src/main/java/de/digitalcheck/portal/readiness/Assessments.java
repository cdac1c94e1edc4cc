package de.digitalcheck.portal.readiness;

import de.digitalcheck.portal.readiness.internal.SelfCheck;
import de.digitalcheck.portal.shared.validation.Formats;
import jakarta.inject.Singleton;

import java.util.List;
import java.util.Optional;

/**
 * The self-checks as other modules read them: by private link (pages under a check's address, see
 * {@link CheckPaths}), by id (modules that refer to a check), by contact email ("Mein Unternehmen"). Only the
 * self-check itself changes them.
 */
@Singleton
public class Assessments {

    private final SelfCheck selfCheck;

    Assessments(SelfCheck selfCheck) {
        this.selfCheck = selfCheck;
    }

    /** The check this private link reaches, if any. */
    public Optional<Assessment> byToken(String token) {
        return selfCheck.byToken(token).map(selfCheck::view);
    }

    /**
     * The check this private link reaches.
     *
     * @throws UnknownAssessment if the link reaches none (the check's pages answer with "this link is not valid")
     */
    public Assessment byLink(String token) {
        return byToken(token).orElseThrow(UnknownAssessment::new);
    }

    /** The check with this id if {@code token} is its private link (the API: id in the path, token in the query). */
    public Optional<Assessment> byId(String id, String token) {
        return selfCheck.byId(id, token).map(selfCheck::view);
    }

    /** The check with this id; for modules that hold the id (no private link needed). */
    public Optional<Assessment> find(AssessmentId id) {
        return selfCheck.find(id);
    }

    /**
     * Locks the check's row until the caller's transaction ends (a booking locks it after its coaches' rows, and then
     * reads the check's appointments: two bookings for one check at the same moment are serialised); whether there is
     * such a check.
     */
    public boolean lock(AssessmentId id) {
        return selfCheck.lock(id);
    }

    /**
     * A new private link (its token) for the check with this id, if it names this contact email — for a company that
     * proved it owns the address (a magic link) and has lost the check's link. The old link stops working.
     */
    public Optional<String> reissueLink(AssessmentId id, String contactEmail) {
        return selfCheck.reissueLink(id.value(), contactEmail == null ? "" : contactEmail.strip());
    }

    /** The checks that name this contact email, newest first. */
    public List<Assessment> ofContact(String email) {
        String address = Formats.normalisedEmail(email);
        return selfCheck.ofContact(address).stream().map(selfCheck::view).toList();
    }
}
