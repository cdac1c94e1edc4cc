package de.digitalcheck.portal.booking;

import de.digitalcheck.portal.support.OnMariaDb;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;

/** The reminder job against MySQL/MariaDB: two instances claiming the same reminders. */
@OnMariaDb
@MicronautTest(environments = "mariadb", transactional = false)
class ReminderMariaDbIntegrationTest extends ReminderContract {
}
