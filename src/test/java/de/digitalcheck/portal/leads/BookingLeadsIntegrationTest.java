package de.digitalcheck.portal.leads;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;

/** Booking consent → lead against the embedded H2 database (MySQL mode). */
@MicronautTest(transactional = false)
class BookingLeadsIntegrationTest extends BookingLeadsContract {
}
