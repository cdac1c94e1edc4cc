package de.digitalcheck.portal.booking;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

import java.time.Instant;

/**
 * A row of {@code booking}; {@code sequenceNo} is the invitation's {@code SEQUENCE}, raised by every change.
 * {@code companyStreet} and {@code companyTown} (with the postal code: the address of a visit at the company) are set
 * for appointments at the company only.
 */
@MappedEntity("booking")
record BookingRow(@Id String id, String coachId, String agencyId, String typeId, @Nullable String assessmentId,
                  Instant startAt, Instant endAt, Instant blockedFrom, Instant blockedUntil, String meetingMode,
                  String status, String companyName, String companyPostalCode, @Nullable String companyStreet,
                  @Nullable String companyTown, String contactName, String contactEmail, @Nullable String contactPhone,
                  String language, String tokenHash, @Nullable String idempotencyKey, @Nullable String requestHash,
                  @Nullable String assignment, boolean consentShare, @Nullable String consentTextVersion,
                  @Nullable String consentLanguage, @Nullable Instant consentAt, @Nullable String cancelReason,
                  Instant createdAt, Instant updatedAt, int sequenceNo) {

    static final String CONFIRMED = "CONFIRMED";
    static final String CANCELLED = "CANCELLED";

    /** The address of the visit; null for an appointment elsewhere (or one whose data was erased). */
    @Nullable
    VisitAddress visitAddress() {
        return companyStreet == null || companyTown == null ? null
            : new VisitAddress(companyStreet, companyPostalCode, companyTown);
    }

    SlotFinder.Booked booked() {
        return new SlotFinder.Booked(startAt, endAt, blockedFrom, blockedUntil);
    }

    BookingRow cancelled(@Nullable String reason, Instant now) {
        return new BookingRow(id, coachId, agencyId, typeId, assessmentId, startAt, endAt, blockedFrom, blockedUntil,
            meetingMode, CANCELLED, companyName, companyPostalCode, companyStreet, companyTown, contactName,
            contactEmail, contactPhone, language, tokenHash, idempotencyKey, requestHash, assignment, consentShare,
            consentTextVersion, consentLanguage, consentAt, reason, createdAt, now, sequenceNo + 1);
    }

    BookingRow movedTo(SlotFinder.Booked time, Instant now) {
        return new BookingRow(id, coachId, agencyId, typeId, assessmentId, time.start(), time.end(),
            time.blockedFrom(), time.blockedUntil(), meetingMode, status, companyName, companyPostalCode, companyStreet,
            companyTown, contactName, contactEmail, contactPhone, language, tokenHash, idempotencyKey, requestHash,
            assignment, consentShare, consentTextVersion, consentLanguage, consentAt, cancelReason, createdAt, now,
            sequenceNo + 1);
    }
}
