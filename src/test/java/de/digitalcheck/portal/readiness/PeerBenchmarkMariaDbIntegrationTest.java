package de.digitalcheck.portal.readiness;

import de.digitalcheck.portal.support.OnMariaDb;
import io.micronaut.context.annotation.Property;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;

/** The peer comparison on MySQL/MariaDB, with the production cache time. */
@OnMariaDb
@MicronautTest(environments = "mariadb", transactional = false)
@Property(name = "portal.peers.cache-seconds", value = "300")
class PeerBenchmarkMariaDbIntegrationTest extends PeerBenchmarkContract {
}
