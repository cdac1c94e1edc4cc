package de.digitalcheck.portal.bench;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The benchmark's own MariaDB/MySQL database (never the tests' or anyone else's): create, count, verify. */
final class BenchDatabase {

    private final String host;
    private final int port;
    private final String name;
    private final String user;
    private final String password;

    BenchDatabase(String host, int port, String name, String user, String password) {
        if (!name.matches("[A-Za-z0-9_]+")) {
            throw new IllegalArgumentException("database name must be [A-Za-z0-9_]+: " + name);
        }
        this.host = host;
        this.port = port;
        this.name = name;
        this.user = user;
        this.password = password;
    }

    /** The JDBC URL parameters of the project's MariaDB test configuration: the benchmark's default. */
    static final String DEFAULT_PARAMS = "connectionTimeZone=UTC&forceConnectionTimeZoneToSession=true";

    /** The JDBC URL the portal gets as DB_URL (as in the project's MariaDB test configuration). */
    String url() {
        return url(DEFAULT_PARAMS);
    }

    String url(String params) {
        return "jdbc:mysql://" + host + ":" + port + "/" + name + "?" + params;
    }

    String name() {
        return name;
    }

    private Connection server() throws SQLException {
        return DriverManager.getConnection("jdbc:mysql://" + host + ":" + port + "/", user, password);
    }

    /** A connection to the bench database (the leads scenario reads and writes its rows with it). */
    Connection connection() throws SQLException {
        return database();
    }

    private Connection database() throws SQLException {
        return DriverManager.getConnection(url(), user, password);
    }

    /** Drops and creates the database, so that the next start runs every migration. */
    void recreate() throws SQLException {
        try (Connection c = server(); Statement s = c.createStatement()) {
            s.execute("DROP DATABASE IF EXISTS " + name);
            s.execute("CREATE DATABASE " + name + " CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci");
        }
    }

    String serverVersion() throws SQLException {
        try (Connection c = server(); Statement s = c.createStatement(); ResultSet r = s.executeQuery("SELECT VERSION()")) {
            r.next();
            return r.getString(1);
        }
    }

    /** Server settings that decide the cost of a commit. */
    Map<String, String> durabilitySettings() throws SQLException {
        Map<String, String> settings = new LinkedHashMap<>();
        try (Connection c = server(); Statement s = c.createStatement();
             ResultSet r = s.executeQuery("SHOW VARIABLES WHERE Variable_name IN ('innodb_flush_log_at_trx_commit',"
                 + "'sync_binlog','log_bin','innodb_buffer_pool_size','max_connections')")) {
            while (r.next()) {
                settings.put(r.getString(1), r.getString(2));
            }
        }
        return settings;
    }

    long assessmentRows() throws SQLException {
        try (Connection c = database(); Statement s = c.createStatement();
             ResultSet r = s.executeQuery("SELECT COUNT(*) FROM assessment")) {
            r.next();
            return r.getLong(1);
        }
    }

    /** How many of these ids exist as completed assessments (each id counted once). */
    long completedAmong(List<String> ids) throws SQLException {
        long found = 0;
        try (Connection c = database()) {
            for (int from = 0; from < ids.size(); from += 500) {
                List<String> batch = ids.subList(from, Math.min(ids.size(), from + 500));
                String marks = String.join(",", Collections.nCopies(batch.size(), "?"));
                try (PreparedStatement p = c.prepareStatement(
                    "SELECT COUNT(*) FROM assessment WHERE status = 'COMPLETED' AND id IN (" + marks + ")")) {
                    for (int i = 0; i < batch.size(); i++) {
                        p.setString(i + 1, batch.get(i));
                    }
                    try (ResultSet r = p.executeQuery()) {
                        r.next();
                        found += r.getLong(1);
                    }
                }
            }
        }
        return found;
    }

    /** Benchmark rows whose agency differs from the one the demo data routes their postal code to. */
    List<String> misrouted() throws SQLException {
        List<String> problems = new ArrayList<>();
        try (Connection c = database(); Statement s = c.createStatement();
             ResultSet r = s.executeQuery("SELECT postal_code, ags, agency_id, COUNT(*) FROM assessment "
                 + "WHERE company_name LIKE 'Benchmark GmbH %' GROUP BY postal_code, ags, agency_id")) {
            while (r.next()) {
                String postalCode = r.getString(1);
                String agency = r.getString(3);
                String expected = AssessmentBodies.LOCATIONS.stream().filter(l -> l.postalCode().equals(postalCode))
                    .map(AssessmentBodies.Location::agencyId).findFirst().orElse("?");
                if (!expected.equals(agency)) {
                    problems.add(r.getLong(4) + " rows with " + postalCode + "/" + r.getString(2) + " routed to " + agency
                        + " instead of " + expected);
                }
            }
        }
        return problems;
    }
}
