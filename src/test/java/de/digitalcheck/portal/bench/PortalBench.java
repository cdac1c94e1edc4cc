package de.digitalcheck.portal.bench;

import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The SPEC §10 speed benchmark in one run (see {@code bench/README.md}; started by {@code bench/run.sh}):
 * <ol>
 *   <li>startup to ready against MariaDB: a first start on an empty database (migrations) and warm starts;</li>
 *   <li>a rendered questionnaire page against a bare Micronaut endpoint, as a throughput ratio;</li>
 *   <li>{@code POST /api/v1/assessments} per second, verified afterwards by SQL.</li>
 * </ol>
 * Configuration: system properties {@code bench.*} (see {@link Config}). Not a test: its name does not end in
 * Test, so surefire never runs it.
 */
public final class PortalBench {

    private static final String HOST = "127.0.0.1";

    /** Everything adjustable, from {@code -Dbench.*} system properties. */
    record Config(int port, String dbHost, int dbPort, String dbName, String dbUser, String dbPassword,
                  String appClasses, String benchClasses, String runtimeClasspath, List<String> appJvmOptions,
                  String blockingThreads, String poolSize, int warmStarts, int getConcurrency, int postConcurrency,
                  Duration warmup, Duration measure, Duration postMeasure, int samples, long maxRequests,
                  Set<String> scenarios, List<String> sweep, Duration sweepMeasure, double quietCores,
                  Duration quietWait, Path out, List<String> startupVariants, String dbUrlParams, int retries,
                  Duration pageWarmup) {

        static Config fromSystemProperties() throws IOException {
            String cpFile = prop("bench.runtimeClasspathFile", "target/bench/classpath-runtime.txt");
            String runtime = Files.readString(Path.of(cpFile)).trim();
            String jvm = prop("bench.appJvmOptions", "").trim();
            String sweep = prop("bench.sweep", "").trim();
            int port = Integer.parseInt(prop("bench.port", "0"));
            if (port == 0) {
                // a free port, so that a portal someone else runs (e.g. on 8080) is never disturbed
                port = BenchPorts.freePair();
            }
            return new Config(port, prop("bench.dbHost", "127.0.0.1"),
                Integer.parseInt(prop("bench.dbPort", "3306")), prop("bench.dbName", "digitalcheck_bench"),
                prop("bench.dbUser", "root"), prop("bench.dbPassword", ""),
                prop("bench.appClasses", "target/bench/app/digitalcheck-portal-0.1.0-SNAPSHOT.jar"), prop("bench.benchClasses", "target/bench/app/bench-classes"),
                runtime, jvm.isEmpty() ? List.of() : Arrays.asList(jvm.split("\\s+")),
                prop("bench.blockingThreads", ""), prop("bench.poolSize", ""),
                Integer.parseInt(prop("bench.warmStarts", "3")), Integer.parseInt(prop("bench.getConcurrency", "32")),
                Integer.parseInt(prop("bench.postConcurrency", "64")),
                Duration.ofSeconds(Long.parseLong(prop("bench.warmupSeconds", "20"))),
                Duration.ofSeconds(Long.parseLong(prop("bench.measureSeconds", "15"))),
                Duration.ofSeconds(Long.parseLong(prop("bench.postMeasureSeconds", "20"))),
                Integer.parseInt(prop("bench.samples", "10")), Long.parseLong(prop("bench.maxRequests", "5000000")),
                Set.of(prop("bench.scenarios", "startup,page,post").split(",")),
                sweep.isEmpty() ? List.of() : Arrays.asList(sweep.split(",")),
                Duration.ofSeconds(Long.parseLong(prop("bench.sweepMeasureSeconds", "10"))),
                Double.parseDouble(prop("bench.quietCores", "0.3")),
                Duration.ofSeconds(Long.parseLong(prop("bench.quietWaitSeconds", "180"))),
                Path.of(prop("bench.out", "target/bench")),
                prop("bench.startupVariants", "").isBlank() ? List.of()
                    : Arrays.stream(prop("bench.startupVariants", "").split(";")).map(String::trim).filter(v -> !v.isEmpty()).toList(),
                prop("bench.dbUrlParams", BenchDatabase.DEFAULT_PARAMS),
                Integer.parseInt(prop("bench.retries", "2")),
                // Thymeleaf/OGNL take long to reach steady state (the JIT compiles them only after thousands of pages)
                Duration.ofSeconds(Long.parseLong(prop("bench.pageWarmupSeconds", "60"))));
        }

        private static String prop(String name, String fallback) {
            String v = System.getProperty(name);
            return v == null || v.isBlank() ? fallback : v;
        }
    }

    private record Startup(String label, double readyMillis, Long logMillis, double cpuSeconds, Map<String, Double> cpuByKind,
                           double otherCores) {
    }

    private final Config config;
    private final BenchDatabase db;
    private final List<String> rows = new ArrayList<>();
    private final List<String> sweepRows = new ArrayList<>();
    private final List<String> startupVariantRows = new ArrayList<>();
    private double warmMedianCpu = Double.NaN;
    private double warmMedianReady = Double.NaN;
    private boolean lastConsistent;
    private final StringBuilder details = new StringBuilder();
    private final List<AppProcess> running = new ArrayList<>();
    private final LocalDateTime started = LocalDateTime.now();
    private final String sessionSecret = java.util.HexFormat.of().formatHex(java.security.SecureRandom.getSeed(32));
    private String pageCookies = "";
    /** The cookies of a browser that opens a check's link without having saved in it (no revision cookie). */
    private String linkCookies = "";

