import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/**
 * What each statement of a submission with consent costs, without the portal (bench/README.md, "Leads (issue 12)"):
 * 16 connections run the transaction of a submission (the check's row) with none, some or all of the rows a consent
 * adds (lead, consent log, the agency's mail, the webhook row), through Connector/J with the portal's driver settings,
 * and the CPU of MariaDB ({@code /proc/<pid>/stat}) and of this process is divided by the transactions. The tables are
 * copied ({@code CREATE TABLE … LIKE}) from a migrated portal database and emptied before each variant.
 *
 * <pre>
 * java -cp ~/.m2/repository/com/mysql/mysql-connector-j/9.4.0/mysql-connector-j-9.4.0.jar bench/ConsentStatements.java \
 *   digitalcheck_bench $(pidof mariadbd) [seconds per variant, 8] [rounds, 2]
 * </pre>
 *
 * The first argument is a database the portal has migrated (e.g. the one {@code bench/run.sh} leaves); a database
 * {@code <it>_statements} is made beside it and dropped at the end.
 */
public class ConsentStatements {

    private static final int CONNECTIONS = 16;
    private static final String PARAMS = "?user=root&connectionTimeZone=UTC&forceConnectionTimeZoneToSession=true"
        // the portal's driver settings (shared.config.MySqlDriverTuning)
        + "&useServerPrepStmts=true&cachePrepStmts=true&prepStmtCacheSize=100&prepStmtCacheSqlLimit=2048"
        + "&useLocalSessionState=true&cacheResultSetMetadata=true";
    private static final String[] TABLES = {"assessment", "agency_lead", "lead_consent", "mail_outbox",
        "webhook_delivery", "webhook_endpoint"};
    private static final String PAYLOAD = "{\"type\":\"lead.created\",\"data\":{" + "\"k\":\"v\",".repeat(120) + "}}";
    private static final String MAIL_BODY = "Ein neuer Lead ist eingegangen. ".repeat(30);

    private record Variant(String name, int rows, boolean fewIndexes, boolean plainWebhookInsert) {
    }

    public static void main(String[] args) throws Exception {
        String source = args[0];
        long mariadb = Long.parseLong(args[1]);
        int seconds = args.length > 2 ? Integer.parseInt(args[2]) : 8;
        int rounds = args.length > 3 ? Integer.parseInt(args[3]) : 2;
        String db = source + "_statements";
        String server = "jdbc:mysql://127.0.0.1:3306/";
        try (Connection c = DriverManager.getConnection(server + PARAMS); Statement s = c.createStatement()) {
            s.execute("DROP DATABASE IF EXISTS " + db);
            s.execute("CREATE DATABASE " + db + " CHARACTER SET utf8mb4");
            for (String t : TABLES) {
                s.execute("CREATE TABLE " + db + "." + t + " LIKE " + source + "." + t);
            }
            s.execute("CREATE TABLE " + db + ".lead_few_indexes LIKE " + source + ".agency_lead");
            s.execute("ALTER TABLE " + db + ".lead_few_indexes DROP INDEX ix_agency_lead_inbox, DROP INDEX "
                + "ix_agency_lead_agency_created, DROP INDEX ix_agency_lead_agency_updated, DROP INDEX "
                + "ix_agency_lead_agency_company, DROP INDEX ix_agency_lead_agency_due, DROP INDEX "
                + "ix_agency_lead_agency_assignee");
            s.execute("INSERT INTO " + db + ".webhook_endpoint (agency_id, url, secret, enabled, updated_at) "
                + "VALUES ('dortmund', 'https://crm.example.org/hook', 'whsec_x', TRUE, NOW())");
        }
        List<Variant> variants = List.of(
            new Variant("the check alone (a submission without consent)", 0, false, false),
            new Variant("+ lead", 1, false, false),
            new Variant("+ lead, consent log", 2, false, false),
            new Variant("+ lead, consent log, mail", 3, false, false),
            new Variant("+ lead, consent log, mail, webhook row (a submission with consent)", 4, false, false),
            new Variant("the same, lead without its six inbox indexes", 4, true, false),
            new Variant("the same, webhook row by INSERT … VALUES instead of INSERT … SELECT", 4, false, true));
        String url = server + db + PARAMS;
        System.out.println("| variant | round | transactions/s | MariaDB µs per transaction | client µs per transaction |");
        System.out.println("|---|---|---|---|---|");
        try {
            for (int round = 1; round <= rounds; round++) {
                for (Variant v : variants) {
                    try (Connection c = DriverManager.getConnection(url); Statement s = c.createStatement()) {
                        for (String t : TABLES) {
                            if (!t.equals("webhook_endpoint")) {
                                s.execute("TRUNCATE TABLE " + t);
                            }
                        }
                        s.execute("TRUNCATE TABLE lead_few_indexes");
                    }
                    System.out.println(run(url, v, round, mariadb, seconds));
                }
            }
        } finally {
            try (Connection c = DriverManager.getConnection(server + PARAMS); Statement s = c.createStatement()) {
                s.execute("DROP DATABASE IF EXISTS " + db);
            }
        }
    }

