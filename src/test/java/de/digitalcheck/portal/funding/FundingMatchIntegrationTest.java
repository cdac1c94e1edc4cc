package de.digitalcheck.portal.funding;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;

/** Matched funding programmes against the embedded H2 database (MySQL mode). */
@MicronautTest(transactional = false)
class FundingMatchIntegrationTest extends FundingMatchContract {
}
