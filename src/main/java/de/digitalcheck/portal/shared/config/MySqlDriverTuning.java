package de.digitalcheck.portal.shared.config;

import io.micronaut.configuration.jdbc.hikari.DatasourceConfiguration;
import io.micronaut.context.event.BeanCreatedEvent;
import io.micronaut.context.event.BeanCreatedEventListener;
import jakarta.inject.Singleton;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * MySQL Connector/J settings for a pool on MySQL/MariaDB (the H2 of the embedded default is left alone): the
 * statements are prepared once per connection on the server and kept (the portal runs a few dozen fixed
 * statements; a wide insert such as a lead's is then sent as binary values instead of a SQL text built and escaped
 * per call), and the driver keeps the session's state locally instead of asking the server. These are the settings
 * HikariCP recommends for MySQL, with 100 statements kept per connection (not 250): the server holds them, and
 * replicas × pool size × 100 must stay below its {@code max_prepared_stmt_count} (16 382 by default; the chart's six
 * replicas with 16 connections hold at most 9 600). Measured in {@code bench/README.md} (leads: submissions with
 * consent 346/s instead of 260/s, without 914/s instead of 800/s). A parameter of the same name in {@code DB_URL}
 * wins ({@code useServerPrepStmts=false} turns the server side off).
 */
@Singleton
class MySqlDriverTuning implements BeanCreatedEventListener<DatasourceConfiguration> {

    static final Map<String, String> SETTINGS = settings();

    private static Map<String, String> settings() {
        Map<String, String> s = new LinkedHashMap<>();
        s.put("useServerPrepStmts", "true");
        s.put("cachePrepStmts", "true");
        s.put("prepStmtCacheSize", "100");
        s.put("prepStmtCacheSqlLimit", "2048");
        s.put("useLocalSessionState", "true");
        s.put("cacheResultSetMetadata", "true");
        return Map.copyOf(s);
    }

    @Override
    public DatasourceConfiguration onCreated(BeanCreatedEvent<DatasourceConfiguration> event) {
        return apply(event.getBean());
    }

    /** Adds the settings to a pool on a {@code jdbc:mysql:} URL, except those the URL or the configuration sets. */
    static DatasourceConfiguration apply(DatasourceConfiguration config) {
        String url = config.getUrl();
        if (url != null && url.toLowerCase(Locale.ROOT).startsWith("jdbc:mysql:")) {
            String query = url.contains("?") ? url.substring(url.indexOf('?') + 1).toLowerCase(Locale.ROOT) : "";
            SETTINGS.forEach((name, value) -> {
                if (!query.contains(name.toLowerCase(Locale.ROOT) + "=")
                    && !config.getDataSourceProperties().containsKey(name)) {
                    config.addDataSourceProperty(name, value);
                }
            });
        }
        return config;
    }
}
