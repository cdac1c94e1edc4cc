package de.digitalcheck.portal.readiness.internal;

import io.micronaut.context.annotation.Property;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;

/** The self-check's write path against the embedded H2 database (MySQL mode). */
@MicronautTest(transactional = false)
@Property(name = "test.completion-listeners", value = "true")
class CheckCompletionIntegrationTest extends CheckCompletionContract {
}
