package de.digitalcheck.portal.booking;

import java.time.Instant;

/** A free time of a coach for an appointment type. */
public record FreeSlot(Instant start, Instant end, String coachId, String coachName, MeetingMode mode) {
}
