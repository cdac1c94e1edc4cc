package de.digitalcheck.portal.booking;

import de.digitalcheck.portal.shared.NoSuchThing;

/** No appointment type with this id offered by the agency in question. */
public class UnknownAppointmentType extends NoSuchThing {

    public UnknownAppointmentType() {
        super("no such appointment type");
    }
}
