package de.digitalcheck.portal.leads;

import de.digitalcheck.portal.shared.NoSuchThing;

/** No lead with this id for the asker (another agency's lead, another company's, or none at all). */
public class UnknownLead extends NoSuchThing {

    public UnknownLead() {
        super("no such lead");
    }
}
