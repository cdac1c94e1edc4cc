package de.digitalcheck.portal.leads;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;

/** The escalation of overdue leads against H2. */
@MicronautTest(transactional = false)
class LeadEscalationIntegrationTest extends LeadEscalationContract {
}
