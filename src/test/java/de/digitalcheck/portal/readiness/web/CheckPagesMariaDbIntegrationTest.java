package de.digitalcheck.portal.readiness.web;

import de.digitalcheck.portal.support.OnMariaDb;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;

/** The self-check pages against MySQL/MariaDB. */
@OnMariaDb
@MicronautTest(environments = "mariadb", transactional = false)
class CheckPagesMariaDbIntegrationTest extends CheckPagesContract {
}
