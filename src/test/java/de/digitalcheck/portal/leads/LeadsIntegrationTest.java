package de.digitalcheck.portal.leads;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;

/** Leads against the embedded H2 database (MySQL mode). */
@MicronautTest(transactional = false)
class LeadsIntegrationTest extends LeadsContract {
}
