package de.digitalcheck.portal.report.web;

import de.digitalcheck.portal.report.ReportMailing;
import de.digitalcheck.portal.shared.quota.DailyQuotas;
import de.digitalcheck.portal.shared.web.Csrf;
import de.digitalcheck.portal.shared.web.PortalLocaleResolver;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;
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
import io.micronaut.views.ModelAndView;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The page of the report mail's confirmation link ({@value ReportMailing#CONFIRM_ROUTE}), reached by the link's code
 * alone, outside any check's address: the link goes to an address not confirmed yet, perhaps a mistyped one, and its
 * owner must not get the check. {@code GET} only asks (mail scanners that fetch links must not use them up) and names
 * the address; {@code POST} uses the link up and mails the report, whose mail carries the link to the result. No
 * state of the page links to the result or shows anything of the company: the report sent (with the address), today's
 * limit reached (the address is confirmed all the same: {@code 429}), a link used already (the address is confirmed:
 * {@code 200}, nothing sent again), a link unknown, expired or asked for before it kept the check's token
 * ({@code 410}).
 */
@Secured(SecurityRule.IS_ANONYMOUS)
@Controller
@ExecuteOn(TaskExecutors.BLOCKING)
@Produces(MediaType.TEXT_HTML)
class ReportConfirmationPages {

    static final String VIEW = "report/confirm";

    private final ReportMailing mailing;
    private final Csrf csrf;
    private final DailyQuotas quotas;

    ReportConfirmationPages(ReportMailing mailing, Csrf csrf, DailyQuotas quotas) {
        this.quotas = quotas;
        this.mailing = mailing;
        this.csrf = csrf;
    }

    /** The link from the mail: a page with one button (a GET uses nothing up). */
    @Get(ReportMailing.CONFIRM_ROUTE)
    HttpResponse<?> ask(@PathVariable("id") String code) {
        Optional<String> email = mailing.usable(code);
        if (email.isEmpty()) {
            return spent(code);
        }
        Map<String, Object> model = model("ask", email.get());
        model.put("action", ReportMailing.confirmPath(code));
        return HttpResponse.ok(new ModelAndView<>(VIEW, model));
    }

    @Post(ReportMailing.CONFIRM_ROUTE)
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    HttpResponse<?> confirm(HttpRequest<?> request, @PathVariable("id") String code,
                            @Body @Nullable Csrf.TokenForm button) {
        csrf.verify(request, button);
        ReportMailing.Confirmed confirmed = mailing.confirm(code, PortalLocaleResolver.language(request));
        return switch (confirmed.outcome()) {
            case REPORT_SENT -> page(HttpStatus.OK, "sent", confirmed.email());
            case LIMIT_REACHED -> page(HttpStatus.TOO_MANY_REQUESTS, "limit", confirmed.email())
                .header("Retry-After", String.valueOf(quotas.secondsUntilNextDay()));
            case NOT_VALID -> spent(code);
        };
    }

    /**
     * A link that cannot be used: one used already says that its address is confirmed (200; nothing is sent again),
     * any other is not valid (410).
     */
    private MutableHttpResponse<?> spent(String code) {
        return mailing.used(code) ? page(HttpStatus.OK, "used", null) : page(HttpStatus.GONE, "invalid", null);
    }

    private MutableHttpResponse<?> page(HttpStatus status, String state, @Nullable String email) {
        return HttpResponse.status(status).body(new ModelAndView<>(VIEW, model(state, email)));
    }

    private Map<String, Object> model(String state, @Nullable String email) {
        Map<String, Object> model = new HashMap<>();
        model.put("state", state);
        model.put("contactEmail", email);
        model.put("mailsPerDay", mailing.perRecipientPerDay());
        return model;
    }
}
