package de.digitalcheck.portal.leads.internal;

import de.digitalcheck.portal.booking.AppointmentOutcomeRecorded;
import de.digitalcheck.portal.booking.Appointments;
import de.digitalcheck.portal.booking.Booking;
import de.digitalcheck.portal.booking.BookingChanged;
import de.digitalcheck.portal.booking.BookingMade;
import de.digitalcheck.portal.readiness.Assessment;
import de.digitalcheck.portal.readiness.AssessmentId;
import de.digitalcheck.portal.readiness.Assessments;
import de.digitalcheck.portal.routing.Agency;
import de.digitalcheck.portal.routing.Municipality;
import de.digitalcheck.portal.routing.PostalCodeDirectory;
import de.digitalcheck.portal.routing.Router;
import de.digitalcheck.portal.shared.scheduling.ScheduledJobs;
import de.digitalcheck.portal.shared.time.PortalTime;
import de.digitalcheck.portal.shared.time.WorkingDays;
import io.micronaut.context.annotation.Value;
import io.micronaut.runtime.event.annotation.EventListener;
import io.micronaut.scheduling.annotation.Scheduled;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.BinaryOperator;
import java.util.stream.Collectors;

/**
 * A booking made with the consent to share it makes or updates the company's open lead at the booking's agency, and
 * the lead shows the booking.
 *
 * <p>Transactions: {@link BookingMade} is published inside the booking's transaction, so the lead, its consent log
 * entry, the link to the booking, the audit entry and the agency's mail and webhook rows (the outbox) are written in
 * that same transaction, behind a savepoint: if anything of the lead fails, only the savepoint is rolled back and the
 * booking still commits. The consent is not lost then: it is stored
 * on the booking itself ({@code booking.consent_share}, text version, language, time), and {@link #repair()} (every
 * {@code portal.jobs.booking-leads.interval}, on one replica) makes the missing leads of the consented bookings of the
 * last {@value #REPAIR_DAYS} days that have no {@code lead_booking} row yet.
 */
@Singleton
public class BookingLeads {

    static final String SOURCE = "booking";
    static final int REPAIR_DAYS = 7;
    static final String ACTION_BOOKING = "BOOKING";
    static final String ACTION_OUTCOME = "OUTCOME";
    static final String ACTION_MOVED = "BOOKING_MOVED";
    static final String ACTION_CANCELLED = "BOOKING_CANCELLED";
    private static final Logger LOG = LoggerFactory.getLogger(BookingLeads.class);
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("dd.MM.yyyy HH:mm");

    private final LeadRows leads;
    private final ConsentRows consents;
    private final LeadBookingRows links;
    private final LeadAuditRows audit;
    private final LeadEvents events;
    private final Assessments assessments;
    private final Router router;
    private final PostalCodeDirectory postalCodes;
    private final Appointments appointments;
    private final TransactionOperations<Connection> transactions;
    private final ScheduledJobs jobs;
    private final Duration interval;
    private final Clock clock;
    private final OwnLeads ownLeads;

    BookingLeads(LeadRows leads, ConsentRows consents, LeadBookingRows links, LeadAuditRows audit, LeadEvents events,
                 Assessments assessments, Router router, PostalCodeDirectory postalCodes, Appointments appointments,
                 TransactionOperations<Connection> transactions, ScheduledJobs jobs,
                 @Value("${portal.jobs.booking-leads.interval:5m}") Duration interval, Clock clock,
                 OwnLeads ownLeads) {
        this.ownLeads = ownLeads;
        this.leads = leads;
        this.consents = consents;
        this.links = links;
        this.audit = audit;
        this.events = events;
        this.assessments = assessments;
        this.router = router;
        this.postalCodes = postalCodes;
        this.appointments = appointments;
        this.transactions = transactions;
        this.jobs = jobs;
        this.interval = interval;
        this.clock = clock;
    }

