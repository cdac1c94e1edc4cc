package de.digitalcheck.portal.bench;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

/**
 * The agency API's cursor query ({@code leads.internal.LeadFeed}, the same statement) on MySQL/MariaDB with 10,000
 * leads of one agency among 100,000: the first page, a page deep in the order (after 9,000 leads), a page with a status
 * filter and one with {@code since}; median and 95th percentile of 200 runs each, and the plan. Run by
 * {@code bench/agency-api.sh}; the database must hold the portal's schema (a MariaDB test run leaves it migrated).
 */
final class AgencyApiFeedBench {

    private static final String AGENCY = "bench-api";
    private static final String SQL = "SELECT * FROM agency_lead WHERE agency_id = ?%s ORDER BY updated_at ASC, id ASC LIMIT 51";

    public static void main(String[] args) throws Exception {
        String url = System.getenv().getOrDefault("BENCH_DB_URL",
            "jdbc:mysql://127.0.0.1:3306/test_a?connectionTimeZone=UTC&forceConnectionTimeZoneToSession=true");
        try (Connection c = DriverManager.getConnection(url, System.getenv().getOrDefault("BENCH_DB_USER", "root"),
            System.getenv().getOrDefault("BENCH_DB_PASSWORD", ""))) {
            fill(c);
            Instant base = Instant.parse("2026-01-01T00:00:00Z");
            Object[] deep = position(c, 9000);
            System.out.printf(Locale.ROOT, "| first page (50) | %s |%n", measure(c, "", AGENCY));
            System.out.printf(Locale.ROOT, "| page after 9,000 leads (cursor) | %s |%n", measure(c,
                " AND (updated_at > ? OR (updated_at = ? AND id > ?))", AGENCY, deep[0], deep[0], deep[1]));
            System.out.printf(Locale.ROOT, "| status=CONTACTED, first page | %s |%n", measure(c, " AND stage = ?", AGENCY,
                "CONTACTED"));
            System.out.printf(Locale.ROOT, "| since (last 10 %%), first page | %s |%n", measure(c, " AND updated_at >= ?",
                AGENCY, Timestamp.from(base.plusSeconds(60L * 9000))));
            try (PreparedStatement s = c.prepareStatement("EXPLAIN " + String.format(SQL,
                " AND (updated_at > ? OR (updated_at = ? AND id > ?))"))) {
                s.setString(1, AGENCY);
                s.setObject(2, deep[0]);
                s.setObject(3, deep[0]);
                s.setObject(4, deep[1]);
                try (ResultSet rs = s.executeQuery()) {
                    while (rs.next()) {
                        System.out.println("plan: key=" + rs.getString("key") + " rows=" + rs.getString("rows")
                            + " extra=" + rs.getString("Extra"));
                    }
                }
            }
        }
    }

    /** 100,000 leads, 10,000 of them the bench agency's, one a minute; only if not there yet. */
    private static void fill(Connection c) throws Exception {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(
            "SELECT COUNT(*) FROM agency_lead WHERE agency_id = '" + AGENCY + "'")) {
            rs.next();
            if (rs.getLong(1) >= 10_000) {
                return;
            }
        }
        c.setAutoCommit(false);
        Instant base = Instant.parse("2026-01-01T00:00:00Z");
        try (PreparedStatement s = c.prepareStatement("INSERT INTO agency_lead (id, agency_id, status, source, company_name, "
            + "consent_version, consent_language, consent_at, contact_due_at, created_at, updated_at, stage, lock_version) "
            + "VALUES (?, ?, 'OPEN', 'check', ?, 'v1', 'de', ?, ?, ?, ?, ?, 0)")) {
            for (int i = 0; i < 100_000; i++) {
                Timestamp at = Timestamp.from(base.plusSeconds(60L * (i / 10)));
                s.setString(1, UUID.randomUUID().toString());
                s.setString(2, i % 10 == 0 ? AGENCY : "bench-other-" + (i % 7));
                s.setString(3, "Bench " + i);
                s.setTimestamp(4, at);
                s.setTimestamp(5, at);
                s.setTimestamp(6, at);
                s.setTimestamp(7, at);
                s.setString(8, i % 3 == 0 ? "CONTACTED" : "NEW");
                s.addBatch();
                if (i % 1000 == 999) {
                    s.executeBatch();
                    c.commit();
                }
            }
        }
        c.setAutoCommit(true);
        try (Statement s = c.createStatement()) {
            s.execute("ANALYZE TABLE agency_lead");
        }
    }

    private static Object[] position(Connection c, int offset) throws Exception {
        try (PreparedStatement s = c.prepareStatement("SELECT updated_at, id FROM agency_lead WHERE agency_id = ? "
            + "ORDER BY updated_at, id LIMIT 1 OFFSET " + offset)) {
            s.setString(1, AGENCY);
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                return new Object[] {rs.getTimestamp(1), rs.getString(2)};
            }
        }
    }

    private static String measure(Connection c, String filter, Object... params) throws Exception {
        List<Long> nanos = new ArrayList<>();
        int rows = 0;
        try (PreparedStatement s = c.prepareStatement(String.format(SQL, filter))) {
            for (int run = 0; run < 250; run++) {
                for (int i = 0; i < params.length; i++) {
                    s.setObject(i + 1, params[i]);
                }
                long start = System.nanoTime();
                rows = 0;
                try (ResultSet rs = s.executeQuery()) {
                    while (rs.next()) {
                        rows++;
                    }
                }
                if (run >= 50) {
                    nanos.add(System.nanoTime() - start); // the first 50 warm up
                }
            }
        }
        Collections.sort(nanos);
        return String.format(Locale.ROOT, "%d rows | %.2f ms | %.2f ms", rows, nanos.get(nanos.size() / 2) / 1e6,
            nanos.get(nanos.size() * 95 / 100) / 1e6);
    }
}
