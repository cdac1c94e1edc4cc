package de.digitalcheck.portal.booking;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;

/** Moves racing for one time against the embedded H2 database (MySQL mode). */
@MicronautTest(transactional = false)
class RescheduleRaceIntegrationTest extends RescheduleRaceContract {
}
