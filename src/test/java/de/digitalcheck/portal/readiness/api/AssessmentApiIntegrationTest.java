package de.digitalcheck.portal.readiness.api;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;

/** The API contract against the embedded H2 database (MySQL mode). */
@MicronautTest(transactional = false)
class AssessmentApiIntegrationTest extends AssessmentApiContract {
}
