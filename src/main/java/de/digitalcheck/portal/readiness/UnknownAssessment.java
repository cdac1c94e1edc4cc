package de.digitalcheck.portal.readiness;

import de.digitalcheck.portal.shared.NoSuchThing;

/**
 * No self-check answers to this private link (or id and token): the token was never issued, is malformed, or the
 * check's personal data was erased — also when that happened while the check was being changed (nothing was saved).
 */
public class UnknownAssessment extends NoSuchThing {

    public UnknownAssessment() {
        super("no self-check with this link");
    }
}
