package de.digitalcheck.portal.booking;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;

/** A coach's calendar through its pages against the embedded H2 database (MySQL mode). */
@MicronautTest(transactional = false)
class CoachCalendarIntegrationTest extends CoachCalendarContract {
}
