package de.digitalcheck.portal.leads.internal;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;

/** The agency API's tokens and cursor query on H2. */
@MicronautTest(transactional = false)
class AgencyApiStoreIntegrationTest extends AgencyApiStoreContract {
}
