package de.digitalcheck.portal.booking;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;

/** The address of a visit at the company against the embedded H2 database (MySQL mode). */
@MicronautTest(transactional = false)
class VisitAddressIntegrationTest extends VisitAddressContract {
}
