package de.digitalcheck.portal.report;

import de.digitalcheck.portal.booking.Bookings;
import de.digitalcheck.portal.readiness.Assessment;
import de.digitalcheck.portal.readiness.CheckPaths;
import de.digitalcheck.portal.readiness.ResultSummaries;
import de.digitalcheck.portal.shared.i18n.Language;
import de.digitalcheck.portal.shared.i18n.Messages;
import de.digitalcheck.portal.shared.mail.Mail;
import de.digitalcheck.portal.shared.mail.MailOutbox;
import de.digitalcheck.portal.shared.time.PortalTime;
import de.digitalcheck.portal.shared.config.PortalSettings;
import jakarta.inject.Singleton;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;

/** The PDF report of a completed check: made on request (never stored), downloaded or mailed to the check's contact. */
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

    Reports(ResultSummaries summaries, ReportRenderer renderer, MailOutbox mail, Messages messages, Clock clock,
            PortalSettings settings, Bookings bookings) {
        this.bookings = bookings;
        this.summaries = summaries;
        this.renderer = renderer;
        this.mail = mail;
        this.messages = messages;
        this.clock = clock;
        this.settings = settings;
    }

    /** A rendered report and the name it is offered under. */
    public record Report(byte[] pdf, ReportFileName fileName) {
    }

    /**
     * The report of a completed check in one language.
     *
     * @param token the check's private token, for the link back to the online result
     * @throws IllegalArgumentException if the check is not complete
     */
    public Report of(Assessment assessment, String token, Language language) {
        if (!assessment.completed()) {
            throw new IllegalArgumentException("check " + assessment.id() + " is not complete");
        }
        ReportModel model = new ReportModel(language, summaries.summarise(language, assessment), resultUrl(token),
            appointment(assessment),
            settings.networkName(), PortalTime.today(clock));
        LocalDate completed = PortalTime.local(assessment.completedAt()).toLocalDate();
        return new Report(renderer.render(model), ReportFileName.of(assessment.company().name(), completed));
    }

    /**
     * Mails the report to the contact email stored with the check (never to another address).
     *
     * @throws IllegalArgumentException if the check has no contact email or is not complete
     */
    public void mail(Assessment assessment, String token, Language language) {
        if (assessment.contact().email() == null) {
            throw new IllegalArgumentException("check " + assessment.id() + " has no contact email");
        }
        Report report = of(assessment, token, language);
        mail.send(new Mail(assessment.contact().email(),
            // no free text in the subject: a company name is whatever somebody typed
            messages.get(language, "report.mail.subject"),
            messages.get(language, "report.mail.text", assessment.company().name(), resultUrl(token)),
            List.of(new Mail.Attachment(report.fileName().ascii(), PDF, report.pdf()))));
    }

    /** The check's next booked appointment (issue 14), if any: the cover shows it. */
    private Appointment appointment(Assessment assessment) {
        java.time.Instant now = clock.instant();
        return bookings.ofAssessment(assessment.id().value()).stream().filter(b -> b.end().isAfter(now)).findFirst()
            .map(b -> new Appointment(PortalTime.local(b.start()), PortalTime.local(b.end()), b.coachName(), b.mode(),
                null))
            .orElse(null);
    }

    private String resultUrl(String token) {
        return settings.link(CheckPaths.result(token));
    }
}
