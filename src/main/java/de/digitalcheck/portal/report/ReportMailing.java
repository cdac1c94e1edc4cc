package de.digitalcheck.portal.report;

import de.digitalcheck.portal.readiness.Assessment;
import de.digitalcheck.portal.readiness.AssessmentErased;
import de.digitalcheck.portal.readiness.Assessments;
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
import de.digitalcheck.portal.shared.validation.Formats;
import io.micronaut.context.annotation.Value;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.runtime.event.annotation.EventListener;
import io.micronaut.scheduling.annotation.Scheduled;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * The report by mail, only to a confirmed address. The report goes only to the contact address stored with the check;
 * the first time for a check, a confirmation link goes there instead (single use, {@link #VALID} long, its code stored
 * hashed), and the report follows once it is opened. The link ({@link #confirmPath}) carries no check token: it goes
 * to an address that is not confirmed yet, perhaps a mistyped one, whose owner must not get the check (its result,
 * contact, consent, booking and erasure). The report that follows still links to the online result: the check's token
 * is kept with the link sealed under a key derived from the code ({@link SealedCheckToken}), opened when the link is
 * confirmed and forgotten then. An address confirmed for the check before, or by the company's
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
    /** The route of the confirmation link's page: outside a check's address, it carries only the link's code. */
    public static final String CONFIRM_ROUTE = "/report/confirm/{id}";
    static final String QUOTA = "mail-recipient";

    private final Reports reports;
    private final Assessments assessments;
    private final MailConfirmationRows confirmations;
    private final DailyQuotas quotas;
    private final MailOutbox mail;
    private final Messages messages;
    private final PortalSettings settings;
    private final Clock clock;
    private final int perRecipientPerDay;
    private final ScheduledJobs jobs;

    ReportMailing(Reports reports, Assessments assessments, MailConfirmationRows confirmations, DailyQuotas quotas,
                  MailOutbox mail, Messages messages, PortalSettings settings, Clock clock, ScheduledJobs jobs,
                  @Value("${portal.mail.per-recipient-per-day:5}") int perRecipientPerDay) {
        this.jobs = jobs;
        this.reports = reports;
        this.assessments = assessments;
        this.confirmations = confirmations;
        this.quotas = quotas;
        this.mail = mail;
        this.messages = messages;
        this.settings = settings;
        this.clock = clock;
        this.perRecipientPerDay = perRecipientPerDay;
    }

    /** How many mails an address gets a day at most ({@code portal.mail.per-recipient-per-day}). */
    public int perRecipientPerDay() {
        return perRecipientPerDay;
    }

    /** What became of a request: a mail went out (the report or a confirmation link), or today's limit is reached. */
    public enum Outcome { SENT, LIMIT_REACHED }

    /** What became of opening a confirmation link. */
    public enum Confirmation { REPORT_SENT, LIMIT_REACHED, NOT_VALID }

    /**
     * What became of opening a confirmation link, and the address the report went or would have gone to (only when the
     * link was valid: its owner received the link).
     */
    public record Confirmed(Confirmation outcome, @Nullable String email) {
    }

    /**
     * Mails the report of a completed check to its contact address if that is confirmed, else a confirmation link.
     *
     * @throws IllegalArgumentException if the check has no contact email or is not complete
     */
    @Transactional
    public Outcome request(Assessment check, String token, Language language) {
        String email = contactOf(check);
        String emailHash = Tokens.hash(email);
        // one count per mailbox, however the address is spelled (name+1@, NAME@): as the bookings' limit
        if (!quotas.take(QUOTA, Formats.mailbox(email), perRecipientPerDay)) {
            return Outcome.LIMIT_REACHED;
        }
        if (confirmations.countConfirmed(emailHash, check.id().value()) > 0) {
            reports.mail(check, token, language);
            return Outcome.SENT;
        }
        String code = Tokens.newToken();
        Instant now = now();
        confirmations.save(new MailConfirmationRow(Tokens.hash(code), check.id().value(), emailHash, now,
            now.plus(VALID), null, language.code(), SealedCheckToken.seal(code, check.id().value(), token)));
        // neither the company's name nor anything else typed goes into this mail, nor the check's token: the address
        // is not confirmed yet; the link opens its page in that language too (the page can still be switched)
        String link = settings.link(confirmPath(code)) + CheckPaths.languageQuery(language);
        mail.send(new Mail(language, email, messages.get(language, "report.confirm.mail.subject"),
            messages.get(language, "report.confirm.mail.text", link, VALID.toHours())));
        return Outcome.SENT;
    }

    /**
     * The address a confirmation link would send the report to, if it can still be used (for the page that asks
     * before using it; nothing is used up).
     */
    @Transactional(readOnly = true)
    public Optional<String> usable(String code) {
        return opened(code).map(o -> o.check().contact().email());
    }

    /**
     * Whether a confirmation link was used already (its address is confirmed for its check): its page then says so
     * instead of "not valid" — opened twice from the mail, or the page's language switched after confirming.
     */
    @Transactional(readOnly = true)
    public boolean used(String code) {
        return Tokens.isWellFormed(code) && confirmations.findById(Tokens.hash(code))
            .filter(row -> row.assessmentId() != null && row.confirmedAt() != null).isPresent();
    }

    /** A usable link: its row, the check it was asked for (reached by the token it kept) and that token. */
    private record Opened(MailConfirmationRow row, Assessment check, String token) {
    }

    /**
     * The link of this code if it can be used: well formed, known, asked for one check, not used, not expired, with a
     * sealed token that the code opens and that still reaches its check (a check's link given anew makes it invalid),
     * which is complete and still has the address the link was sent to. Links asked for before the token was kept
     * ({@code sealed_token} null) are not usable: the company asks again.
     */
    private Optional<Opened> opened(String code) {
        if (!Tokens.isWellFormed(code)) {
            return Optional.empty();
        }
        return confirmations.findById(Tokens.hash(code))
            .filter(row -> row.assessmentId() != null && row.sealedToken() != null && row.confirmedAt() == null
                && row.expiresAt().isAfter(now()))
            .flatMap(row -> SealedCheckToken.open(code, row.assessmentId(), row.sealedToken())
                .flatMap(token -> assessments.byId(row.assessmentId(), token)
                    .filter(check -> check.completed() && check.contact().email() != null
                        && row.emailHash().equals(Tokens.hash(Formats.normalisedEmail(check.contact().email()))))
                    .map(check -> new Opened(row, check, token))));
    }

    /**
     * Uses a confirmation link up (once, within its time, for the address it was sent to — the check's contact address
     * now) and mails the report in the language it was asked for in, with the link to the online result, unless
     * today's limit for the address is reached (the address stays confirmed).
     *
     * @param pageLanguage the confirming page's language: only for links that kept no language (asked for before)
     */
    @Transactional
    public Confirmed confirm(String code, Language pageLanguage) {
        Optional<Opened> opened = opened(code);
        if (opened.isEmpty()
            || confirmations.confirm(opened.get().row().tokenHash(), opened.get().check().id().value(), now()) != 1) {
            return new Confirmed(Confirmation.NOT_VALID, null);
        }
        Assessment check = opened.get().check();
        if (!quotas.take(QUOTA, Formats.mailbox(contactOf(check)), perRecipientPerDay)) {
            return new Confirmed(Confirmation.LIMIT_REACHED, check.contact().email());
        }
        reports.mail(check, opened.get().token(),
            Language.fromCode(opened.get().row().language()).orElse(pageLanguage));
        return new Confirmed(Confirmation.REPORT_SENT, check.contact().email());
    }

    /** The address of a confirmation link: its code only, no check token. */
    public static String confirmPath(String code) {
        return "/report/confirm/" + URLEncoder.encode(code, StandardCharsets.UTF_8);
    }

    /** The magic-link sign-in proved the address: confirmed for every check of it. */
    @EventListener
    void confirmedElsewhere(AddressConfirmed confirmed) {
        String emailHash = Tokens.hash(Formats.normalisedEmail(confirmed.email()));
        if (confirmations.countConfirmedEverywhere(emailHash) == 0) {
            Instant now = now();
            confirmations.save(new MailConfirmationRow(Tokens.hash(Tokens.newToken()), null, emailHash, now, now, now,
                null, null));
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
        return Formats.normalisedEmail(check.contact().email());
    }
}
