package de.digitalcheck.portal.booking;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

import java.time.Instant;

/** A row of {@code booking}; {@code sequenceNo} is the invitation's {@code SEQUENCE}, raised by every change. */
@MappedEntity("booking")
record BookingRow(@Id String id, String coachId, String agencyId, String typeId, @Nullable String assessmentId,
                  Instant startAt, Instant endAt, Instant blockedFrom, Instant blockedUntil, String meetingMode,
                  String status, String companyName, String companyPostalCode, String contactName,
                  String contactEmail, @Nullable String contactPhone, String language, String tokenHash,
                  @Nullable String idempotencyKey, @Nullable String requestHash, @Nullable String assignment,
                  boolean consentShare, @Nullable String consentTextVersion, @Nullable String consentLanguage,
                  @Nullable Instant consentAt, @Nullable String cancelReason, Instant createdAt, Instant updatedAt,
                  int sequenceNo) {

    static final String CONFIRMED = "CONFIRMED";
    static final String CANCELLED = "CANCELLED";

    SlotFinder.Booked booked() {
        return new SlotFinder.Booked(startAt, endAt, blockedFrom, blockedUntil);
    }

    BookingRow cancelled(@Nullable String reason, Instant now) {
        return new BookingRow(id, coachId, agencyId, typeId, assessmentId, startAt, endAt, blockedFrom, blockedUntil,
            meetingMode, CANCELLED, companyName, companyPostalCode, contactName, contactEmail, contactPhone, language,
            tokenHash, idempotencyKey, requestHash, assignment, consentShare, consentTextVersion, consentLanguage,
            consentAt, reason, createdAt, now, sequenceNo + 1);
    }

    BookingRow movedTo(SlotFinder.Booked time, Instant now) {
        return new BookingRow(id, coachId, agencyId, typeId, assessmentId, time.start(), time.end(),
            time.blockedFrom(), time.blockedUntil(), meetingMode, status, companyName, companyPostalCode, contactName,
            contactEmail, contactPhone, language, tokenHash, idempotencyKey, requestHash, assignment, consentShare,
            consentTextVersion, consentLanguage, consentAt, cancelReason, createdAt, now, sequenceNo + 1);
    }
}
