package de.digitalcheck.portal.leads.web;

import de.digitalcheck.portal.shared.i18n.Dates;
import de.digitalcheck.portal.shared.i18n.Language;
import de.digitalcheck.portal.shared.i18n.Messages;
import de.digitalcheck.portal.shared.web.PageRenderer;
import de.digitalcheck.portal.shared.web.PortalLocaleResolver;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Error;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

/**
 * A change posted on a lead's page (stage, assignment, forward) of a lead the staff's agency has forwarded away since
 * the page was read — in another tab, by a colleague, or by the same form sent twice — answers {@code 409} with the
 * forward's confirmation page saying where the lead went and when, nothing changed. It was a {@code 404} "page not
 * found" for a lead that exists. Only the agency that forwarded it learns this ({@code lead_departure}); any other
 * agency still finds no such lead.
 */
@Secured(SecurityRule.IS_ANONYMOUS)
@Controller
class LeadErrors {

    private final PageRenderer pages;
    private final Messages messages;

    LeadErrors(PageRenderer pages, Messages messages) {
        this.pages = pages;
        this.messages = messages;
    }

    /** The lead left the staff's agency: {@code agencyName} received it at {@code at}. */
    static final class ForwardedAway extends RuntimeException {

        final String agencyName;
        final Instant at;

        ForwardedAway(String agencyName, Instant at) {
            super("the lead was forwarded away", null, false, false);
            this.agencyName = agencyName;
            this.at = at;
        }
    }

    @Error(exception = ForwardedAway.class, global = true)
    HttpResponse<?> forwardedAway(HttpRequest<?> request, ForwardedAway e) {
        Language language = PortalLocaleResolver.language(request);
        Map<String, Object> model = new HashMap<>();
        model.put("agencyName", e.agencyName);
        model.put("already", messages.get(language, "leads.forward.already", e.agencyName,
            Dates.dateTime(language, e.at)));
        return pages.render(request, HttpStatus.CONFLICT, LeadForwardPages.FORWARDED_VIEW, model);
    }
}
