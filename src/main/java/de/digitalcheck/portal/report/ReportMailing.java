package de.digitalcheck.portal.report;

import de.digitalcheck.portal.readiness.Assessment;
import de.digitalcheck.portal.readiness.AssessmentErased;
import de.digitalcheck.portal.readiness.CheckPaths;
import de.digitalcheck.portal.shared.config.PortalSettings;
import de.digitalcheck.portal.shared.i18n.Language;
import de.digitalcheck.portal.shared.i18n.Messages;
import de.digitalcheck.portal.shared.mail.AddressConfirmed;
import de.digitalcheck.portal.shared.mail.Mail;
import de.digitalcheck.portal.shared.mail.MailOutbox;
import de.digitalcheck.portal.shared.quota.DailyQuotas;
import de.digitalcheck.portal.shared.security.Tokens;
import de.digitalcheck.portal.shared.scheduling.ScheduledJobs;
import io.micronaut.context.annotation.Value;
import io.micronaut.runtime.event.annotation.EventListener;
import io.micronaut.scheduling.annotation.Scheduled;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;

/**
 * The report by mail, only to a confirmed address. The report goes only to the contact address stored with the check;
 * the first time for a check, a confirmation link goes there instead (single use, {@link #VALID} long, its token stored
 * hashed), and the report follows once it is opened. An address confirmed for the check before, or by the company's
 * magic-link sign-in ({@link AddressConfirmed}), gets the report at once. What is sent — the confirmation mail, the
 * report mail and its PDF — is in the language the report was asked for in, kept with the link: whoever opens the link
 * later, in whatever language, gets the report in that language. The visitor's answer is the same in both
 * cases ("we sent you a mail"), so it does not tell whether the address was confirmed anywhere. Every mail to an
 * address — confirmation or report, for any check — counts towards {@code portal.mail.per-recipient-per-day} (5) per
 * day, keyed by a hash of the normalised address ({@link DailyQuotas}).
 */
@Singleton
public class ReportMailing {

    static final Duration VALID = Duration.ofHours(24);
    static final String QUOTA = "mail-recipient";

    private final Reports reports;
    private final MailConfirmationRows confirmations;
    private final DailyQuotas quotas;
    private final MailOutbox mail;
    private final Messages messages;
    private final PortalSettings settings;
    private final Clock clock;
    private final int perRecipientPerDay;
    private final ScheduledJobs jobs;

    ReportMailing(Reports reports, MailConfirmationRows confirmations, DailyQuotas quotas, MailOutbox mail,
                  Messages messages, PortalSettings settings, Clock clock, ScheduledJobs jobs,
                  @Value("${portal.mail.per-recipient-per-day:5}") int perRecipientPerDay) {
        this.jobs = jobs;
        this.reports = reports;
        this.confirmations = confirmations;
        this.quotas = quotas;
        this.mail = mail;
        this.messages = messages;
        this.settings = settings;
        this.clock = clock;
        this.perRecipientPerDay = perRecipientPerDay;
    }

    /** What became of a request: a mail went out (the report or a confirmation link), or today's limit is reached. */
    public enum Outcome { SENT, LIMIT_REACHED }

    /** What became of opening a confirmation link. */
    public enum Confirmation { REPORT_SENT, LIMIT_REACHED, NOT_VALID }

    /**
     * Mails the report of a completed check to its contact address if that is confirmed, else a confirmation link.
     *
     * @throws IllegalArgumentException if the check has no contact email or is not complete
     */
    @Transactional
    public Outcome request(Assessment check, String token, Language language) {
        String email = contactOf(check);
        String emailHash = Tokens.hash(email);
        if (!quotas.take(QUOTA, email, perRecipientPerDay)) {
            return Outcome.LIMIT_REACHED;
        }
        if (confirmations.countConfirmed(emailHash, check.id().value()) > 0) {
            reports.mail(check, token, language);
            return Outcome.SENT;
        }
        String code = Tokens.newToken();
        Instant now = now();
        confirmations.save(new MailConfirmationRow(Tokens.hash(code), check.id().value(), emailHash, now,
            now.plus(VALID), null, language.code()));
        // neither the company's name nor anything else typed goes into this mail: the address is not confirmed yet
        // the link opens its page in that language too (the page can still be switched)
        String link = settings.link(confirmPath(token, code)) + CheckPaths.languageQuery(language);
        mail.send(new Mail(email, messages.get(language, "report.confirm.mail.subject"),
            messages.get(language, "report.confirm.mail.text", link, VALID.toHours())));
        return Outcome.SENT;
    }

