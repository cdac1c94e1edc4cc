package de.digitalcheck.portal.booking;

import de.digitalcheck.portal.shared.NoSuchThing;

/** No booking with this id and token. */
public class UnknownBooking extends NoSuchThing {

    public UnknownBooking() {
        super("no such booking");
    }
}