    private static String run(String url, Variant v, int round, long mariadb, int seconds) throws Exception {
        AtomicLong done = new AtomicLong();
        AtomicBoolean measuring = new AtomicBoolean();
        AtomicBoolean stop = new AtomicBoolean();
        List<Thread> threads = new ArrayList<>();
        for (int i = 0; i < CONNECTIONS; i++) {
            Thread t = new Thread(() -> {
                try (Connection c = DriverManager.getConnection(url)) {
                    while (!stop.get()) {
                        c.setAutoCommit(false);
                        transaction(c, v);
                        c.commit();
                        c.setAutoCommit(true);
                        if (measuring.get()) {
                            done.incrementAndGet();
                        }
                    }
                } catch (SQLException e) {
                    throw new IllegalStateException(e);
                }
            });
            t.start();
            threads.add(t);
        }
        Thread.sleep(4000); // warm-up
        long self = ProcessHandle.current().pid();
        long db0 = ticks(mariadb);
        long me0 = ticks(self);
        long t0 = System.nanoTime();
        measuring.set(true);
        Thread.sleep(seconds * 1000L);
        measuring.set(false);
        long db1 = ticks(mariadb);
        long me1 = ticks(self);
        double elapsed = (System.nanoTime() - t0) / 1e9;
        stop.set(true);
        for (Thread t : threads) {
            t.join();
        }
        long n = done.get();
        // clock ticks are 10 ms (USER_HZ 100)
        return String.format(Locale.ROOT, "| %s | %d | %.0f | %.0f | %.0f |", v.name(), round, n / elapsed,
            (db1 - db0) * 10_000.0 / n, (me1 - me0) * 10_000.0 / n);
    }

