package de.digitalcheck.portal.leads;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;

/** Webhook and mail delivery faults against the embedded H2 database (MySQL mode). */
@MicronautTest(transactional = false)
class WebhookFaultsIntegrationTest extends WebhookFaultsContract {
}