    @EventListener
    void onBooked(BookingMade booking) {
        if (booking.consentShare()) {
            tryLink(booking);
        }
    }

    /**
     * The outcome of an appointment joins the audit trail of the lead its booking made (if any): its codes, which the
     * lead's pages show in the reader's language with the recommended programme's name ({@link TrailValues}), as the
     * trail keeps stages and times. In a savepoint: a failure here is logged and never takes the coach's outcome
     * with it.
     */
    @EventListener
    void onOutcome(AppointmentOutcomeRecorded outcome) {
        Optional<String> lead = leadOf(outcome.bookingId());
        if (lead.isEmpty()) {
            return;
        }
        try {
            inSavepoint(() -> audit.save(new LeadAuditRow(UUID.randomUUID().toString(), lead.get(), outcome.at(),
                outcome.actorId(), outcome.actorName(), ACTION_OUTCOME, PortalTime.local(outcome.start()).format(WHEN),
                TrailValues.outcome(outcome), outcome.note())));
        } catch (RuntimeException e) {
            LOG.warn("Outcome of booking {} not added to lead {} ({})", outcome.bookingId(), lead.get(),
                e.getClass().getName());
        }
    }

    /**
     * A move or cancellation of an appointment joins the trail of the lead its booking made (if any): the time before
     * and after, and who (the staff member's or coach's name; none for the company). Never the company's reason or
     * the message to it, nor a token. In a savepoint: a failure here is logged and never takes the change with it.
     */
    @EventListener
    void onChanged(BookingChanged change) {
        Optional<String> lead = leadOf(change.bookingId());
        if (lead.isEmpty()) {
            return;
        }
        boolean moved = change.change() == BookingChanged.Change.MOVED;
        try {
            inSavepoint(() -> audit.save(new LeadAuditRow(UUID.randomUUID().toString(), lead.get(),
                change.at().truncatedTo(ChronoUnit.MILLIS), null, change.by(), moved ? ACTION_MOVED : ACTION_CANCELLED,
                PortalTime.local(change.previousStart()).format(WHEN),
                change.start() == null ? null : PortalTime.local(change.start()).format(WHEN), null)));
        } catch (RuntimeException e) {
            LOG.warn("Change of booking {} not added to lead {} ({})", change.bookingId(), lead.get(),
                e.getClass().getName());
        }
    }

    /** The lead's appointments, earliest first. */
    public List<Booking> bookingsOf(String leadId) {
        return appointments.byIds(links.findByLeadId(leadId).stream().map(LeadBookingRow::bookingId).toList());
    }

    /** The lead made by a booking's consent, if any. */
    public Optional<String> leadOf(String bookingId) {
        return links.findById(bookingId).map(LeadBookingRow::leadId);
    }

    @Scheduled(fixedDelay = "${portal.jobs.booking-leads.interval:5m}",
        initialDelay = "${portal.jobs.booking-leads.initial-delay:2m}")
    void scheduledRepair() {
        jobs.runOnce("booking-leads", interval, this::repair);
    }

    /** Makes the leads of consented bookings that have none (their lead failed in the booking's transaction). */
    public int repair() {
        Instant now = clock.instant();
        List<BookingMade> consented = appointments.consentedBetween(now.minus(REPAIR_DAYS, ChronoUnit.DAYS),
            now.minusSeconds(60));
        if (consented.isEmpty()) {
            return 0;
        }
        Set<String> linked = links.findByBookingIdIn(consented.stream().map(BookingMade::bookingId).toList()).stream()
            .map(LeadBookingRow::bookingId).collect(Collectors.toSet());
        int made = 0;
        for (BookingMade b : consented) {
            if (!linked.contains(b.bookingId()) && b.contactEmail() != null && !b.contactEmail().isBlank()
                && tryLink(b)) {
                made++;
            }
        }
        return made;
    }

