package de.digitalcheck.portal.shared.web;

import de.digitalcheck.portal.shared.config.AccessibilityStatement;
import de.digitalcheck.portal.shared.config.OperatorDetails;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.micronaut.context.annotation.Value;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Produces;
import io.micronaut.views.View;

import java.time.Duration;
import java.util.Map;

/**
 * Imprint, privacy notice and accessibility statement (with the installation's {@link OperatorDetails} and
 * {@link AccessibilityStatement}) and licences (with the ODbL attribution
 * of the postal-code data).
 */
@Secured(SecurityRule.IS_ANONYMOUS)
@Controller
@Produces(MediaType.TEXT_HTML)
class LegalPages {

    private final Csrf csrf;
    private final OperatorDetails operator;
    private final AccessibilityStatement accessibility;
    private final long sessionSeconds;
    private final Duration drafts;
    private final int leadMonths;
    private final long rateLimitMinutes;

    LegalPages(Csrf csrf, OperatorDetails operator, AccessibilityStatement accessibility, RateLimits rateLimits,
               @Value("${micronaut.security.token.generator.access-token.expiration:28800}") long sessionSeconds,
               @Value("${portal.retention.drafts:180d}") Duration drafts,
               @Value("${portal.retention.lead-months:24}") int leadMonths) {
        this.csrf = csrf;
        this.operator = operator;
        this.accessibility = accessibility;
        this.leadMonths = leadMonths;
        this.sessionSeconds = sessionSeconds;
        this.drafts = drafts;
        // 0: no rate limits, no check values kept
        this.rateLimitMinutes = rateLimits.enabled() ? Math.max(1, (rateLimits.window().toSeconds() + 59) / 60) : 0;
    }

    @Indexable
    @Get("/impressum")
    @View("pages/imprint")
    Map<String, Object> imprint() {
        return Map.of("operator", operator);
    }

    /**
     * The privacy notice. The periods that can be configured come from the configuration, so that the page says what
     * this installation does: how long a staff session lasts, after how long untouched drafts are deleted, after how many
     * months closed leads are anonymised, how long the rate limits' check values are kept.
     */
    @Indexable
    @Get("/datenschutz")
    @View("pages/privacy")
    Map<String, Object> privacy() {
        return Map.of("csrfCookie", csrf.cookieName(), "sessionHours", Math.max(1, sessionSeconds / 3600),
            "draftDays", drafts.toDays(), "leadMonths", leadMonths, "rateLimitMinutes", rateLimitMinutes,
            "operator", operator);
    }

    /**
     * The accessibility statement: the operator's assessment where entered, how the portal is tested, where to report a
     * barrier, the enforcement procedure.
     */
    @Indexable
    @Get("/barrierefreiheit")
    @View("pages/accessibility")
    Map<String, Object> accessibility() {
        return Map.of("operator", operator, "statement", accessibility);
    }

    @Indexable
    @Get("/lizenzen")
    @View("pages/licences")
    Map<String, Object> licences() {
        return Map.of();
    }
}
