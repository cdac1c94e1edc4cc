package de.digitalcheck.portal.leads;

import de.digitalcheck.portal.support.OnMariaDb;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;

/** A consent given again against MySQL/MariaDB. */
@OnMariaDb
@MicronautTest(environments = "mariadb", transactional = false)
class RepeatedConsentMariaDbIntegrationTest extends RepeatedConsentContract {
}