    /** The lead of one consented booking in a savepoint of the caller's transaction (or its own); whether it worked. */
    private boolean tryLink(BookingMade booking) {
        try {
            inSavepoint(() -> link(booking));
            return true;
        } catch (RuntimeException e) {
            // the booking stands and keeps its consent; repair() makes the lead later
            LOG.warn("Lead of booking {} not made now ({}); the repair job retries", booking.bookingId(),
                e.getClass().getName());
            return false;
        }
    }

    /**
     * Runs {@code work} inside the caller's transaction behind a JDBC savepoint: if it fails, only its own writes are
     * rolled back and the exception is thrown on; the caller's transaction goes on. (A plain savepoint rather than a
     * NESTED transaction definition: a failure inside that would mark the whole transaction rollback-only.) Without a
     * transaction, {@code work} runs in one of its own.
     */
    private void inSavepoint(Runnable work) {
        if (transactions.findTransactionStatus().filter(s -> !s.isCompleted()).isEmpty()) {
            transactions.executeWrite(status -> {
                work.run();
                return null;
            });
            return;
        }
        Connection connection = transactions.getConnection();
        Savepoint savepoint;
        try {
            savepoint = connection.setSavepoint();
        } catch (SQLException e) {
            throw new IllegalStateException("no savepoint", e);
        }
        try {
            work.run();
        } catch (RuntimeException e) {
            try {
                connection.rollback(savepoint);
            } catch (SQLException rollback) {
                e.addSuppressed(rollback);
            }
            throw e;
        }
        try {
            connection.releaseSavepoint(savepoint);
        } catch (SQLException e) {
            LOG.debug("savepoint not released", e);
        }
    }

    private LeadRow link(BookingMade b) {
        Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        Optional<Assessment> check = Optional.ofNullable(b.assessmentId()).map(AssessmentId::new)
            .flatMap(assessments::find).filter(Assessment::completed);
        Optional<LeadRow> open = leads.findByOpenKey(LeadRow.openKey(b.agencyId(), b.contactEmail()));
        LeadRow lead = null;
        if (open.isPresent()) {
            // the company's, location's and contact's values stay; others the booking gives are only recorded
            lead = reconsent(open.get(), b, check, now, ConsentTrail::merge);
        } else if (check.isPresent()) {
            // no open lead under the booking's address, but the check's own at this agency (its consent made it under
            // another address): the booking was made with the check's private link, as a consent given again on its
            // result page is, so that lead takes the booking and its contact — one open lead per check and agency
            lead = ownLeads.lockedOf(check.get().id(), b.agencyId()).filter(l -> b.agencyId().equals(l.agencyId()))
                .map(o -> reconsent(o, b, check, now, ConsentTrail::mergeOwn)).orElse(null);
        }
        boolean created = lead == null;
        if (created) {
            int days = router.agency(b.agencyId()).map(Agency::firstContactDays).orElse(Agency.DEFAULT_FIRST_CONTACT_DAYS);
            Instant due = WorkingDays.dueBy(now, days, PortalTime.ZONE).truncatedTo(ChronoUnit.MILLIS);
            lead = leads.save(fromBooking(UUID.randomUUID().toString(), b, check, null, now, due, now));
        }
        consents.save(new ConsentRow(UUID.randomUUID().toString(), lead.id(),
            check.map(a -> a.id().value()).orElse(null), SOURCE, version(b), language(b), consentAt(b, now), null,
            created, b.contactName(), b.contactEmail()));
        links.save(new LeadBookingRow(b.bookingId(), lead.id(), now));
        // the time with the kind and the coach: two appointments at one time (or one after the other) were two
        // entries "Termin gebucht 07.12.2026 09:00" that said nothing of which was which
        String when = PortalTime.local(b.start()).format(WHEN);
        audit.save(new LeadAuditRow(UUID.randomUUID().toString(), lead.id(), now, null, null, ACTION_BOOKING, null,
            appointments.byIds(List.of(b.bookingId())).stream().findFirst()
                .map(booked -> TrailValues.booking(when, booked)).orElse(when), null));
        events.changed(lead, created ? LeadEvents.CREATED : LeadEvents.UPDATED, SOURCE);
        return lead;
    }

