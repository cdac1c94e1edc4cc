package de.digitalcheck.portal.booking;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;

/** Outcomes and the coach's feed against the embedded H2 database (MySQL mode). */
@MicronautTest(transactional = false)
class OutcomeIntegrationTest extends OutcomeContract {
}
