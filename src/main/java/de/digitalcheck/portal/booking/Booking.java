package de.digitalcheck.portal.booking;

import io.micronaut.core.annotation.Nullable;

import java.time.Instant;

/**
 * A booked appointment as the other modules and the pages see it; {@code consentAt}: when the consent to share it
 * with the agency was given (null without one); {@code visitAddress} only for one at the company; {@code cancelReason}:
 * what was given with a cancellation — the company's reason, or the message of the coach or staff member who cancelled
 * it (null without one, and once the company's data is erased).
 */
public record Booking(String id, String agencyId, AppointmentType type, String coachId, String coachName,
                      Instant start, Instant end, MeetingMode mode, Status status, @Nullable String assessmentId,
                      String companyName, String contactName, String contactEmail, @Nullable String contactPhone,
                      String language, @Nullable String assignment, boolean consentShare,
                      @Nullable Instant consentAt, @Nullable VisitAddress visitAddress,
                      @Nullable String cancelReason) {

    public enum Status { CONFIRMED, CANCELLED }

    /** Whether the company had its data erased: its name and contact are empty then (the pages say so instead). */
    public boolean erased() {
        return contactEmail == null || contactEmail.isBlank();
    }

    /** The contact as the staff's and coach's pages show it: name, address and phone (if given). */
    public String contactLine() {
        return contactName + " · " + contactEmail + (contactPhone == null ? "" : " · " + contactPhone);
    }

    /**
     * Whether the staff of a lead at {@code agencyId} see this appointment of the lead's check: one booked at their
     * agency, never one at another (the check may have booked elsewhere, without consent to share it); the network's
     * fallback queue ({@code null}) sees each.
     */
    public boolean shownWithLeadAt(@Nullable String agencyId) {
        return agencyId == null || agencyId.equals(this.agencyId);
    }
}
