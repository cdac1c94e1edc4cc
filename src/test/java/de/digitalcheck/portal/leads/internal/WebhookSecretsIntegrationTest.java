package de.digitalcheck.portal.leads.internal;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;

/** Webhook secrets changed at the same moment, on H2. */
@MicronautTest(transactional = false)
class WebhookSecretsIntegrationTest extends WebhookSecretsContract {
}
