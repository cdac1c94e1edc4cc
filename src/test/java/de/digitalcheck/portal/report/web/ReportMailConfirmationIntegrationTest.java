package de.digitalcheck.portal.report.web;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;

/** The report mail's confirmation against H2. */
@MicronautTest(transactional = false)
class ReportMailConfirmationIntegrationTest extends ReportMailConfirmationContract {
}
