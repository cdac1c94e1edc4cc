package de.digitalcheck.portal.shared.mail;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;

/** The mail outbox against H2. */
@MicronautTest(transactional = false)
class MailOutboxIntegrationTest extends MailOutboxContract {
}
