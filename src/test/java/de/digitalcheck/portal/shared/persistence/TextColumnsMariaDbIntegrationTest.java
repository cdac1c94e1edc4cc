package de.digitalcheck.portal.shared.persistence;

import de.digitalcheck.portal.support.OnMariaDb;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;

import java.util.Map;

/** Text columns and their limits against MySQL/MariaDB (counts characters). */
@OnMariaDb
@MicronautTest(environments = "mariadb", transactional = false)
class TextColumnsMariaDbIntegrationTest extends TextColumnsContract {

    @Override
    public Map<String, String> getProperties() {
        return Map.of();
    }
}
