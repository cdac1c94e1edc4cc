package de.digitalcheck.portal.accounts;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;

/** An admin's change of an account racing its person's sign-ins, on H2. */
@MicronautTest(transactional = false)
class AccountRacesIntegrationTest extends AccountRacesContract {
}
