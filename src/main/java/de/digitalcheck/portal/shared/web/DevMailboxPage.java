package de.digitalcheck.portal.shared.web;

import de.digitalcheck.portal.shared.mail.DevMailbox;
import io.micronaut.context.annotation.Requires;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Produces;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.micronaut.views.View;

import java.util.Map;

/** Shows the dev mailbox (embedded default only). */
@Controller
@Secured(SecurityRule.IS_ANONYMOUS)
@Requires(bean = DevMailbox.class)
@Produces(MediaType.TEXT_HTML)
class DevMailboxPage {

    private final DevMailbox mailbox;

    DevMailboxPage(DevMailbox mailbox) {
        this.mailbox = mailbox;
    }

    @Get("/dev/mailbox")
    @View("dev/mailbox")
    Map<String, Object> mailbox() {
        return Map.of("mails", mailbox.newestFirst());
    }
}
