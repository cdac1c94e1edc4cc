package de.digitalcheck.portal.readiness;

import io.micronaut.context.annotation.Property;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;

/** The peer comparison on H2, with the production cache time. */
@MicronautTest(transactional = false)
@Property(name = "portal.peers.cache-seconds", value = "300")
class PeerBenchmarkIntegrationTest extends PeerBenchmarkContract {
}
