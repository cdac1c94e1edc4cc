package de.digitalcheck.portal.leads;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;

/** The leads' retention period against H2. */
@MicronautTest(transactional = false)
class LeadRetentionIntegrationTest extends LeadRetentionContract {
}
