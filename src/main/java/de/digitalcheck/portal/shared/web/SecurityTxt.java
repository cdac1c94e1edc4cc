package de.digitalcheck.portal.shared.web;

import de.digitalcheck.portal.shared.config.OperatorDetails;
import de.digitalcheck.portal.shared.config.PortalSettings;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

/**
 * {@code /.well-known/security.txt} (RFC 9116, recommended by the BSI for public bodies): where to report a security
 * problem of this installation, from {@code OPERATOR_SECURITY_CONTACT} (and {@code OPERATOR_SECURITY_POLICY}). The
 * file is written from the running configuration, so its {@code Expires} lies 180 days after the day it is asked for.
 * An installation without a contact has no file (404): the RFC requires one, and the portal does not guess it.
 */
@Secured(SecurityRule.IS_ANONYMOUS)
@Controller
class SecurityTxt {

    static final String PATH = "/.well-known/security.txt";
    static final Duration VALID = Duration.ofDays(180);

    private final OperatorDetails operator;
    private final PortalSettings settings;
    private final Clock clock;

    SecurityTxt(OperatorDetails operator, PortalSettings settings, Clock clock) {
        this.operator = operator;
        this.settings = settings;
        this.clock = clock;
    }

    @Get(value = PATH, produces = "text/plain;charset=utf-8")
    HttpResponse<String> file() {
        List<String> contacts = operator.securityContacts();
        if (contacts.isEmpty()) {
            return HttpResponse.notFound();
        }
        StringBuilder text = new StringBuilder();
        contacts.forEach(contact -> text.append("Contact: ").append(contact).append('\n'));
        Instant expires = Instant.now(clock).truncatedTo(ChronoUnit.DAYS).plus(VALID);
        text.append("Expires: ").append(expires).append('\n');
        String policy = operator.securityPolicy();
        if (policy != null && policy.startsWith("https://")) {
            text.append("Policy: ").append(policy).append('\n');
        }
        text.append("Preferred-Languages: de, en\n");
        text.append("Canonical: ").append(settings.link(PATH)).append('\n');
        return HttpResponse.ok(text.toString());
    }
}
