package de.digitalcheck.portal.report.web;

import de.digitalcheck.portal.readiness.Assessment;
import de.digitalcheck.portal.readiness.Assessments;
import de.digitalcheck.portal.readiness.CheckPaths;
import de.digitalcheck.portal.report.ReportMailing;
import de.digitalcheck.portal.report.Reports;
import de.digitalcheck.portal.shared.i18n.Language;
import de.digitalcheck.portal.shared.web.Csrf;
import de.digitalcheck.portal.shared.web.Flash;
import de.digitalcheck.portal.shared.web.PortalLocaleResolver;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Consumes;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Produces;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;

import java.util.Optional;
import java.util.function.Function;

/**
 * The report from the result page, reached by the check's private token: the PDF in the page's language, and a form
 * that mails it to the contact email stored with the check (the only address it is ever sent to) once that address is
 * confirmed ({@link ReportMailing}; the confirmation link's page is {@link ReportConfirmationPages}, outside the
 * check's address). An unknown link gets the check's own "this link is not valid" page ({@link Assessments#byLink}).
 */
@Secured(SecurityRule.IS_ANONYMOUS)
@Controller(CheckPaths.BASE)
@ExecuteOn(TaskExecutors.BLOCKING)
class ReportPages {

    /** The confirmation link as it was mailed before it lost the check's token. */
    static final String OLD_CONFIRM_PATH = "/report/confirm/{id}";

    private final Assessments assessments;
    private final Reports reports;
    private final ReportMailing mailing;
    private final Csrf csrf;
    private final Flash flash;

    ReportPages(Assessments assessments, Reports reports, ReportMailing mailing, Csrf csrf, Flash flash) {
        this.flash = flash;
        this.assessments = assessments;
        this.reports = reports;
        this.mailing = mailing;
        this.csrf = csrf;
    }

    @Get(CheckPaths.REPORT_PDF)
    @Produces({ReportResponses.PDF, MediaType.TEXT_HTML})
    HttpResponse<?> download(HttpRequest<?> request, @PathVariable String token) {
        return withCompletedCheck(assessments.byLink(token), token,
            a -> ReportResponses.pdf(reports.of(a, token, PortalLocaleResolver.language(request))));
    }

    @Post(CheckPaths.REPORT_MAIL)
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.TEXT_HTML)
    HttpResponse<?> mail(HttpRequest<?> request, @PathVariable String token,
                         @Body @Nullable Csrf.TokenForm button) {
        csrf.verify(request, button);
        Optional<Assessment> check = assessments.byToken(token);
        if (check.isEmpty() || check.get().contact().email() == null) {
            // to the result page, which says that the link is not valid or offers no mail
            return HttpResponse.seeOther(CheckPaths.uri(CheckPaths.result(token)));
        }
        return withCompletedCheck(check.get(), token, a -> {
            ReportMailing.Outcome outcome = mailing.request(a, token, PortalLocaleResolver.language(request));
            return backToResult(token, outcome == ReportMailing.Outcome.SENT ? CheckPaths.REPORT_MAIL_SENT
                : CheckPaths.REPORT_MAIL_LIMIT);
        });
    }

    /**
     * The confirmation link in the form mailed before it lost the check's token: it carried the token, which its page
     * must not use or show (whoever a mistyped address reaches would get the check). It goes on to the link's own
     * page, the token left behind, without looking the check up; a form of that page still open posts here and goes
     * on the same way (its CSRF token checked, as on every form).
     */
    @Get(OLD_CONFIRM_PATH)
    HttpResponse<?> oldConfirmationLink(HttpRequest<?> request, @PathVariable String id) {
        return toConfirmationPage(request, id);
    }

    @Post(OLD_CONFIRM_PATH)
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    HttpResponse<?> oldConfirmationForm(HttpRequest<?> request, @PathVariable String id,
                                        @Body @Nullable Csrf.TokenForm button) {
        csrf.verify(request, button);
        return toConfirmationPage(request, id);
    }

    private static HttpResponse<?> toConfirmationPage(HttpRequest<?> request, String id) {
        String language = request.getParameters().getFirst("lang").flatMap(Language::fromCode)
            .map(CheckPaths::languageQuery).orElse("");
        return HttpResponse.seeOther(CheckPaths.uri(ReportMailing.confirmPath(id) + language));
    }

    /**
     * Back to the result page with what became of the request as a {@link Flash} note, shown there once: in the
     * address ({@code ?report=sent}) anyone could craft a link whose page said a mail was on its way, or that today's
     * mails were sent, though nothing had happened, and a reload said it again.
     */
    private HttpResponse<?> backToResult(String token, String report) {
        return flash.put(HttpResponse.seeOther(CheckPaths.uri(CheckPaths.result(token) + "#report-mail-outcome")),
            CheckPaths.result(token), report);
    }

    /** {@code action} for a completed check; a draft goes on where it was left. */
    private static HttpResponse<?> withCompletedCheck(Assessment check, String token,
                                                      Function<Assessment, HttpResponse<?>> action) {
        return check.completed() ? action.apply(check) : HttpResponse.seeOther(CheckPaths.uri(CheckPaths.resume(token)));
    }
}
