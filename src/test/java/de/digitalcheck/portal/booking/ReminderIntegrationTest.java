package de.digitalcheck.portal.booking;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;

/** The reminder job against the embedded H2 database (MySQL mode). */
@MicronautTest(transactional = false)
class ReminderIntegrationTest extends ReminderContract {
}
