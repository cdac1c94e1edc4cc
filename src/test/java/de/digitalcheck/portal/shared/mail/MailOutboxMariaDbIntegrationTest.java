package de.digitalcheck.portal.shared.mail;

import de.digitalcheck.portal.support.OnMariaDb;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;

/** The mail outbox against MySQL/MariaDB. */
@OnMariaDb
@MicronautTest(environments = "mariadb", transactional = false)
class MailOutboxMariaDbIntegrationTest extends MailOutboxContract {
}
