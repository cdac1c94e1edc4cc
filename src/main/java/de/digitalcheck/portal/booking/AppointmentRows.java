package de.digitalcheck.portal.booking;

import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.GenericRepository;

import java.time.Instant;
import java.util.Collection;
import java.util.List;

/** Reads of {@code booking} that other modules need through {@link Appointments} (kept apart from {@link BookingRows}). */
@JdbcRepository(dialect = Dialect.MYSQL)
interface AppointmentRows extends GenericRepository<BookingRow, String> {

    List<BookingRow> findByIdIn(Collection<String> ids);

    /** Bookings made with the consent to share them with the agency, from {@code from} (included) to {@code to}. */
    @Query("SELECT * FROM booking WHERE consent_share = TRUE AND created_at >= :from AND created_at < :to"
        + " ORDER BY created_at, id")
    List<BookingRow> consentedBetween(Instant from, Instant to);

    @Query("SELECT * FROM booking WHERE LOWER(contact_email) = LOWER(:email) ORDER BY start_at, id")
    List<BookingRow> ofContact(String email);

    List<BookingRow> findByAssessmentId(String assessmentId);

    /**
     * Gives a confirmed booking of this contact email (any case) that has not started a new token hash (its earlier
     * links stop working); 0 for another address's, a cancelled or a past booking.
     */
    @Query("UPDATE booking SET token_hash = :newHash, updated_at = :now WHERE id = :id"
        + " AND LOWER(contact_email) = LOWER(:email) AND contact_email <> '' AND status = 'CONFIRMED'"
        + " AND start_at > :now")
    int reissueToken(String id, String email, String newHash, Instant now);

    /** How many confirmed appointments a coach has at an agency that have not ended at {@code now}. */
    @Query("SELECT COUNT(*) FROM booking WHERE coach_id = :coachId AND agency_id = :agencyId AND status = 'CONFIRMED'"
        + " AND end_at > :now")
    long countComingOfCoachAt(String coachId, String agencyId, Instant now);

    /** A coach's bookings (confirmed and cancelled) that start from {@code from} on, however far ahead. */
    @Query("SELECT * FROM booking WHERE coach_id = :coachId AND start_at >= :from ORDER BY start_at, id")
    List<BookingRow> ofCoachStartingFrom(String coachId, Instant from);

    /**
     * Erases what identifies the company and its contact in these bookings (with a visit's address; and their consent, kept with the lead's
     * consent log); the appointment itself (time, coach, type, agency) stays for the coach's calendar and figures.
     */
    @Query("UPDATE booking SET company_name = '', company_postal_code = '', company_street = NULL,"
        + " company_town = NULL, contact_name = '', contact_email = '',"
        + " contact_phone = NULL, cancel_reason = NULL, idempotency_key = NULL, request_hash = NULL,"
        + " assessment_id = NULL, consent_share = FALSE, consent_text_version = NULL, consent_language = NULL,"
        + " consent_at = NULL, updated_at = :now WHERE id IN (:ids)")
    int erase(Collection<String> ids, Instant now);

    /**
     * Gives the booking a token hash that no link has (a hash of a random token nobody was given): every private link
     * of the booking then opens nothing, as an invalid one (its company's data was erased).
     */
    @Query("UPDATE booking SET token_hash = :newHash WHERE id = :id")
    int spendLinks(String id, String newHash);

    /** Cancels those of these bookings that are still to come (their company's data is erased). */
    @Query("UPDATE booking SET status = 'CANCELLED', sequence_no = sequence_no + 1, updated_at = :now"
        + " WHERE id IN (:ids) AND status = 'CONFIRMED' AND start_at > :now")
    int cancelUpcoming(Collection<String> ids, Instant now);
}
