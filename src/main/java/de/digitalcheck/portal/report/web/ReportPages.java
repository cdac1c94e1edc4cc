package de.digitalcheck.portal.report.web;

import de.digitalcheck.portal.readiness.Assessment;
import de.digitalcheck.portal.readiness.SelfCheck;
import de.digitalcheck.portal.report.Reports;
import de.digitalcheck.portal.shared.mail.Mailer;
import de.digitalcheck.portal.shared.web.Csrf;
import de.digitalcheck.portal.shared.web.ErrorPages;
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

import java.net.URI;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * The report from the result page, reached by the check's private token: the PDF in the page's language, and a form
 * that mails it to the contact email stored with the check (the only address it is ever sent to).
 */
@Secured(SecurityRule.IS_ANONYMOUS)
@Controller("/check/{token}")
@ExecuteOn(TaskExecutors.BLOCKING)
class ReportPages {

    static final String NOT_FOUND = "readiness/not-found";

    private final SelfCheck selfCheck;
    private final Reports reports;
    private final Csrf csrf;

    ReportPages(SelfCheck selfCheck, Reports reports, Csrf csrf) {
        this.selfCheck = selfCheck;
        this.reports = reports;
        this.csrf = csrf;
    }

    @Get("/report.pdf")
    @Produces({ReportResponses.PDF, MediaType.TEXT_HTML})
    HttpResponse<?> download(HttpRequest<?> request, @PathVariable String token) {
        return withCompletedCheck(request, token,
            a -> ReportResponses.pdf(reports.of(a, token, PortalLocaleResolver.language(request))));
    }

    @Post("/report/email")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.TEXT_HTML)
    HttpResponse<?> mail(HttpRequest<?> request, @PathVariable String token, @Body @Nullable Map<String, String> body) {
        csrf.verify(request, body);
        if (selfCheck.byToken(token).isEmpty()) {
            // to the result page, which says that the link is not valid
            return HttpResponse.seeOther(URI.create(result(token)));
        }
        return withCompletedCheck(request, token, a -> {
            if (a.contactEmail() == null) {
                return HttpResponse.seeOther(URI.create(result(token)));
            }
            try {
                reports.mail(a, token, PortalLocaleResolver.language(request));
                return HttpResponse.seeOther(URI.create(result(token) + "?report=sent"));
            } catch (Mailer.MailFailed e) {
                return HttpResponse.seeOther(URI.create(result(token) + "?report=failed"));
            }
        });
    }

    private HttpResponse<?> withCompletedCheck(HttpRequest<?> request, String token,
                                               Function<Assessment, HttpResponse<?>> action) {
        Optional<Assessment> assessment = selfCheck.byToken(token);
        if (assessment.isEmpty()) {
            request.setAttribute(ErrorPages.NOT_FOUND_VIEW, NOT_FOUND);
            throw new ErrorPages.NotFound();
        }
        if (!assessment.get().completed()) {
            return HttpResponse.seeOther(URI.create("/check/" + token));
        }
        return action.apply(assessment.get());
    }

    private static String result(String token) {
        return "/check/" + token + "/result";
    }
}
