package de.digitalcheck.portal.report;

import de.digitalcheck.portal.booking.Bookings;
import de.digitalcheck.portal.readiness.Assessment;
import de.digitalcheck.portal.readiness.CheckPaths;
import de.digitalcheck.portal.readiness.ResultSummaries;
import de.digitalcheck.portal.shared.i18n.Language;
import de.digitalcheck.portal.shared.i18n.Messages;
import de.digitalcheck.portal.shared.mail.AttachmentName;
import de.digitalcheck.portal.shared.mail.Mail;
import de.digitalcheck.portal.shared.mail.MailOutbox;
import de.digitalcheck.portal.shared.time.PortalTime;
import de.digitalcheck.portal.shared.config.PortalSettings;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import de.digitalcheck.portal.booking.Booking;
import de.digitalcheck.portal.readiness.AssessmentErased;
import de.digitalcheck.portal.readiness.AssessmentId;
import de.digitalcheck.portal.shared.security.Tokens;
import io.micronaut.context.annotation.Value;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.runtime.event.annotation.EventListener;
import jakarta.inject.Singleton;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.function.Predicate;

/**
 * The PDF report of a completed check: made on request (never stored in the database), downloaded or mailed to the
 * check's contact. Rendering takes tens of milliseconds of CPU, so each replica keeps the PDFs it lately made in
 * memory, keyed by check, revision (every change of a check makes a new one, so an entry is never stale), language,
 * link and day (the cover shows the date): bounded by their total size ({@code portal.report.cache-bytes}) and
 * made again {@value #CACHE_MINUTES} minutes after they were made (the peer comparison in them
 * moves slowly), and at once when the check's personal data is
 * erased. Caffeine (already used by the check cache) does the bounding and eviction.
 */
@Singleton
public class Reports {

    static final String PDF = "application/pdf";

    private final ResultSummaries summaries;
    private final ReportRenderer renderer;
    private final MailOutbox mail;
    private final Messages messages;
    private final Clock clock;
    private final PortalSettings settings;
    private final Bookings bookings;
    private final Cache<Key, Report> rendered;

    static final int CACHE_MINUTES = 10;

    /** What one PDF depends on besides the check's content (which its revision fixes). */
    private record Key(AssessmentId id, int revision, Language language, String tokenHash, LocalDate day,
                       Appointment appointment) {
    }

    Reports(ResultSummaries summaries, ReportRenderer renderer, MailOutbox mail, Messages messages, Clock clock,
            PortalSettings settings, Bookings bookings, @Value("${portal.report.cache-bytes:33554432}") long cacheBytes) {
        this.bookings = bookings;
        this.rendered = Caffeine.newBuilder()
            .maximumWeight(Math.max(0, cacheBytes))
            .weigher((Key k, Report r) -> r.pdf().length + 200)
            .expireAfterWrite(java.time.Duration.ofMinutes(CACHE_MINUTES))
            .build();
        this.summaries = summaries;
        this.renderer = renderer;
        this.mail = mail;
        this.messages = messages;
        this.clock = clock;
        this.settings = settings;
    }

    /** A rendered report and the name it is offered under. */
    public record Report(byte[] pdf, AttachmentName fileName) {
    }

    /**
     * The report of a completed check in one language.
     *
     * @param token the check's private token, for the link back to the online result
     * @throws IllegalArgumentException if the check is not complete
     */
    public Report of(Assessment assessment, String token, Language language) {
        return render(assessment, Tokens.hash(token), resultUrl(token, language), false, language, b -> true);
    }

    /**
     * The report of a completed check for signed-in agency staff: its cover links to {@code pageUrl} (the lead's page
     * in the agency's workspace, behind sign-in) and not to the company's private link, which staff never see.
     *
     * @param agencyId the staff's agency (null: the network's fallback queue): the cover shows an appointment the
     *                 check booked there only, never one at another agency
     * @throws IllegalArgumentException if the check is not complete
     */
    public Report forStaff(Assessment assessment, String pageUrl, @Nullable String agencyId, Language language) {
        return render(assessment, "staff|" + pageUrl, pageUrl, true, language,
            b -> b.shownWithLeadAt(agencyId));
    }

    private Report render(Assessment assessment, String linkKey, String url, boolean staffCopy, Language language,
                          Predicate<Booking> shown) {
        if (!assessment.completed()) {
            throw new IllegalArgumentException("check " + assessment.id() + " is not complete");
        }
        LocalDate today = PortalTime.today(clock);
        // the booked appointment is on the cover: a booking, a cancellation or its end makes another report
        Key key = new Key(assessment.id(), assessment.revision(), language, linkKey, today,
            appointment(assessment, shown));
        return rendered.get(key, k -> {
            ReportModel model = new ReportModel(language, summaries.summarise(language, assessment), url,
                k.appointment(), settings.networkName(), today, staffCopy);
            LocalDate completed = PortalTime.local(assessment.completedAt()).toLocalDate();
            return new Report(renderer.render(model), ReportFileName.of(assessment.company().name(), completed));
        });
    }

    /** How many reports this replica keeps (tests, operations). */
    long cached() {
        rendered.cleanUp();
        return rendered.estimatedSize();
    }

    /** An erased check's reports (they hold its company's name) are forgotten at once. */
    @EventListener
    void forget(AssessmentErased erased) {
        rendered.asMap().keySet().removeIf(k -> k.id().equals(erased.assessmentId()));
    }

    /**
     * Mails the report to the contact email stored with the check (never to another address); only {@link ReportMailing}
     * calls it, once the address is confirmed.
     *
     * @throws IllegalArgumentException if the check has no contact email or is not complete
     */
    void mail(Assessment assessment, String token, Language language) {
        if (assessment.contact().email() == null) {
            throw new IllegalArgumentException("check " + assessment.id() + " has no contact email");
        }
        Report report = of(assessment, token, language);
        mail.send(new Mail(language, assessment.contact().email(),
            // no free text in the subject: a company name is whatever somebody typed
            messages.get(language, "report.mail.subject"),
            messages.get(language, "report.mail.text", assessment.company().name(),
                resultUrl(token, language)),
            // the name it downloads under: the mailer sends the same ASCII name and the same name with umlauts
            List.of(new Mail.Attachment(report.fileName().unicode(), PDF, report.pdf()))));
    }

    /** The check's next booked appointment (issue 14), if any: the cover shows it. */
    private Appointment appointment(Assessment assessment,
                                    Predicate<Booking> shown) {
        return bookings.nextOfAssessment(assessment.id().value(), shown)
            .map(b -> new Appointment(PortalTime.local(b.start()), PortalTime.local(b.end()), b.coachName(), b.mode(),
                null))
            .orElse(null);
    }

    private String resultUrl(String token, Language language) {
        return settings.link(CheckPaths.result(token, language));
    }
}
