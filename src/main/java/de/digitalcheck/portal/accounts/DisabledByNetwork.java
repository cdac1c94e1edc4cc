package de.digitalcheck.portal.accounts;

/**
 * A change refused because a network admin disabled the account and its agency tried to enable it or to withdraw its
 * invitation: only a network admin gives that access back. Nothing changed.
 */
public class DisabledByNetwork extends RuntimeException {

    public DisabledByNetwork() {
        super("disabled by a network admin", null, false, false);
    }
}
