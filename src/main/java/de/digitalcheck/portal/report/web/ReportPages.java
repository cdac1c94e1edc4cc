package de.digitalcheck.portal.report.web;

import de.digitalcheck.portal.readiness.Assessment;
import de.digitalcheck.portal.readiness.Assessments;
import de.digitalcheck.portal.readiness.CheckPaths;
import de.digitalcheck.portal.report.Reports;
import de.digitalcheck.portal.shared.web.Csrf;
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
 * that mails it to the contact email stored with the check (the only address it is ever sent to). An unknown link
 * gets the check's own "this link is not valid" page ({@link Assessments#byLink}).
 */
@Secured(SecurityRule.IS_ANONYMOUS)
@Controller(CheckPaths.BASE)
@ExecuteOn(TaskExecutors.BLOCKING)
class ReportPages {

    private final Assessments assessments;
    private final Reports reports;
    private final Csrf csrf;

    ReportPages(Assessments assessments, Reports reports, Csrf csrf) {
        this.assessments = assessments;
        this.reports = reports;
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
            reports.mail(a, token, PortalLocaleResolver.language(request));
            return HttpResponse.seeOther(CheckPaths.uri(CheckPaths.result(token) + "?report=sent#report-title"));
        });
    }

    /** {@code action} for a completed check; a draft goes on where it was left. */
    private static HttpResponse<?> withCompletedCheck(Assessment check, String token,
                                                      Function<Assessment, HttpResponse<?>> action) {
        return check.completed() ? action.apply(check) : HttpResponse.seeOther(CheckPaths.uri(CheckPaths.resume(token)));
    }
}