    /**
     * The open lead {@code o} with the booking's consent, its values merged by {@code merge} ({@link ConsentTrail}),
     * the changes on the trail; null if it is no longer that open lead. Only the consent's columns are written: a stage
     * or assignee that staff change at this moment is kept.
     */
    private LeadRow reconsent(LeadRow o, BookingMade b, Optional<Assessment> check, Instant now,
                              BinaryOperator<LeadRow> merge) {
        LeadRow offered = fromBooking(o.id(), b, check, o, now, o.contactDueAt(), o.createdAt());
        LeadRow consented = merge.apply(o, offered);
        if (!leads.reconsent(o.openKey(), consented)) {
            return null;
        }
        audit.saveAll(ConsentTrail.changes(o, offered, consented, now, assessments));
        return consented;
    }

    /** The lead as the booking describes it: the booking's contact and company; the check's profile and result. */
    private LeadRow fromBooking(String id, BookingMade b, Optional<Assessment> check, LeadRow previous, Instant now,
                                Instant due, Instant created) {
        String postalCode = b.companyPostalCode();
        String ags = null;
        String municipality = null;
        String sector = previous == null ? null : previous.sector();
        Integer employees = previous == null ? null : previous.employees();
        String companyType = previous == null ? null : previous.companyType();
        Double score = previous == null ? null : previous.score();
        Integer level = previous == null ? null : previous.overallLevel();
        String assessmentId = previous == null ? null : previous.assessmentId();
        if (check.isPresent()) {
            var c = check.get().company();
            postalCode = c.postalCode();
            ags = c.ags();
            municipality = c.municipality();
            sector = c.sector();
            employees = c.employees();
            companyType = c.type().name();
            score = check.get().result() == null ? null : check.get().result().score();
            level = check.get().result() == null ? null : check.get().result().level();
            assessmentId = check.get().id().value();
        } else if (previous != null && postalCode.equals(previous.postalCode())) {
            ags = previous.ags();
            municipality = previous.municipality();
        } else {
            List<Municipality> places = postalCodes.municipalities(postalCode);
            if (places.size() == 1) {
                ags = places.get(0).ags();
                municipality = places.get(0).name();
            } else {
                municipality = "";
            }
        }
        return new LeadRow(id, b.agencyId(), LeadRow.openKey(b.agencyId(), b.contactEmail()), LeadRow.OPEN, SOURCE,
            assessmentId, b.companyName(), postalCode, municipality, ags, sector, employees, companyType,
            b.contactName(), b.contactEmail(),
            // a booking without a phone keeps the one the lead has (the agency would lose a way to reach the company)
            b.contactPhone() != null ? b.contactPhone() : previous == null ? null : previous.contactPhone(),
            score, level, version(b), language(b),
            consentAt(b, now), due, null, created, now,
            previous == null ? LeadRow.NEW : previous.stage(), previous == null ? null : previous.assigneeId(),
            previous == null ? null : previous.assigneeName(), previous == null ? null : previous.firstContactAt(),
            previous == null ? null : previous.escalatedAt(), previous == null ? null : previous.closedAt(),
            previous == null ? 0 : previous.lockVersion() + 1);
    }

    private static String version(BookingMade b) {
        return b.consentTextVersion() == null ? "booking" : b.consentTextVersion();
    }

    private static String language(BookingMade b) {
        return b.consentLanguage() == null ? "de" : b.consentLanguage();
    }

    private static Instant consentAt(BookingMade b, Instant now) {
        return b.consentAt() == null ? now : b.consentAt().truncatedTo(ChronoUnit.MILLIS);
    }
}
