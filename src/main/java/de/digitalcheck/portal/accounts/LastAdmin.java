package de.digitalcheck.portal.accounts;

/**
 * A change refused because it would leave the network without an active admin (disabling or demoting the last one,
 * e.g. two admins disabling each other at the same moment): nothing changed.
 */
public class LastAdmin extends RuntimeException {

    public LastAdmin() {
        super("the network's last active admin", null, false, false);
    }
}
