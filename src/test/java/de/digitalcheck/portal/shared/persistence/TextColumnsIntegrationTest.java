package de.digitalcheck.portal.shared.persistence;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;

import java.util.Map;

/** Text columns and their limits against H2 (counts UTF-16 units). */
@MicronautTest(transactional = false)
class TextColumnsIntegrationTest extends TextColumnsContract {

    @Override
    public Map<String, String> getProperties() {
        return Map.of();
    }
}
