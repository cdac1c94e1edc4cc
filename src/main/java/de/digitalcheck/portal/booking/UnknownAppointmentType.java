package de.digitalcheck.portal.booking;

import de.digitalcheck.portal.shared.NoSuchThing;

/**
 * No appointment type with this id offered by the agency in question: none with the id, another agency's, or one the
 * agency switched off ({@link #withdrawn()}: it existed, and a link to it may be bookmarked or shared; the booking page
 * answers 410 for it, 404 for the others).
 */
public class UnknownAppointmentType extends NoSuchThing {

    private final boolean withdrawn;

    public UnknownAppointmentType() {
        this(false);
    }

    private UnknownAppointmentType(boolean withdrawn) {
        super(withdrawn ? "appointment type switched off" : "no such appointment type");
        this.withdrawn = withdrawn;
    }

    /** The agency's own type, switched off: it was offered once. */
    static UnknownAppointmentType ofWithdrawn() {
        return new UnknownAppointmentType(true);
    }

    /** Whether the agency offered the type once and switched it off (false: never its type). */
    public boolean withdrawn() {
        return withdrawn;
    }
}
