package de.digitalcheck.portal.leads;

import de.digitalcheck.portal.support.OnMariaDb;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;

/** The escalation of overdue leads against MySQL/MariaDB. */
@OnMariaDb
@MicronautTest(environments = "mariadb", transactional = false)
class LeadEscalationMariaDbIntegrationTest extends LeadEscalationContract {
}
