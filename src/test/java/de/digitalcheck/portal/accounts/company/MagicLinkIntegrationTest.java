package de.digitalcheck.portal.accounts.company;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;

/** Magic links against H2. */
@MicronautTest(transactional = false)
class MagicLinkIntegrationTest extends MagicLinkContract {
}
