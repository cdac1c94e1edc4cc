package de.digitalcheck.portal;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;

/** Two people editing one thing at the same moment, on H2. */
@MicronautTest(transactional = false)
class EditRacesIntegrationTest extends EditRacesContract {
}
