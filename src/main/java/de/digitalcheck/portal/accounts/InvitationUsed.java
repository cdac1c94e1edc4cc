package de.digitalcheck.portal.accounts;

/**
 * An invitation's withdrawal refused because the person has used it since the page was read: they signed in, and the
 * invitation is an active account now (its access is taken away by disabling it). Nothing changed.
 */
public class InvitationUsed extends RuntimeException {

    public InvitationUsed() {
        super("the invitation was used", null, false, false);
    }
}
