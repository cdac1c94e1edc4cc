package de.digitalcheck.portal.booking;

/**
 * The new appointment type's form was sent again after it had added the type, with something else typed (changed
 * after going back, say): nothing is stored, no second type is added; {@link #added()} is the type the form added, as
 * it is saved now.
 */
public class AppointmentTypeAdded extends RuntimeException {

    private final transient AppointmentType added;

    AppointmentTypeAdded(AppointmentType added) {
        super(null, null, false, false);
        this.added = added;
    }

    public AppointmentType added() {
        return added;
    }
}
