package de.digitalcheck.portal.booking;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;

/** Booking against the embedded H2 database (MySQL mode). */
@MicronautTest(transactional = false)
class BookingIntegrationTest extends BookingContract {
}