    private static void transaction(Connection c, Variant v) throws SQLException {
        String assessment = UUID.randomUUID().toString();
        String lead = UUID.randomUUID().toString();
        Timestamp now = new Timestamp(System.currentTimeMillis());
        try (PreparedStatement p = c.prepareStatement("INSERT INTO `assessment` (`token_hash`,`questionnaire_version`,"
            + "`status`,`language`,`company_name`,`postal_code`,`ags`,`municipality`,`sector`,`employees`,`size_class`,"
            + "`company_type`,`contact_name`,`contact_email`,`contact_phone`,`answers`,`score`,`overall_level`,"
            + "`level_strategy`,`level_factory`,`level_operations`,`level_products`,`level_services`,`level_employees`,"
            + "`agency_id`,`previous_id`,`created_at`,`updated_at`,`completed_at`,`revision`,`id`) "
            + "VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)")) {
            Object[] values = {(assessment + assessment).substring(0, 64), "2025-1", "COMPLETED", "de",
                "Muster Metallbau GmbH", "44135", "05913000", "Dortmund", "C", 42, "SMALL", "OWN_PRODUCTS",
                "Erika Mustermann", assessment + "@example.org", "+49 231 1234567",
                "{\"strategy-roadmap-1\":\"strategy-roadmap-1-3\",".repeat(35) + "}", 2.3, 2, 2, 2, 2, 2, 2, 2, null,
                null, now, now, now, 0, assessment};
            bind(p, values);
            p.executeUpdate();
        }
        if (v.rows() >= 1) {
            try (PreparedStatement p = c.prepareStatement("INSERT INTO `" + (v.fewIndexes() ? "lead_few_indexes" : "agency_lead")
                + "` (`agency_id`,`open_key`,`status`,`source`,`assessment_id`,`company_name`,`postal_code`,"
                + "`municipality`,`ags`,`sector`,`employees`,`company_type`,`contact_name`,`contact_email`,`contact_phone`,"
                + "`score`,`overall_level`,`consent_version`,`consent_language`,`consent_at`,`contact_due_at`,"
                + "`withdrawn_at`,`created_at`,`updated_at`,`stage`,`assignee_id`,`assignee_name`,`first_contact_at`,"
                + "`escalated_at`,`lock_version`,`id`) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)")) {
                Object[] values = {"dortmund", "dortmund|" + assessment + "@example.org", "OPEN", "api", assessment,
                    "Muster Metallbau GmbH", "44135", "Dortmund", "05913000", "C", 42, "OWN_PRODUCTS", "Erika Mustermann",
                    assessment + "@example.org", "+49 231 1234567", 2.3, 2, "2025-11", "de", now, now, null, now, now,
                    "NEW", null, null, null, null, 0, lead};
                bind(p, values);
                p.executeUpdate();
            }
        }
        if (v.rows() >= 2) {
            try (PreparedStatement p = c.prepareStatement("INSERT INTO `lead_consent` (`lead_id`,`assessment_id`,`source`,"
                + "`text_version`,`language`,`given_at`,`withdrawn_at`,`made_lead`,`id`) VALUES (?,?,?,?,?,?,?,?,?)")) {
                bind(p, new Object[] {lead, assessment, "api", "2025-11", "de", now, null, true,
                    UUID.randomUUID().toString()});
                p.executeUpdate();
            }
        }
        if (v.rows() >= 3) {
            try (PreparedStatement p = c.prepareStatement("INSERT INTO `mail_outbox` (`recipient`,`subject`,`body`,"
                + "`attachment_name`,`attachment_type`,`attachment`,`created_at`,`attempts`,`next_attempt_at`,"
                + "`claimed_until`,`last_error`,`id`) VALUES (?,?,?,?,?,?,?,?,?,?,?,?)")) {
                bind(p, new Object[] {"leads@dortmund.example.org", "Neuer Lead: Muster Metallbau GmbH", MAIL_BODY, null,
                    null, null, now, 0, now, null, null, UUID.randomUUID().toString()});
                p.executeUpdate();
            }
        }
        if (v.rows() >= 4) {
            String sql = v.plainWebhookInsert()
                ? "INSERT INTO webhook_delivery (id, lead_id, event_type, payload, state, attempts, next_attempt_at, "
                    + "created_at, agency_id) VALUES (?, ?, ?, ?, 'PENDING', 0, ?, ?, ?)"
                : "INSERT INTO webhook_delivery (id, agency_id, lead_id, event_type, payload, state, attempts, "
                    + "next_attempt_at, created_at) SELECT ?, agency_id, ?, ?, ?, 'PENDING', 0, ?, ? "
                    + "FROM webhook_endpoint WHERE agency_id = ?";
            try (PreparedStatement p = c.prepareStatement(sql)) {
                bind(p, new Object[] {"msg_" + UUID.randomUUID().toString().replace("-", ""), lead, "lead.created",
                    PAYLOAD, now, now, "dortmund"});
                p.executeUpdate();
            }
        }
    }

    private static void bind(PreparedStatement p, Object[] values) throws SQLException {
        for (int i = 0; i < values.length; i++) {
            p.setObject(i + 1, values[i]);
        }
    }

    private static long ticks(long pid) throws Exception {
        String stat = Files.readString(Path.of("/proc/" + pid + "/stat"));
        String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        return Long.parseLong(f[11]) + Long.parseLong(f[12]); // utime + stime
    }
}
