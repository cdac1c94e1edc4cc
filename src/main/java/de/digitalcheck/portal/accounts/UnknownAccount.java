package de.digitalcheck.portal.accounts;

import de.digitalcheck.portal.shared.NoSuchThing;

/** No account with this id (or not of the role asked for). */
public class UnknownAccount extends NoSuchThing {

    public UnknownAccount() {
        super("no such account");
    }
}
