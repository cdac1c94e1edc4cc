package de.digitalcheck.portal.leads.internal;

import de.digitalcheck.portal.support.OnMariaDb;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;

/** Webhook secrets changed at the same moment, on MySQL/MariaDB. */
@OnMariaDb
@MicronautTest(environments = "mariadb", transactional = false)
class WebhookSecretsMariaDbIntegrationTest extends WebhookSecretsContract {
}
