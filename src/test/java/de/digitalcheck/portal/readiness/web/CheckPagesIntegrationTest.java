package de.digitalcheck.portal.readiness.web;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;

/** The self-check pages against the embedded H2 database (MySQL mode). */
@MicronautTest(transactional = false)
class CheckPagesIntegrationTest extends CheckPagesContract {
}
