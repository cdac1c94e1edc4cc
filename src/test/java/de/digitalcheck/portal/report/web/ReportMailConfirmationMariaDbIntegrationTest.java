package de.digitalcheck.portal.report.web;

import de.digitalcheck.portal.support.OnMariaDb;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;

/** The report mail's confirmation against MySQL/MariaDB. */
@OnMariaDb
@MicronautTest(environments = "mariadb", transactional = false)
class ReportMailConfirmationMariaDbIntegrationTest extends ReportMailConfirmationContract {
}
