package de.digitalcheck.portal.funding;

import de.digitalcheck.portal.shared.NoSuchThing;

/** No funding programme with this id. */
public class UnknownProgramme extends NoSuchThing {

    public UnknownProgramme() {
        super("no such funding programme");
    }
}
