package de.digitalcheck.portal.shared.config;

import io.micronaut.configuration.jdbc.hikari.DatasourceConfiguration;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The driver settings go to a MySQL URL's pool only, and a setting of the URL wins. */
class MySqlDriverTuningTest {

    @Test
    void aMySqlPoolGetsTheSettingsExceptThoseItsUrlSets() {
        DatasourceConfiguration mysql = configuration("jdbc:mysql://db:3306/portal?connectionTimeZone=UTC&useServerPrepStmts=false");
        assertThat(mysql.getDataSourceProperties()).doesNotContainKey("useServerPrepStmts")
            .containsEntry("cachePrepStmts", "true").containsEntry("prepStmtCacheSize", "100")
            .containsEntry("useLocalSessionState", "true");
        DatasourceConfiguration plain = configuration("jdbc:mysql://db:3306/portal");
        assertThat(plain.getDataSourceProperties()).containsAllEntriesOf(MySqlDriverTuning.SETTINGS);
    }

    @Test
    void h2IsLeftAlone() {
        // H2's driver refuses connection settings it does not know
        assertThat(configuration("jdbc:h2:file:./data/portal;MODE=MySQL").getDataSourceProperties()).isEmpty();
    }

    private static DatasourceConfiguration configuration(String url) {
        DatasourceConfiguration config = new DatasourceConfiguration("test");
        config.setUrl(url);
        return MySqlDriverTuning.apply(config);
    }
}
