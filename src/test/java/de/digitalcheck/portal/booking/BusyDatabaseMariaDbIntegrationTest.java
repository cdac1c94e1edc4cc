package de.digitalcheck.portal.booking;

import de.digitalcheck.portal.support.OnMariaDb;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;

/** A database too busy to answer in time, on MySQL/MariaDB: the lock wait timeout production meets. */
@OnMariaDb
@MicronautTest(environments = "mariadb", transactional = false)
class BusyDatabaseMariaDbIntegrationTest extends BusyDatabaseContract {

    @Override
    String oneSecondLockWait() {
        return "SET SESSION innodb_lock_wait_timeout = 1";
    }
}
