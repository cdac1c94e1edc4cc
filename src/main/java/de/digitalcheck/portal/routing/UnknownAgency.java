package de.digitalcheck.portal.routing;

import de.digitalcheck.portal.shared.NoSuchThing;

/** No agency with this id. */
public class UnknownAgency extends NoSuchThing {

    public UnknownAgency() {
        super("no such agency");
    }
}
