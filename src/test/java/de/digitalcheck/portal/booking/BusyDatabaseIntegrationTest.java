package de.digitalcheck.portal.booking;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;

/** A database too busy to answer in time, on H2. */
@MicronautTest(transactional = false)
class BusyDatabaseIntegrationTest extends BusyDatabaseContract {

    @Override
    String oneSecondLockWait() {
        return "SET LOCK_TIMEOUT 1000";
    }
}