    /** Whether a confirmation link of this check can still be used (for the page that asks before using it). */
    @Transactional(readOnly = true)
    public boolean usable(Assessment check, String code) {
        return usableRow(check, code).isPresent();
    }

    private Optional<MailConfirmationRow> usableRow(Assessment check, String code) {
        if (!Tokens.isWellFormed(code) || check.contact().email() == null) {
            return Optional.empty();
        }
        return confirmations.findById(Tokens.hash(code)).filter(row -> check.id().value().equals(row.assessmentId())
            && row.confirmedAt() == null && row.expiresAt().isAfter(now())
            && row.emailHash().equals(Tokens.hash(contactOf(check))));
    }

    /**
     * Uses a confirmation link up (once, within its time, for the address it was sent to — the check's contact address
     * now) and mails the report in the language it was asked for in, unless today's limit for the address is reached
     * (the address stays confirmed).
     *
     * @param pageLanguage the confirming page's language: only for links that kept no language (asked for before)
     */
    @Transactional
    public Confirmation confirm(Assessment check, String token, String code, Language pageLanguage) {
        Optional<MailConfirmationRow> row = usableRow(check, code);
        if (row.isEmpty() || confirmations.confirm(Tokens.hash(code), check.id().value(), now()) != 1) {
            return Confirmation.NOT_VALID;
        }
        if (!quotas.take(QUOTA, contactOf(check), perRecipientPerDay)) {
            return Confirmation.LIMIT_REACHED;
        }
        reports.mail(check, token, Language.fromCode(row.get().language()).orElse(pageLanguage));
        return Confirmation.REPORT_SENT;
    }

    /** The address of a check's confirmation link. */
    public static String confirmPath(String token, String code) {
        return CheckPaths.resume(token) + "/report/confirm/" + code;
    }

    /** The magic-link sign-in proved the address: confirmed for every check of it. */
    @EventListener
    void confirmedElsewhere(AddressConfirmed confirmed) {
        String emailHash = Tokens.hash(normalise(confirmed.email()));
        if (confirmations.countConfirmedEverywhere(emailHash) == 0) {
            Instant now = now();
            confirmations.save(new MailConfirmationRow(Tokens.hash(Tokens.newToken()), null, emailHash, now, now, now,
                null));
        }
    }

    /** An erased check's confirmations go with it. */
    @EventListener
    void erased(AssessmentErased erased) {
        confirmations.deleteByAssessment(erased.assessmentId().value());
    }

    /** {@link #deleteExpired()} hourly, on one replica ({@link ScheduledJobs}). */
    @Scheduled(fixedDelay = "1h", initialDelay = "4m")
    void scheduledCleanup() {
        jobs.runOnce("report-mail-confirmation-cleanup", Duration.ofHours(1), this::deleteExpired);
    }

    /** Deletes links nobody opened, a day after they expired (idempotent). */
    @Transactional
    public int deleteExpired() {
        return confirmations.deleteUnconfirmedExpiredBefore(now().minus(Duration.ofDays(1)));
    }

    private Instant now() {
        return clock.instant().truncatedTo(java.time.temporal.ChronoUnit.MILLIS);
    }

    private static String contactOf(Assessment check) {
        if (check.contact().email() == null) {
            throw new IllegalArgumentException("check " + check.id() + " has no contact email");
        }
        if (!check.completed()) {
            throw new IllegalArgumentException("check " + check.id() + " is not complete");
        }
        return normalise(check.contact().email());
    }

    static String normalise(String email) {
        return email == null ? "" : email.strip().toLowerCase(Locale.ROOT);
    }
}
