package de.digitalcheck.portal.shared.config;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The start refuses a MySQL/MariaDB database that is not utf8mb4 or whose session is not in UTC, saying which. */
class DatabaseSettingsCheckTest {

    @Test
    void utf8mb4InUtcPasses() {
        assertThatCode(() -> DatabaseSettingsCheck.problem("utf8mb4", 0)).doesNotThrowAnyException();
        assertThatCode(() -> DatabaseSettingsCheck.problem("UTF8MB4", 0)).doesNotThrowAnyException();
    }

    @Test
    void anotherCharacterSetOrTimeZoneIsOneLineSayingWhatIsWrong() {
        assertThatThrownBy(() -> DatabaseSettingsCheck.problem("latin1", 0)).isInstanceOf(StartupProblem.class)
            .hasMessageStartingWith("the database uses the character set latin1, it must be utf8mb4");
        assertThatThrownBy(() -> DatabaseSettingsCheck.problem("utf8mb4", 3600)).isInstanceOf(StartupProblem.class)
            .hasMessageStartingWith("the database session runs 3600 s away from UTC, it must run in UTC")
            .hasMessageContaining("connectionTimeZone=UTC&forceConnectionTimeZoneToSession=true");
    }
}
