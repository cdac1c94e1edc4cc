package de.digitalcheck.portal.booking;

import de.digitalcheck.portal.shared.scheduling.ScheduledJobs;
import de.digitalcheck.portal.shared.security.Tokens;
import io.micronaut.context.annotation.Value;
import io.micronaut.scheduling.annotation.Scheduled;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Singleton;

import java.sql.Connection;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * The reminder before an appointment ({@code portal.booking.reminder.lead}, {@code BOOKING_REMINDER_LEAD}, default
 * 24 hours): a mail to the company in its language with the appointment and a new private link. Sent once across
 * replicas: the job runs on one replica per interval ({@link ScheduledJobs}), and each reminder is claimed by a
 * conditional update of {@code booking.reminder_claimed_at} in the transaction that writes the mail to the outbox, so
 * that two runs that overlap (a replica whose lock expired, a second instance) still send it once. Not for cancelled
 * appointments; not when the appointment was booked, or last moved, less than the lead time before its start (the
 * confirmation or update mail is fresh then); a move further ahead re-arms it ({@link BookingChanges}).
 */
@Singleton
class BookingReminders {

    static final String JOB = "booking-reminders";
    private static final int BATCH = 200;

    private final BookingChangeRows changes;
    private final BookingMails mails;
    private final Clock clock;
    private final TransactionOperations<Connection> transactions;
    private final ScheduledJobs jobs;
    private final Duration lead;
    private final Duration interval;

    BookingReminders(BookingChangeRows changes, BookingMails mails, Clock clock,
                     TransactionOperations<Connection> transactions, ScheduledJobs jobs,
                     @Value("${portal.booking.reminder.lead:24h}") Duration lead,
                     @Value("${portal.jobs.booking-reminders.interval:5m}") Duration interval) {
        if (lead.isNegative() || lead.isZero()) {
            throw new IllegalArgumentException("portal.booking.reminder.lead (BOOKING_REMINDER_LEAD) must be positive, was "
                + lead);
        }
        this.changes = changes;
        this.mails = mails;
        this.clock = clock;
        this.transactions = transactions;
        this.jobs = jobs;
        this.lead = lead;
        this.interval = interval;
    }

    @Scheduled(fixedDelay = "${portal.jobs.booking-reminders.interval:5m}",
        initialDelay = "${portal.jobs.booking-reminders.initial-delay:1m}")
    void scheduled() {
        jobs.runOnce(JOB, interval, this::sendDue);
    }

    /** Sends the reminders due now (appointments starting within the lead time, not yet reminded); how many it sent. */
    int sendDue() {
        Instant now = clock.instant();
        int sent = 0;
        for (BookingRow row : changes.findUnreminded(now, now.plus(lead), BATCH)) {
            if (remind(row, now)) {
                sent++;
            }
        }
        return sent;
    }

    private boolean remind(BookingRow row, Instant now) {
        boolean bookedLate = row.createdAt().isAfter(row.startAt().minus(lead));
        return transactions.executeWrite(status -> {
            if (bookedLate) {
                changes.settleReminder(row.id(), now);
                return false;
            }
            String token = Tokens.newToken();
            if (changes.claimReminder(row.id(), row.startAt(), Tokens.hash(token), now) != 1) {
                return false; // another run claimed it, or the appointment moved or was cancelled meanwhile
            }
            mails.reminder(row, token);
            return true;
        });
    }
}
