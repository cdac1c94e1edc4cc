package de.digitalcheck.portal.readiness.internal;

import de.digitalcheck.portal.support.OnMariaDb;
import io.micronaut.context.annotation.Property;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;

/** The self-check's write path against MySQL/MariaDB. */
@OnMariaDb
@MicronautTest(environments = "mariadb", transactional = false)
@Property(name = "test.completion-listeners", value = "true")
class CheckCompletionMariaDbIntegrationTest extends CheckCompletionContract {
}
