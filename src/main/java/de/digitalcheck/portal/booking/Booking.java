package de.digitalcheck.portal.booking;

import io.micronaut.core.annotation.Nullable;

import java.time.Instant;

/**
 * A booked appointment as the other modules and the pages see it; {@code consentAt}: when the consent to share it
 * with the agency was given (null without one); {@code visitAddress} only for one at the company.
 */
public record Booking(String id, String agencyId, AppointmentType type, String coachId, String coachName,
                      Instant start, Instant end, MeetingMode mode, Status status, @Nullable String assessmentId,
                      String companyName, String contactName, String contactEmail, @Nullable String contactPhone,
                      String language, @Nullable String assignment, boolean consentShare,
                      @Nullable Instant consentAt, @Nullable VisitAddress visitAddress) {

    public enum Status { CONFIRMED, CANCELLED }
}
