package de.digitalcheck.portal.accounts.company;

import de.digitalcheck.portal.accounts.CompanyAppointments;
import de.digitalcheck.portal.readiness.Assessment;
import de.digitalcheck.portal.readiness.AssessmentId;
import de.digitalcheck.portal.readiness.AgencyLeads;
import de.digitalcheck.portal.readiness.Assessments;
import de.digitalcheck.portal.shared.i18n.Language;
import de.digitalcheck.portal.shared.i18n.Messages;
import de.digitalcheck.portal.shared.mail.AddressConfirmed;
import de.digitalcheck.portal.shared.mail.Mail;
import de.digitalcheck.portal.shared.mail.MailOutbox;
import de.digitalcheck.portal.shared.quota.DailyQuotas;
import de.digitalcheck.portal.shared.security.Tokens;
import de.digitalcheck.portal.shared.config.PortalSettings;
import io.micronaut.context.event.ApplicationEventPublisher;
import de.digitalcheck.portal.shared.scheduling.ScheduledJobs;
import de.digitalcheck.portal.shared.validation.Formats;
import io.micronaut.context.annotation.Value;
import io.micronaut.scheduling.annotation.Scheduled;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Brings a company back to its data by an emailed magic link (single use, {@link #VALID} long, token stored hashed).
 * Whether an address is known is never revealed: the answer is the same either way.
 */
@Singleton
public class CompanyAccess {

    static final Duration VALID = Duration.ofMinutes(15);

    private final CompanyLinks links;
    private final Assessments assessments;
    private final CompanyAppointments appointments;
    /** The {@link DailyQuotas} purpose of the sign-in links per address and day. */
    static final String QUOTA = "company-link";

    private final AgencyLeads leads;
    private final DailyQuotas quotas;
    private final int perRecipientPerDay;
    private final MailOutbox mailer;
    private final Messages messages;
    private final PortalSettings settings;
    private final Clock clock;
    private final ApplicationEventPublisher<AddressConfirmed> confirmations;
    private final ScheduledJobs jobs;
    private final Duration cleanupInterval;

    CompanyAccess(CompanyLinks links, Assessments assessments, CompanyAppointments appointments, AgencyLeads leads,
                  MailOutbox mailer,
                  Messages messages, PortalSettings settings, Clock clock,
                  ApplicationEventPublisher<AddressConfirmed> confirmations,
                  ScheduledJobs jobs, @Value("${portal.jobs.magic-link-cleanup.interval:1h}") Duration cleanupInterval,
                  DailyQuotas quotas, @Value("${portal.mail.per-recipient-per-day:5}") int perRecipientPerDay) {
        this.quotas = quotas;
        this.perRecipientPerDay = perRecipientPerDay;
        this.confirmations = confirmations;
        this.jobs = jobs;
        this.cleanupInterval = cleanupInterval;
        this.links = links;
        this.assessments = assessments;
        this.appointments = appointments;
        this.leads = leads;
        this.mailer = mailer;
        this.messages = messages;
        this.settings = settings;
        this.clock = clock;
    }

    /** The result of redeeming a link: the email it opens, or why it opens nothing. */
    public record Redeemed(Optional<String> email) {
    }

    /**
     * Mails a link to the address if it has checks, appointments (a company may book without taking the check) or
     * leads (a lead keeps the address its consent gave after the check's contact changed on the profile page, or
     * after a consent given again for a new location: its consent must stay withdrawable under that address);
     * says nothing about whether it has. The address is as the form checked it (any case). At most
     * {@code portal.mail.per-recipient-per-day} (5) links a day go to one mailbox ({@link Formats#mailbox}, {@link DailyQuotas}): whoever types
     * an address in cannot fill its mailbox.
     */
    @Transactional
    public void requestLink(String emailInput, Language language) {
        String email = Formats.normalisedEmail(emailInput);
        if (email.isEmpty()
            || assessments.ofContact(email).isEmpty() && appointments.ofContact(email, language).isEmpty()
            && leads.consentsOf(email).isEmpty()) {
            return;
        }
        // one count per mailbox, however the address is spelled (name+1@, NAME@): as the bookings' limit; the link goes
        // to the address as typed
        if (!quotas.take(QUOTA, Formats.mailbox(email), perRecipientPerDay)) {
            return; // today's links to this address are sent: the same answer, no mail (anyone may type an address)
        }
        String token = Tokens.newToken();
        Instant now = clock.instant();
        links.save(new CompanyLink(Tokens.hash(token), email, now, now.plus(VALID), null));
        mailer.send(new Mail(language, email, messages.get(language, "mail.company.subject"),
            messages.get(language, "mail.company.text", settings.link("/mein-unternehmen/link/" + token
                + (language == Language.DE ? "" : "?lang=" + language.code())), VALID.toMinutes())));
    }

    /**
     * Whether the link would open the company's data now (known, unused, within its time), without using it up:
     * what its page shows on opening ({@link #redeem} decides, atomically).
     */
    @Transactional(readOnly = true)
    public boolean usable(String token) {
        if (!Tokens.isWellFormed(token)) {
            return false;
        }
        Instant now = clock.instant();
        return links.findById(Tokens.hash(token)).filter(l -> l.usedAt() == null && l.expiresAt().isAfter(now))
            .isPresent();
    }

    /** Uses a link up: it opens the company's data once, within its time. */
    @Transactional
    public Optional<String> redeem(String token) {
        if (!Tokens.isWellFormed(token)) {
            return Optional.empty();
        }
        Instant now = clock.instant();
        String hash = Tokens.hash(token);
        if (links.claim(hash, now) != 1) {
            return Optional.empty();
        }
        Optional<String> email = links.findById(hash).map(CompanyLink::email);
        // the link reached its reader: the address is proven (the report mail needs no confirmation of it)
        email.ifPresent(e -> confirmations.publishEvent(new AddressConfirmed(e)));
        return email;
    }

    /**
     * The name the session a link opened is kept under: the link's stored hash, not the token (the token is used up
     * anyway; the hash names the row without being able to open anything).
     */
    public static String sessionOf(String token) {
        return Tokens.hash(token);
    }

    /**
     * Whether the session the link {@code session} ({@link #sessionOf}) opened for {@code email} still stands: the
     * link is still there, used, and was sent to that address. Erasing the address deletes its links
     * ({@code CompanyLinkPersonalData}), which ends every session they opened, in every browser and on every replica
     * (a signed cookie alone stayed valid for its hour and showed the erased address's empty overview). The links
     * outlive their sessions: they are deleted a day after they expired ({@link #deleteExpiredLinks}), the session
     * lasts an hour.
     */
    public boolean stillOpen(String session, String email) {
        return links.findById(session).filter(l -> l.usedAt() != null && l.email().equals(email)).isPresent();
    }

    /** {@link #deleteExpiredLinks()} hourly, on one replica ({@link ScheduledJobs}). */
    @Scheduled(fixedDelay = "${portal.jobs.magic-link-cleanup.interval:1h}",
        initialDelay = "${portal.jobs.magic-link-cleanup.initial-delay:2m}")
    void scheduledCleanup() {
        jobs.runOnce("magic-link-cleanup", cleanupInterval, this::deleteExpiredLinks);
    }

    /**
     * Deletes the links that expired more than a day ago (used or not): they open nothing, and the address they
     * were sent to is personal data. Idempotent, so every replica may run it.
     */
    @Transactional
    public int deleteExpiredLinks() {
        return links.deleteExpiredBefore(clock.instant().minus(Duration.ofDays(1)));
    }

    /** A new private link to a check of this address (its old link stops working); empty if it is not one of its. */
    public Optional<String> reopen(String email, String assessmentId) {
        return assessments.reissueLink(new AssessmentId(assessmentId), Formats.normalisedEmail(email));
    }

    public List<Assessment> checksOf(String email) {
        return assessments.ofContact(email);
    }
}
