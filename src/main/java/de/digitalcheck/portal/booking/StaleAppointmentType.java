package de.digitalcheck.portal.booking;

/**
 * An appointment type's form read before someone else (another of the agency's staff, or the same person in another
 * tab) saved the type: nothing is stored; {@link #current()} is what is saved now.
 */
public class StaleAppointmentType extends RuntimeException {

    private final transient AppointmentType current;

    StaleAppointmentType(AppointmentType current) {
        super(null, null, false, false);
        this.current = current;
    }

    public AppointmentType current() {
        return current;
    }
}