    private PortalBench(Config config) {
        this.config = config;
        this.db = new BenchDatabase(config.dbHost(), config.dbPort(), config.dbName(), config.dbUser(), config.dbPassword());
    }

    public static void main(String[] args) throws Exception {
        PortalBench bench = new PortalBench(Config.fromSystemProperties());
        Runtime.getRuntime().addShutdownHook(new Thread(bench::stopAll));
        int exit = bench.run();
        System.exit(exit);
    }

    private int run() throws Exception {
        Files.createDirectories(config.out());
        say("Digitalcheck 4.0 benchmark, " + started.format(DateTimeFormatter.ISO_LOCAL_DATE_TIME));
        say("machine: " + Runtime.getRuntime().availableProcessors() + " cores, Java " + System.getProperty("java.version")
            + ", " + db.serverVersion() + " " + db.durabilitySettings());
        say("portal on 127.0.0.1:" + config.port() + ", database " + config.dbName() + " (JDBC parameters " + config.dbUrlParams() + ")"
            + ", BLOCKING_THREADS=" + orDefault(config.blockingThreads(), "16 (default)")
            + ", DB_POOL_SIZE=" + orDefault(config.poolSize(), "16 (default)"));
        boolean allMet = true;
        if (config.scenarios().contains("startup")) {
            allMet &= startup();
        } else {
            db.recreate();
        }
        if (config.scenarios().contains("page") || config.scenarios().contains("post")) {
            try (AppProcess app = launch(true, config.blockingThreads(), config.poolSize(), "bench-app")) {
                app.awaitReady(180);
                if (config.scenarios().contains("page")) {
                    allMet &= pages(app);
                }
                if (config.scenarios().contains("post")) {
                    allMet &= assessments(app, config.postMeasure(), true, "post");
                }
            }
        }
        if (config.scenarios().contains("leads")) {
            allMet &= new LeadsBench(this).run();
        }
        for (String variant : config.sweep()) {
            sweep(variant);
        }
        String report = report();
        System.out.println();
        System.out.println(report);
        Path file = config.out().resolve("results-" + started.format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss")) + ".md");
        Files.writeString(file, report);
        System.out.println("(written to " + file + "; portal logs in " + config.out() + "/*.log)");
        return allMet ? 0 : 3;
    }

    // ------------------------------------------------------------------------------------------ 1. startup

    private boolean startup() throws Exception {
        db.recreate();
        waitForQuiet("first start");
        Startup first = startOnce("first start (empty database: migrations + demo data)", "startup-1-migrations");
        List<Startup> warm = new ArrayList<>();
        for (int i = 1; i <= config.warmStarts(); i++) {
            waitForQuiet("warm start " + i);
            warm.add(startOnce("warm start " + i, "startup-" + (i + 1) + "-warm"));
        }
        double[] ready = warm.stream().mapToDouble(Startup::readyMillis).sorted().toArray();
        long[] logged = warm.stream().filter(s -> s.logMillis() != null).mapToLong(Startup::logMillis).sorted().toArray();
        double medianReady = median(ready);
        warmMedianReady = medianReady;
        warmMedianCpu = median(warm.stream().mapToDouble(Startup::cpuSeconds).toArray());
        double medianLog = logged.length == 0 ? Double.NaN : median(Arrays.stream(logged).asDoubleStream().toArray());
        row("Startup to ready, first start (empty DB, migrations)", "≤ 2 s",
            String.format(Locale.ROOT, "%.2f s (log: %s)", first.readyMillis() / 1000, logText(first.logMillis())),
            first.readyMillis() <= 2000);
        row("Startup to ready, warm DB, plain `java` without the build's class-data-sharing archive (median of "
                + warm.size() + ")", "≤ 2 s",
            String.format(Locale.ROOT, "%.2f s (log: %.0f ms) [%s]", medianReady / 1000, medianLog,
                warm.stream().map(s -> String.format(Locale.ROOT, "%.2f", s.readyMillis() / 1000)).collect(Collectors.joining(", "))),
            medianReady <= 2000);
        details.append("\n### Startup\n\nTime from launching `java -cp <portal jar> ")
            .append(AppProcess.MAIN_CLASS).append("` (the runnable jar of `./mvnw package`, production configuration, `-Dportal.demo-data=true`) until ")
            .append("`GET /health` answers 200 (polled every 10 ms); \"log\" is the portal's own \"Startup completed in N ms\".\n\n");
        List<Startup> all = new ArrayList<>();
        all.add(first);
        all.addAll(warm);
        for (Startup s : all) {
            details.append(String.format(Locale.ROOT, "- %s: ready after %.0f ms, log %s; %.1f s of CPU used by then (%s); "
                    + "other processes used %.2f cores meanwhile%n", s.label(), s.readyMillis(), logText(s.logMillis()),
                s.cpuSeconds(), s.cpuByKind().entrySet().stream().map(e -> String.format(Locale.ROOT, "%s %.1f s", e.getKey(),
                    e.getValue() / 1000)).collect(Collectors.joining(", ")), s.otherCores()));
        }
        for (String variant : config.startupVariants()) {
            startupVariant(variant);
        }
        return first.readyMillis() <= 2000 && medianReady <= 2000;
    }

    /**
     * Warm starts with extra JVM options (e.g. {@code -XX:TieredStopAtLevel=1}), median of bench.warmStarts. By
     * default the archive is the one the build makes next to the jar. An option
     * {@code -XX:SharedArchiveFile=F} whose file does not exist yet is first trained (one start and stop with
     * {@code -XX:ArchiveClassesAtExit=F}): an application class-data-sharing archive.
     */
    private void startupVariant(String variant) throws Exception {
        List<String> options = Arrays.asList(variant.split("\\s+"));
        for (String o : options) {
            if (o.startsWith("-XX:SharedArchiveFile=")) {
                // relative to the directory the portal starts in, the jar's
                Path archive = Path.of(config.appClasses()).toAbsolutePath().getParent()
                    .resolve(o.substring("-XX:SharedArchiveFile=".length()));
                if (!Files.exists(archive)) {
                    List<String> training = options.stream().map(x -> x.equals(o) ? "-XX:ArchiveClassesAtExit=" + archive : x).toList();
                    say("training the class-data-sharing archive " + archive);
                    try (AppProcess app = launch(false, config.blockingThreads(), config.poolSize(), "startup-cds-training", training)) {
                        app.awaitReady(180);
                    }
                }
            }
        }
        List<Startup> runs = new ArrayList<>();
        for (int i = 1; i <= config.warmStarts(); i++) {
            waitForQuiet("warm start " + i + " with " + variant);
            runs.add(startOnce("warm start " + i + " with " + variant, "startup-variant-" + i, options));
        }
        double median = median(runs.stream().mapToDouble(Startup::readyMillis).toArray());
        double medianCpu = median(runs.stream().mapToDouble(Startup::cpuSeconds).toArray());
        double medianLog = median(runs.stream().filter(r -> r.logMillis() != null).mapToDouble(Startup::logMillis).toArray());
        String each = runs.stream().map(r -> String.format(Locale.ROOT, "%.2f", r.readyMillis() / 1000))
            .collect(Collectors.joining(", "));
        startupVariantRows.add(String.format(Locale.ROOT, "| `%s` | %.2f s | %.0f ms | %.1f s | %s |", variant, median / 1000,
            medianLog, medianCpu, each));
        // the packaged portal as the README starts it: only the archive (and -Xshare:on, which proves it was used)
        boolean shippedArchive = options.stream().allMatch(o -> o.equals("-Xshare:on") || o.startsWith("-XX:SharedArchiveFile="))
            && options.stream().anyMatch(o -> o.startsWith("-XX:SharedArchiveFile="));
        if (shippedArchive) {
            row("Startup to ready, warm DB, with the class-data-sharing archive (`" + variant + "`, median of "
                    + runs.size() + ")", "≤ 2 s",
                String.format(Locale.ROOT, "%.2f s (log: %.0f ms, %.1f s CPU) [%s]", median / 1000, medianLog, medianCpu, each),
                median <= 2000);
        }
    }

    private Startup startOnce(String label, String logName) throws Exception {
        return startOnce(label, logName, List.of());
    }

    private Startup startOnce(String label, String logName, List<String> extraJvmOptions) throws Exception {
        long[] machineBefore = CpuMeter.machineTicks();
        long dbBefore = CpuMeter.mariadb().map(CpuMeter::cpu).orElse(0L);
        try (AppProcess app = launch(false, config.blockingThreads(), config.poolSize(), logName, extraJvmOptions)) {
            double ready = app.awaitReady(180);
            double cpu = CpuMeter.cpu(app.handle()) / 1e9;
            long[] machineAfter = CpuMeter.machineTicks();
            long dbAfter = CpuMeter.mariadb().map(CpuMeter::cpu).orElse(0L);
            Map<String, Double> byKind = app.cpuByThreadKind();
            Long logged = app.startupLogMillis();
            // CPU of everything else on the machine while the portal started (other people's builds, not MariaDB)
            long total = machineAfter[CpuMeter.TOTAL] - machineBefore[CpuMeter.TOTAL];
            double busyCores = total <= 0 ? 0 : Runtime.getRuntime().availableProcessors()
                * (double) (machineAfter[CpuMeter.PROCESSES] - machineBefore[CpuMeter.PROCESSES]) / total;
            double other = Math.max(0, busyCores - (cpu + (dbAfter - dbBefore) / 1e9) / (ready / 1000));
            say(String.format(Locale.ROOT, "%s: ready after %.0f ms (log: %s), %.1f s CPU; other processes %.2f cores",
                label, ready, logText(logged), cpu, other));
            return new Startup(label, ready, logged, cpu, byKind, other);
        }
    }

    // ------------------------------------------------------------------------------------------ 2. pages

    private boolean pages(AppProcess app) throws Exception {
        String stepPath = createCheck();
        String token = stepPath.split("/")[2];
        byte[] bare = HttpConnection.get(HOST, config.port(), "/bench/bare", "text/plain");
        byte[] bareBlocking = HttpConnection.get(HOST, config.port(), "/bench/bare/blocking", "text/plain");
        byte[] lookup = HttpConnection.get(HOST, config.port(), "/bench/bare/lookup/" + token, "text/plain");
        // a returning browser: it sends back the cookies the portal set (e.g. the CSRF token's)
        byte[] page = withCookies(HttpConnection.get(HOST, config.port(), stepPath, "text/html"), pageCookies);
        byte[] pageFromLink = withCookies(HttpConnection.get(HOST, config.port(), stepPath, "text/html"), linkCookies);
        byte[] start = withCookies(HttpConnection.get(HOST, config.port(), "/check", "text/html"), pageCookies);
        try (HttpConnection c = new HttpConnection(HOST, config.port(), 10_000)) {
            for (byte[] request : List.of(bare, lookup)) {
                HttpConnection.Response b = c.send(request, true);
                if (b.status() != 200 || !b.bodyText().equals("ok")) {
                    throw new IllegalStateException("GET /bench/bare… answered " + b.status() + " " + b.bodyText()
                        + ": is the bench controller on the class path and micronaut.environments=bench set?");
                }
            }
            HttpConnection.Response p = c.send(page, true);
            HttpConnection.Response s = c.send(start, true);
            HttpConnection.Response l = c.send(pageFromLink, true);
            if (p.status() != 200 || !p.bodyText().contains("<form") || s.status() != 200 || !s.bodyText().contains("<form")
                || l.status() != 200 || !l.bodyText().equals(p.bodyText().replace(csrfOf(p.bodyText()), csrfOf(l.bodyText())))) {
                throw new IllegalStateException("GET " + stepPath + " answered " + p.status() + ", GET /check " + s.status()
                    + ", without the revision cookie " + l.status());
            }
            if (!pageCookies.contains("check_revision=")) {
                throw new IllegalStateException("POST /check set no revision cookie: " + pageCookies);
            }
            details.append(String.format(Locale.ROOT, "%n### Pages%n%nQuestionnaire page `GET /check/{token}/step/strategy`: "
                + "%d bytes of HTML (%s), requested as the browser that just saved the profile does (with the cookies it "
                + "got, among them the check's revision: the page comes from the replica's memory) and as a browser that "
                + "opens the link without that cookie (one database read: the check by its token). Start page `GET /check` (the "
                + "empty company profile): %d bytes, no database read. Bare endpoint `GET /bench/bare`: \"ok\" "
                + "(text/plain, event loop); `/bench/bare/blocking`: the same on the blocking executor; "
                + "`/bench/bare/lookup/{token}`: the same plus the question page's database read.%n",
                p.bodyLength(), p.header("content-type"), s.bodyLength()));
        }
        LoadGenerator.Result bareResult = measured("bare endpoint", app, new LoadGenerator.Scenario("GET /bench/bare (event loop)",
            config.getConcurrency(), seq -> bare, 200, false, null), config.warmup(), config.measure(), () -> null);
        detail(bareResult);
        LoadGenerator.Result blockingResult = measured("bare endpoint on the blocking executor", app, new LoadGenerator.Scenario(
                "GET /bench/bare/blocking (blocking executor)", config.getConcurrency(), seq -> bareBlocking, 200, false, null),
            config.warmup().dividedBy(2), config.measure(), () -> null);
        detail(blockingResult);
        LoadGenerator.Result lookupResult = measured("bare endpoint with the page's database read", app,
            new LoadGenerator.Scenario("GET /bench/bare/lookup/{token} (blocking executor, one database read)",
                config.getConcurrency(), seq -> lookup, 200, false, null),
            config.warmup().dividedBy(2), config.measure(), () -> null);
        detail(lookupResult);
        LoadGenerator.Result startResult = measured("start page", app, new LoadGenerator.Scenario(
                "GET /check (start page)", config.getConcurrency(), seq -> start, 200, false, null),
            config.warmup().dividedBy(2), config.measure(), () -> null);
        detail(startResult);
        LoadGenerator.Result pageResult = measured("questionnaire page", app, new LoadGenerator.Scenario(
                "GET /check/{token}/step/strategy", config.getConcurrency(), seq -> page, 200, false, null),
            config.pageWarmup(), config.measure(),
            () -> new ThreadSampler(app, config.samples(), config.out().resolve("threads-page.txt")));
        detail(pageResult);
        LoadGenerator.Result linkResult = measured("questionnaire page opened from the link", app, new LoadGenerator.Scenario(
                "GET /check/{token}/step/strategy without revision cookie", config.getConcurrency(), seq -> pageFromLink, 200,
                false, null),
            config.warmup().dividedBy(2), config.measure(), () -> null);
        detail(linkResult);
        double ratio = pageResult.perSecond() / bareResult.perSecond();
        double cpuRatio = cpuPerRequest(bareResult) / cpuPerRequest(pageResult);
        row("Questionnaire page throughput / bare endpoint", "≥ 40 %", String.format(Locale.ROOT,
            "%.1f %% (%.0f/s vs %.0f/s; vs bare on blocking executor %.0f/s: %.1f %%; portal CPU per request %.0f µs vs %.0f µs: "
                + "%.1f %%; MariaDB %.0f µs per page)%s", 100 * ratio, pageResult.perSecond(), bareResult.perSecond(),
            blockingResult.perSecond(), 100 * pageResult.perSecond() / blockingResult.perSecond(), cpuPerRequest(pageResult),
            cpuPerRequest(bareResult), 100 * cpuRatio, dbCpuPerRequest(pageResult),
            disturbance(bareResult) + disturbance(pageResult)), ratio >= 0.4);
        row("… the same page opened from the link (no revision cookie: one database read) / bare endpoint", "–",
            String.format(Locale.ROOT, "%.1f %% (%.0f/s; portal %.0f µs + MariaDB %.0f µs CPU per page)%s",
                100 * linkResult.perSecond() / bareResult.perSecond(), linkResult.perSecond(), cpuPerRequest(linkResult),
                dbCpuPerRequest(linkResult), disturbance(linkResult)), true);
        row("… the page from the link / bare endpoint with the same database read", "–", String.format(Locale.ROOT,
            "%.1f %% (%.0f/s vs %.0f/s): what rendering costs beyond the read", 100 * linkResult.perSecond()
                / lookupResult.perSecond(), linkResult.perSecond(), lookupResult.perSecond()), true);
        double startRatio = startResult.perSecond() / bareResult.perSecond();
        row("Start page `GET /check` (no database read) / bare endpoint", "≥ 40 %", String.format(Locale.ROOT,
            "%.1f %% (%.0f/s vs %.0f/s; portal CPU per request %.0f µs)%s", 100 * startRatio, startResult.perSecond(),
            bareResult.perSecond(), cpuPerRequest(startResult), disturbance(startResult)), startRatio >= 0.4);
        return ratio >= 0.4;
    }

    /** {@code POST /check} (the profile form) and the 303's Location: the first dimension page of a new check. */
    private String createCheck() throws IOException {
        Map<String, String> form = new LinkedHashMap<>();
        try (HttpConnection c = new HttpConnection(HOST, config.port(), 10_000)) {
            // hidden fields of the form (e.g. a CSRF token, should the form get one) are sent back as they are
            HttpConnection.Response empty = c.send(HttpConnection.get(HOST, config.port(), "/check", "text/html"), true);
            Matcher hidden = Pattern.compile("<input[^>]*type=\"hidden\"[^>]*>").matcher(empty.bodyText());
            while (hidden.find()) {
                Matcher name = Pattern.compile("name=\"([^\"]*)\"").matcher(hidden.group());
                Matcher value = Pattern.compile("value=\"([^\"]*)\"").matcher(hidden.group());
                if (name.find()) {
                    form.put(name.group(1), value.find() ? value.group(1).replace("&amp;", "&") : "");
                }
            }
            form.put("name", "Benchmark Page GmbH");
            form.put("postalCode", "44135");
            form.put("sector", "C");
            form.put("employees", "42");
            form.put("companyType", "OWN_PRODUCTS");
            String body = form.entrySet().stream().map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8)).collect(Collectors.joining("&"));
            String cookies = empty.headers().getOrDefault("set-cookie", List.of()).stream()
                .map(v -> v.split(";", 2)[0]).collect(Collectors.joining("; "));
            pageCookies = cookies;
            byte[] request = HttpConnection.post(HOST, config.port(), "/check", "application/x-www-form-urlencoded", "text/html",
                body.getBytes(StandardCharsets.UTF_8));
            request = withCookies(request, cookies);
            HttpConnection.Response created = c.send(request, true);
            // the browser keeps what the save sets too (the check's revision cookie)
            linkCookies = cookies;
            pageCookies = Stream.concat(Stream.of(cookies), created.headers().getOrDefault("set-cookie", List.of()).stream()
                .map(v -> v.split(";", 2)[0])).filter(v -> !v.isEmpty()).collect(Collectors.joining("; "));
            String location = created.header("location");
            if (created.status() != 303 || location == null || !location.contains("/step/")) {
                throw new IllegalStateException("POST /check answered " + created.status() + " " + location + " " + created.bodyText());
            }
            String path = location.replaceFirst("^https?://[^/]+", "");
            say("questionnaire page: " + path.replaceFirst("/check/[^/]+/", "/check/{token}/"));
            return path;
        }
    }

    // ------------------------------------------------------------------------------------------ 3. assessments

    private boolean assessments(AppProcess app, Duration measure, boolean main, String label) throws Exception {
        LoadGenerator.Result result = assessmentsResult(app, measure, main, label);
        return result.perSecond() >= 500 && lastConsistent;
    }

    private LoadGenerator.Result assessmentsResult(AppProcess app, Duration measure, boolean main, String label) throws Exception {
        String questionnaire;
        try (HttpConnection c = new HttpConnection(HOST, config.port(), 10_000)) {
            HttpConnection.Response q = c.send(HttpConnection.get(HOST, config.port(), "/api/v1/questionnaire", "application/json"), true);
            if (q.status() != 200) {
                throw new IllegalStateException("GET /api/v1/questionnaire answered " + q.status());
            }
            questionnaire = q.bodyText();
        }
        AssessmentBodies generator = new AssessmentBodies(questionnaire);
        List<byte[]> requests = generator.bodies(4000, 42).stream()
            .map(b -> HttpConnection.post(HOST, config.port(), "/api/v1/assessments", "application/json", "application/json", b)).toList();
        Set<String> ids = ConcurrentHashMap.newKeySet();
        LongAdder created = new LongAdder();
        Map<String, LongAdder> rejections = new ConcurrentHashMap<>();
        LoadGenerator.Observer observer = (seq, response, measured) -> {
            if (response.status() == 201) {
                created.increment();
                String location = response.header("location");
                if (location != null) {
                    ids.add(location.substring(location.lastIndexOf('/') + 1));
                }
            } else if (rejections.size() < 20) {
                rejections.computeIfAbsent(response.status() + " " + abbreviate(response.bodyText(), 300), k -> new LongAdder()).increment();
            }
        };
        long before = db.assessmentRows();
        LoadGenerator.Result result = measured("assessment submissions " + label, app, new LoadGenerator.Scenario(
                "POST /api/v1/assessments " + label, config.postConcurrency(), seq -> requests.get((int) (seq % requests.size())),
                201, true, observer),
            main ? config.warmup() : config.warmup().dividedBy(2), measure,
            () -> new ThreadSampler(app, config.samples(), config.out().resolve("threads-post" + (main ? "" : "-sweep") + ".txt")));
        long after = db.assessmentRows();
        List<String> idList = new ArrayList<>(ids);
        long completed = db.completedAmong(idList);
        List<String> misrouted = db.misrouted();
        boolean consistent = after - before == created.sum() && ids.size() == created.sum() && completed == created.sum()
            && misrouted.isEmpty();
        detail(result);
        details.append(String.format(Locale.ROOT, "- verification (%s questions in the questionnaire): %d responses 201 "
                + "(warm-up included), %d distinct ids, %d new rows (%d → %d), %d of the ids found as COMPLETED rows; "
                + "routing %s → %s%n", generator.questionCount(), created.sum(), ids.size(), after - before, before, after,
            completed, misrouted.isEmpty() ? "as expected" : misrouted.toString(), consistent ? "OK" : "MISMATCH"));
        rejections.forEach((k, v) -> details.append("- rejected: ").append(v.sum()).append(" × ").append(k).append('\n'));
        if (main) {
            row("POST /api/v1/assessments (" + config.postConcurrency() + " clients, MariaDB)", "≥ 500/s",
                String.format(Locale.ROOT, "%.0f/s (p50 %.1f ms, p99 %.1f ms; portal CPU %.0f µs, MariaDB CPU %.0f µs per request)%s",
                    result.perSecond(), result.percentile(50), result.percentile(99), cpuPerRequest(result),
                    result.ok() == 0 ? Double.NaN : result.cpu().db() * result.seconds() / result.ok() * 1e6, disturbance(result)),
                result.perSecond() >= 500);
            row("Every 201 created exactly one row (SQL count)", "all",
                String.format(Locale.ROOT, "%s: %d × 201, %d new rows, %d ids found", consistent ? "yes" : "NO",
                    created.sum(), after - before, completed), consistent);
        }
        say(String.format(Locale.ROOT, "%s: %.0f/s, rows %s", label, result.perSecond(), consistent ? "consistent" : "MISMATCH"));
        lastConsistent = consistent;
        return result;
    }

    /**
     * One variant of the portal's executor and pool sizes ({@code BLOCKING_THREADSxDB_POOL_SIZE}, e.g. {@code 8x8}):
     * a fresh start, then the page and the submissions with shorter windows. Adds a row to the sweep table.
     */
    private void sweep(String variant) throws Exception {
        int plus = variant.indexOf('+');
        String sizes = plus < 0 ? variant : variant.substring(0, plus);
        String params = plus < 0 ? config.dbUrlParams() : config.dbUrlParams() + "&" + variant.substring(plus + 1);
        String[] parts = sizes.split("x");
        String threads = parts[0];
        String pool = parts.length > 1 ? parts[1] : "";
        String label = "BLOCKING_THREADS=" + threads + ", DB_POOL_SIZE=" + orDefault(pool, "16")
            + (plus < 0 ? "" : ", JDBC +" + variant.substring(plus + 1));
        say("sweep: " + label);
        try (AppProcess app = launch(true, threads, pool, "sweep-" + sizes + (plus < 0 ? "" : "-jdbc"), List.of(), params)) {
            app.awaitReady(180);
            details.append("\n#### Sweep ").append(label).append('\n');
            LoadGenerator.Result page = null;
            if (config.scenarios().contains("page")) {
                String stepPath = createCheck();
                byte[] request = withCookies(HttpConnection.get(HOST, config.port(), stepPath, "text/html"), pageCookies);
                page = measured("questionnaire page (" + label + ")", app, new LoadGenerator.Scenario(
                        "GET /check/{token}/step/strategy [" + label + "]", config.getConcurrency(), seq -> request, 200,
                        false, null), config.pageWarmup(), config.sweepMeasure(),
                    () -> new ThreadSampler(app, Math.min(config.samples(), 5), null));
                detail(page);
            }
            LoadGenerator.Result post = config.scenarios().contains("post")
                ? assessmentsResult(app, config.sweepMeasure(), false, "[" + label + "]") : null;
            sweepRows.add(String.format(Locale.ROOT, "| %s | %s | %s | %s | %s |", threads, orDefault(pool, "16"),
                plus < 0 ? "-" : "`" + variant.substring(plus + 1) + "`",
                page == null ? "-" : String.format(Locale.ROOT, "%.0f/s (p99 %.0f ms, %.0f µs CPU)%s", page.perSecond(),
                    page.percentile(99), cpuPerRequest(page), disturbance(page)),
                post == null ? "-" : String.format(Locale.ROOT, "%.0f/s (p99 %.0f ms, %.0f µs CPU)%s", post.perSecond(),
                    post.percentile(99), cpuPerRequest(post), disturbance(post))));
        }
    }

    // ------------------------------------------------------------------------------------------ support

    /**
     * Runs a scenario; when other processes took more than bench.quietCores during the measured window (someone
     * else's build on a shared machine), runs it again (up to bench.retries times, shorter warm-up) and keeps the
     * least disturbed attempt.
     */
    private LoadGenerator.Result measured(String what, AppProcess app, LoadGenerator.Scenario scenario, Duration warmup,
                                          Duration measure, java.util.function.Supplier<ThreadSampler> sampler)
        throws InterruptedException {
        LoadGenerator load = new LoadGenerator(HOST, config.port(), config.maxRequests());
        LoadGenerator.Result best = null;
        for (int attempt = 0; attempt <= config.retries(); attempt++) {
            waitForQuiet(what);
            Duration w = attempt == 0 ? warmup : (warmup.compareTo(Duration.ofSeconds(5)) < 0 ? warmup : Duration.ofSeconds(5));
            LoadGenerator.Result r = load.run(scenario, w, measure, new CpuMeter(app.handle()), sampler.get());
            if (best == null || r.cpu().other() < best.cpu().other()) {
                best = r;
            }
            if (r.cpu().other() <= config.quietCores()) {
                break;
            }
            if (attempt < config.retries()) {
                say(String.format(Locale.ROOT, "  (%s: other processes took %.2f cores while measuring: once more)", what, r.cpu().other()));
            }
        }
        return best;
    }

    private String disturbance(LoadGenerator.Result r) {
        return r.cpu().other() > config.quietCores()
            ? String.format(Locale.ROOT, " ⚠ other processes used %.2f cores meanwhile", r.cpu().other()) : "";
    }

    /** Starts the portal: production class path, or with the bench controller and {@code micronaut.environments=bench}. */
    private AppProcess launch(boolean bench, String blockingThreads, String poolSize, String logName) {
        return launch(bench, blockingThreads, poolSize, logName, List.of());
    }

    /** Leads scenario: settings for the next launches (another port: a second replica; webhook settings). */
    int portOverride;
    final Map<String, String> extraEnv = new LinkedHashMap<>();

    /** A portal for the leads scenario on {@code port} (0: the configured one), with {@link #extraEnv}. */
    AppProcess launchForLeads(String logName, int port) {
        portOverride = port;
        try {
            return launch(true, config.blockingThreads(), config.poolSize(), logName, List.of());
        } finally {
            portOverride = 0;
        }
    }

    Config config() {
        return config;
    }

    BenchDatabase database() {
        return db;
    }

    LoadGenerator.Result measuredForLeads(String what, AppProcess app, LoadGenerator.Scenario scenario, Duration warmup,
                                          Duration measure) throws Exception {
        return measured(what, app, scenario, warmup, measure, () -> null);
    }

    void rowForLeads(String measure, String target, String measured, boolean met) {
        row(measure, target, measured, met);
    }

    void detailForLeads(String line) {
        details.append(line).append('\n');
    }

    private AppProcess launch(boolean bench, String blockingThreads, String poolSize, String logName, List<String> extraJvm) {
        return launch(bench, blockingThreads, poolSize, logName, extraJvm, config.dbUrlParams());
    }

    private AppProcess launch(boolean bench, String blockingThreads, String poolSize, String logName, List<String> extraJvm,
                              String urlParams) {
        Map<String, String> env = new LinkedHashMap<>();
        env.put("DB_URL", db.url(urlParams));
        env.put("DB_USER", config.dbUser());
        env.put("DB_PASSWORD", config.dbPassword());
        int port = portOverride == 0 ? config.port() : portOverride;
        env.put("PORT", Integer.toString(port));
        env.put("PORTAL_BASE_URL", "http://127.0.0.1:" + port);
        env.putAll(extraEnv);
        env.put("SESSION_SECRET", sessionSecret);
        // the limit is per client address (30 posts per 10 minutes) and all load comes from 127.0.0.1
        env.put("RATE_LIMITS_ENABLED", "false");
        if (!blockingThreads.isEmpty()) {
            env.put("BLOCKING_THREADS", blockingThreads);
        }
        if (!poolSize.isEmpty()) {
            env.put("DB_POOL_SIZE", poolSize);
        }
        List<String> jvm = new ArrayList<>(config.appJvmOptions());
        jvm.addAll(extraJvm);
        jvm.add("-Dportal.demo-data=true");
        // the portal as deployed: the runnable jar of `./mvnw package`, which holds all its dependencies, started in
        // its own directory (where its class-data-sharing archive is valid)
        java.nio.file.Path jar = java.nio.file.Path.of(config.appClasses()).toAbsolutePath();
        String classpath = jar.getFileName().toString();
        if (bench) {
            jvm.add("-Dmicronaut.environments=bench");
            classpath = classpath + java.io.File.pathSeparator
                + java.nio.file.Path.of(config.benchClasses()).toAbsolutePath();
        }
        AppProcess app = AppProcess.launch(jar.getParent(), classpath, env, jvm, port,
            config.out().resolve(logName + ".log"));
        synchronized (running) {
            running.add(app);
        }
        return app;
    }

    private void stopAll() {
        synchronized (running) {
            for (AppProcess app : running) {
                try {
                    app.close();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
        }
    }

    /** Waits (up to bench.quietWaitSeconds) until other processes leave the cores mostly idle; reports what it saw. */
    private void waitForQuiet(String what) throws InterruptedException {
        long deadline = System.nanoTime() + config.quietWait().toNanos();
        double busy = CpuMeter.machineBusy(Duration.ofSeconds(1));
        while (busy > config.quietCores() && System.nanoTime() < deadline) {
            say(String.format(Locale.ROOT, "  (machine busy with other work: %.2f cores; waiting before %s)", busy, what));
            busy = CpuMeter.machineBusy(Duration.ofSeconds(3));
        }
        if (busy > config.quietCores()) {
            say(String.format(Locale.ROOT, "  (going on with %s although other work uses %.2f cores)", what, busy));
        }
    }

    /** The page's CSRF token (a hidden field; differs per browser), so that pages can be compared without it. */
    private static String csrfOf(String page) {
        Matcher m = Pattern.compile("name=\"_csrf\" value=\"([^\"]*)\"").matcher(page);
        return m.find() ? m.group(1) : "";
    }

    private static byte[] withCookies(byte[] request, String cookies) {
        if (cookies.isEmpty()) {
            return request;
        }
        String r = new String(request, StandardCharsets.ISO_8859_1).replaceFirst("\r\n", "\r\nCookie: " + cookies + "\r\n");
        return r.getBytes(StandardCharsets.ISO_8859_1);
    }

    private static double cpuPerRequest(LoadGenerator.Result r) {
        return r.ok() == 0 ? Double.NaN : r.cpu().app() * r.seconds() / r.ok() * 1e6;
    }

    private static double dbCpuPerRequest(LoadGenerator.Result r) {
        return r.ok() == 0 ? Double.NaN : r.cpu().db() * r.seconds() / r.ok() * 1e6;
    }

    private void detail(LoadGenerator.Result r) {
        say(String.format(Locale.ROOT, "%s: %.0f/s", r.name(), r.perSecond()));
        details.append(String.format(Locale.ROOT, "%n**%s** — %d concurrent clients, %.1f s measured after %d warm-up requests: "
                + "**%.0f/s**, latency p50 %.2f ms, p90 %.2f ms, p99 %.2f ms, max %.1f ms; statuses %s, I/O errors %d%n",
            r.name(), r.concurrency(), r.seconds(), r.warmupRequests(), r.perSecond(), r.percentile(50), r.percentile(90),
            r.percentile(99), r.latencyMillis().length == 0 ? Double.NaN : r.latencyMillis()[r.latencyMillis().length - 1],
            r.statuses(), r.ioErrors()));
        details.append("- CPU (cores): ").append(r.cpu()).append(String.format(Locale.ROOT,
            "; portal CPU per request %.0f µs, MariaDB CPU per request %.0f µs%n", cpuPerRequest(r), dbCpuPerRequest(r)));
        if (r.threads() != null) {
            details.append("- request threads:\n```\n").append(r.threads().render("")).append("```\n");
        }
    }

    private void row(String measure, String target, String measured, boolean met) {
        rows.add("| " + measure + " | " + target + " | " + measured + " | " + (met ? "met" : "**missed**") + " |");
    }

    private String report() throws Exception {
        StringBuilder sb = new StringBuilder();
        sb.append("## Results ").append(started.format(DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm"))).append("\n\n");
        sb.append(String.format(Locale.ROOT, "Machine: %d cores, %s, Java %s, %s %s; BLOCKING_THREADS=%s, DB_POOL_SIZE=%s; "
                + "DB_URL parameters `" + config.dbUrlParams() + "`%n%n",
            Runtime.getRuntime().availableProcessors(), System.getProperty("os.name") + " " + System.getProperty("os.arch"),
            System.getProperty("java.version"), db.serverVersion(), db.durabilitySettings(),
            orDefault(config.blockingThreads(), "16 (default)"), orDefault(config.poolSize(), "16 (default)")));
        sb.append("| Measure (SPEC §10) | Target | Measured | |\n|---|---|---|---|\n");
        rows.forEach(r -> sb.append(r).append('\n'));
        if (!startupVariantRows.isEmpty()) {
            sb.append(String.format(Locale.ROOT, "%nStartup with JVM options (warm DB, median of %d; without options: %.2f s, %.1f s CPU):%n%n",
                config.warmStarts(), warmMedianReady / 1000, warmMedianCpu));
            sb.append("| JVM options | ready | log | CPU | runs (s) |\n|---|---|---|---|---|\n");
            startupVariantRows.forEach(r -> sb.append(r).append('\n'));
        }
        if (!sweepRows.isEmpty()) {
            sb.append("\nSweep (each variant a fresh start; shorter windows of ").append(config.sweepMeasure().toSeconds())
                .append(" s):\n\n| BLOCKING_THREADS | DB_POOL_SIZE | extra JDBC URL parameters | questionnaire page | POST /api/v1/assessments |\n|---|---|---|---|---|\n");
            sweepRows.forEach(r -> sb.append(r).append('\n'));
        }
        sb.append(details);
        return sb.toString();
    }

    private static String logText(Long millis) {
        return millis == null ? "no \"Startup completed\" line" : millis + " ms";
    }

    private static double median(double[] sorted) {
        if (sorted.length == 0) {
            return Double.NaN;
        }
        double[] s = sorted.clone();
        Arrays.sort(s);
        return s.length % 2 == 1 ? s[s.length / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
    }

    private static String orDefault(String value, String fallback) {
        return value == null || value.isEmpty() ? fallback : value;
    }

    private static String abbreviate(String s, int max) {
        String one = s.replaceAll("\\s+", " ");
        return one.length() <= max ? one : one.substring(0, max) + "…";
    }

    private static void say(String line) {
        System.out.println("[bench " + LocalDateTime.now().format(DateTimeFormatter.ofPattern("HH:mm:ss")) + "] " + line);
    }
}
