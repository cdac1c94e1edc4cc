package de.digitalcheck.portal.leads;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;

/** A consent given again against the embedded H2 database (MySQL mode). */
@MicronautTest(transactional = false)
class RepeatedConsentIntegrationTest extends RepeatedConsentContract {
}
