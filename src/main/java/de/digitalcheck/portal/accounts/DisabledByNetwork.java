package de.digitalcheck.portal.accounts;

/**
 * A change refused because a network admin disabled the account and an agency tried to enable it: only a network admin
 * gives that access back. Nothing changed.
 */
public class DisabledByNetwork extends RuntimeException {

    public DisabledByNetwork() {
        super("disabled by a network admin", null, false, false);
    }
}
