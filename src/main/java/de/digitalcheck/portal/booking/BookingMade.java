package de.digitalcheck.portal.booking;

import io.micronaut.core.annotation.Nullable;

import java.time.Instant;

/**
 * A company booked an appointment; published inside the booking's transaction (a listener's writes commit or roll
 * back with it). Carries what the leads module needs: the contact and the consent to share with the agency (the
 * consent's text version, language and time; all null when not given).
 */
public record BookingMade(String bookingId, String agencyId, @Nullable String assessmentId, String coachId,
                          Instant start, String companyName, String companyPostalCode, String contactName,
                          String contactEmail, @Nullable String contactPhone, boolean consentShare,
                          @Nullable String consentTextVersion, @Nullable String consentLanguage,
                          @Nullable Instant consentAt) {

    static BookingMade of(BookingRow row) {
        return new BookingMade(row.id(), row.agencyId(), row.assessmentId(), row.coachId(), row.startAt(),
            row.companyName(), row.companyPostalCode(), row.contactName(), row.contactEmail(), row.contactPhone(),
            row.consentShare(), row.consentTextVersion(), row.consentLanguage(), row.consentAt());
    }
}
