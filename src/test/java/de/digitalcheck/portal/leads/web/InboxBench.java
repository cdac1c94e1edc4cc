package de.digitalcheck.portal.leads.web;

import de.digitalcheck.portal.leads.internal.LeadInbox;
import de.digitalcheck.portal.support.LeadSeed;
import io.micronaut.context.ApplicationContext;
import io.micronaut.http.simple.SimpleHttpParameters;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * The inbox benchmark (issue 13, SPEC §10: "an agency inbox page ≤ 50 ms with 10,000 leads of the agency"): on
 * MySQL/MariaDB ({@code TEST_MYSQL_URL}, schema migrated afresh), 10,000 leads of one agency and 90,000 of nine
 * others; then the server-side work of the inbox's first page (the filter parsed as the page parses it, the page of
 * leads, the counts per stage and the overdue count: {@link LeadInbox#page}) with no filter and with each single
 * filter, median and p95 of {@value #RUNS} runs after {@value #WARMUP} warm-up runs; and the CSV export of the
 * agency's 10,000 leads through the same streamed {@link InboxCsv} the page uses, until its last byte. Run by
 * {@code bench/inbox.sh}; not a test (no class name ending in Test).
 */
public final class InboxBench {

    static final int WARMUP = 20;
    static final int RUNS = 100;
    static final String AGENCY = "bench-inbox";

    public static void main(String[] args) throws Exception {
        try (ApplicationContext context = ApplicationContext.run(Map.of("micronaut.server.port", "-1",
            "portal.webhooks.dispatch", "false"), "test", "mariadb")) {
            seed(context.getBean(DataSource.class));
            LeadInbox inbox = context.getBean(LeadInbox.class);
            Map<String, String> filters = new LinkedHashMap<>();
            filters.put("none", "");
            filters.put("status=NEW", "status=NEW");
            filters.put("status=CONTACTED", "status=CONTACTED");
            filters.put("assignee=me", "assignee=me");
            filters.put("assignee=- (nobody)", "assignee=-");
            filters.put("overdue=true", "overdue=true");
            filters.put("from..to (one month)", "from=" + LocalDate.now().minusDays(60) + "&to=" + LocalDate.now().minusDays(30));
            filters.put("municipality=Witten", "municipality=Witten");
            // the place's beginning in any case: a prefix, and one that no lead has (every lead of the agency read)
            filters.put("municipality=wit", "municipality=wit");
            filters.put("municipality=Zz (none)", "municipality=Zz");
            filters.put("level=3", "level=3");
            filters.put("sort=company", "sort=company");
            filters.put("sort=due", "sort=due");
            filters.put("page=40 (offset 975)", "page=40");
            System.out.println("| Inbox first page, filter | median ms | p95 ms | rows on page |");
            System.out.println("|---|---|---|---|");
            for (Map.Entry<String, String> f : filters.entrySet()) {
                SimpleHttpParameters params = new SimpleHttpParameters(new java.util.HashMap<>(),
                    io.micronaut.core.convert.ConversionService.SHARED);
                for (String pair : f.getValue().split("&")) {
                    if (!pair.isEmpty()) {
                        String[] kv = pair.split("=", 2);
                        params.add(kv[0], List.of(kv[1]));
                    }
                }
                LeadInbox.Scope scope = new LeadInbox.Scope(AGENCY);
                int rows = 0;
                double[] ms = new double[RUNS];
                for (int i = 0; i < WARMUP + RUNS; i++) {
                    long t0 = System.nanoTime();
                    LeadInbox.Page page = inbox.page(scope, InboxFilters.parse(params, "bench-staff-1", person -> true));
                    long t1 = System.nanoTime();
                    rows = page.items().size();
                    if (i >= WARMUP) {
                        ms[i - WARMUP] = (t1 - t0) / 1e6;
                    }
                }
                Arrays.sort(ms);
                System.out.printf(java.util.Locale.ROOT, "| %s | %.1f | %.1f | %d |%n", f.getKey(), ms[RUNS / 2],
                    ms[(int) Math.ceil(RUNS * 0.95) - 1], rows);
            }
            System.out.println();
            System.out.println("| CSV of the agency's leads (streamed, no filter) | run | ms | bytes |");
            System.out.println("|---|---|---|---|");
            for (int run = 1; run <= 5; run++) {
                long t0 = System.nanoTime();
                long bytes = InboxCsv.stream(inbox, new LeadInbox.Scope(AGENCY), LeadInbox.Filter.NONE,
                        new InboxCsv.Texts(context.getBean(de.digitalcheck.portal.shared.i18n.Messages.class),
                            context.getBean(de.digitalcheck.portal.shared.i18n.ConsentTextVersions.class),
                            de.digitalcheck.portal.shared.i18n.Language.DE))
                    .map(b -> (long) b.length).reduce(0L, Long::sum).block();
                long t1 = System.nanoTime();
                System.out.printf(java.util.Locale.ROOT, "| | %d | %.0f | %d |%n", run, (t1 - t0) / 1e6, bytes);
            }
        }
    }

    /** 10,000 leads of the agency and 90,000 of nine others, over the last 20 weeks, in JDBC batches. */
    static void seed(DataSource dataSource) throws Exception {
        Random random = new Random(13);
        String[] places = {"Witten", "Hattingen", "Schwelm", "Gevelsberg", "Sprockhövel", "Herdecke", "Wetter", "Ennepetal"};
        String[] stages = {"NEW", "NEW", "NEW", "CONTACTED", "CONTACTED", "QUALIFIED", "WON", "CLOSED", "REJECTED"};
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        long t0 = System.nanoTime();
        try (LeadSeed seed = new LeadSeed(dataSource)) {
            for (int i = 0; i < 100_000; i++) {
                String agency = i < 10_000 ? AGENCY : "bench-other-" + (i % 9);
                Instant created = now.minusSeconds(random.nextInt(140 * 86_400));
                String stage = stages[random.nextInt(stages.length)];
                Instant due = created.plus(2, ChronoUnit.DAYS);
                Instant first = "NEW".equals(stage) ? null : created.plusSeconds(random.nextInt(4 * 86_400));
                String assignee = random.nextInt(3) == 0 ? null : "bench-staff-" + random.nextInt(8);
                seed.add(agency, "Bench Firma " + i, places[random.nextInt(places.length)], random.nextInt(6), stage,
                    created, due, first, null, assignee);
            }
        }
        DataSource target = dataSource instanceof io.micronaut.data.connection.jdbc.advice.DelegatingDataSource contextual
            ? contextual.getTargetDataSource() : dataSource;
        try (Connection c = target.getConnection(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT COUNT(*), SUM(CASE WHEN agency_id = '" + AGENCY + "' THEN 1 ELSE 0 END) FROM agency_lead")) {
            rs.next();
            System.out.printf(java.util.Locale.ROOT, "Seeded in %.1f s: %d leads in the table, %d of %s%n%n",
                (System.nanoTime() - t0) / 1e9, rs.getLong(1), rs.getLong(2), AGENCY);
        }
    }

    private InboxBench() {
    }
}
