package de.digitalcheck.portal.report;

import de.digitalcheck.portal.booking.MeetingMode;
import io.micronaut.core.annotation.Nullable;

import java.time.ZonedDateTime;

/**
 * A booked coach appointment as the report shows it.
 *
 * @param place where the company and the coach meet (an address, or the video or phone details), if known
 */
public record Appointment(ZonedDateTime start, ZonedDateTime end, String coachName, MeetingMode mode,
                          @Nullable String place) {
}
