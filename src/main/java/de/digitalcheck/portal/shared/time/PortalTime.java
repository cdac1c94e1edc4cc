package de.digitalcheck.portal.shared.time;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;

/**
 * The portal's time zone. Instants are stored in UTC; Europe/Berlin is used only at the edges: pages, mails, reports
 * and working days.
 */
public final class PortalTime {

    /** The portal's time zone, Europe/Berlin. This is the one place it is declared. */
    public static final ZoneId ZONE = ZoneId.of("Europe/Berlin");

    private PortalTime() {
    }

    /** Today's date in {@link #ZONE} by the given clock. */
    public static LocalDate today(Clock clock) {
        return LocalDate.now(clock.withZone(ZONE));
    }

    /** The given instant as date and time in {@link #ZONE}. */
    public static ZonedDateTime local(Instant instant) {
        return instant.atZone(ZONE);
    }
}
