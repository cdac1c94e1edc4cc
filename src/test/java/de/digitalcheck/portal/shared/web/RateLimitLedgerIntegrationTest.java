package de.digitalcheck.portal.shared.web;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;

/** The rate limits' ledger against the embedded H2 database (MySQL mode). */
@MicronautTest(transactional = false)
class RateLimitLedgerIntegrationTest extends RateLimitLedgerContract {
}
