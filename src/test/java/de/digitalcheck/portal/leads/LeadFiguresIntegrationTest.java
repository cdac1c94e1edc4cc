package de.digitalcheck.portal.leads;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;

/** The dashboard's figures against H2. */
@MicronautTest(transactional = false)
class LeadFiguresIntegrationTest extends LeadFiguresContract {
}
