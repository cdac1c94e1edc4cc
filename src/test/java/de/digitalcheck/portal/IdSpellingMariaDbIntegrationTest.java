package de.digitalcheck.portal;

import de.digitalcheck.portal.support.OnMariaDb;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;

/** Ids spelled otherwise than stored, against MySQL/MariaDB (whose collations compare them as equal). */
@OnMariaDb
@MicronautTest(environments = "mariadb", transactional = false)
class IdSpellingMariaDbIntegrationTest extends IdSpellingIntegrationTest {
}
