package de.digitalcheck.build;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The build's training start for the portal's class-data-sharing archive (docs/operations.md, "Faster starts"); run by
 * {@code ./mvnw package} as a single source file, never part of the portal. It starts the runnable jar exactly as
 * production does ({@code java -jar}, configuration from the environment) with {@code -XX:ArchiveClassesAtExit}, against
 * an in-memory database, asks it for the pages of a first visit, and stops it; the JVM writes the archive on exit.
 *
 * <p>Like a production replica (the Helm chart's migration Job migrates, the replicas start with
 * {@code FLYWAY_ENABLED=false}), the training start does not migrate: the in-memory database lives in an H2 server
 * process of its own, which a {@code --migrate-only} run of the jar migrates first. So the archive holds neither
 * Flyway (and the Jackson parts only Flyway uses) nor H2's database engine, about 1,000 classes that a production start
 * never loads and that only made the archive larger (the JVM relocates the whole archive at every start; bench/README.md).
 *
 * <p>A second datasource that points at a port where no MySQL server listens makes the MySQL driver try a connection in
 * the background, and the portal loads the rest of the driver's classes from the jar ({@link #PRELOAD}), so that they
 * are archived too (production runs on MySQL; the build needs no server).
 *
 * <p>Usage: {@code java ClassDataSharingTraining.java <directory> <jar file name> <archive file name>}
 */
public final class ClassDataSharingTraining {

    private static final List<String> PAGES = List.of("/check", "/", "/api/v1/questionnaire",
        "/api/v1/routing?postalCode=44135", "/impressum");
    /** Asked for on the management port ({@code MANAGEMENT_PORT}). */
    private static final List<String> MANAGEMENT_PAGES = List.of("/health", "/prometheus");
    private static final Duration START = Duration.ofSeconds(90);
    /**
     * The MySQL driver's classes (but its X DevAPI, which needs protobuf and which the portal never uses): a production
     * start connects to MySQL/MariaDB and reads with them (about 280 classes, measured with -Xlog:class+load), the
     * training, without a server, cannot; the portal loads them from the jar for the archive
     * ({@code Application.ARCHIVE_PRELOAD}). Its table of character sets is initialised: that loads the JDK's
     * character sets the driver looks up on its first connection (pure tables, no connection).
     */
    static final String PRELOAD = "com.mysql.cj,!com.mysql.cj.x,!com.mysql.cj.xdevapi,!com.mysql.cj.protocol.x,"
        + "+com.mysql.cj.CharsetMapping";

    private ClassDataSharingTraining() {
    }

    public static void main(String[] args) throws Exception {
        Path directory = Path.of(args[0]);
        String jar = args[1];
        String archive = args[2];
        Files.deleteIfExists(directory.resolve(archive));
        int port = freePort();
        int managementPort = freePort();
        Path log = directory.resolve("cds-training.log");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        int databasePort = freePort();
        Process database = new ProcessBuilder(java, "-cp", jar, "org.h2.tools.Server", "-tcp", "-tcpPort",
            String.valueOf(databasePort), "-ifNotExists").directory(directory.toFile()).redirectErrorStream(true)
            .redirectOutput(directory.resolve("cds-training-database.log").toFile()).start();
        try {
            awaitPort(databasePort, database);
            Map<String, String> environment = Map.of(
                "DB_URL", "jdbc:h2:tcp://127.0.0.1:" + databasePort + "/mem:training;DB_CLOSE_DELAY=-1;MODE=MySQL;"
                    + "DATABASE_TO_LOWER=TRUE;CASE_INSENSITIVE_IDENTIFIERS=TRUE",
                "DB_USER", "sa", "DB_PASSWORD", "", "PORT", String.valueOf(port), "MANAGEMENT_PORT", String.valueOf(managementPort),
                "MICRONAUT_ENVIRONMENTS", "",
                "SESSION_SECRET", "class-data-sharing-training-only-not-a-secret");
            migrate(directory, java, jar, environment, log);
            train(directory, java, jar, archive, environment, port, managementPort, log);
        } finally {
            database.destroy();
            if (!database.waitFor(30, TimeUnit.SECONDS)) {
                database.destroyForcibly();
            }
        }
        System.out.println("class-data-sharing archive: " + directory.resolve(archive));
    }

    /** The migration Job's run: {@code --migrate-only} against the training's database (not archived). */
    private static void migrate(Path directory, String java, String jar, Map<String, String> environment, Path log)
        throws IOException, InterruptedException {
        ProcessBuilder builder = new ProcessBuilder(java, "-jar", jar, "--migrate-only").directory(directory.toFile())
            .redirectErrorStream(true).redirectOutput(log.toFile());
        builder.environment().putAll(environment);
        Process migration = builder.start();
        if (!migration.waitFor(START.toSeconds(), TimeUnit.SECONDS) || migration.exitValue() != 0) {
            migration.destroyForcibly();
            System.err.println(Files.readString(log));
            throw new IllegalStateException("training: the migration run failed");
        }
    }

    /** The training start itself: as a replica starts (no migration), with {@code -XX:ArchiveClassesAtExit}. */
    private static void train(Path directory, String java, String jar, String archive, Map<String, String> environment,
        int port, int managementPort, Path log) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(java,
            "-XX:ArchiveClassesAtExit=" + archive, "-Xlog:cds=off", "-Xlog:cds+dynamic=off",
            "-Ddatasources.training.url=jdbc:mysql://127.0.0.1:9/training?connectTimeout=1000",
            "-Ddatasources.training.username=training", "-Ddatasources.training.initialization-fail-timeout=-1",
            "-Ddatasources.training.connection-timeout=1000", "-Ddatasources.training.minimum-idle=1",
            "-Dportal.archive.preload=" + PRELOAD, "-jar", jar));
        ProcessBuilder builder = new ProcessBuilder(command).directory(directory.toFile())
            .redirectErrorStream(true).redirectOutput(log.toFile());
        builder.environment().putAll(environment);
        builder.environment().put("FLYWAY_ENABLED", "false");
        Process portal = builder.start();
        try {
            visit(port, managementPort, portal);
        } catch (Exception | Error e) {
            portal.destroyForcibly();
            System.err.println(Files.readString(log));
            throw e;
        }
        portal.destroy();
        if (!portal.waitFor(60, TimeUnit.SECONDS)) {
            portal.destroyForcibly();
            throw new IllegalStateException("training: the portal did not stop");
        }
        if (!Files.exists(directory.resolve(archive)) || Files.size(directory.resolve(archive)) == 0) {
            System.err.println(Files.readString(log));
            throw new IllegalStateException("training: no archive was written");
        }
    }

    /** Waits until the training's database server accepts connections. */
    private static void awaitPort(int port, Process server) throws IOException, InterruptedException {
        Instant deadline = Instant.now().plus(START);
        while (true) {
            try (java.net.Socket socket = new java.net.Socket("127.0.0.1", port)) {
                return;
            } catch (IOException notYet) {
                if (!server.isAlive() || Instant.now().isAfter(deadline)) {
                    throw new IllegalStateException("training: the database server did not start", notYet);
                }
                Thread.sleep(100);
            }
        }
    }

    /** Waits until the portal answers, then asks for each page; every page but the health check must answer 200. */
    private static void visit(int port, int managementPort, Process portal) throws IOException, InterruptedException {
        HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        Instant deadline = Instant.now().plus(START);
        while (true) {
            if (!portal.isAlive()) {
                throw new IllegalStateException("training: the portal stopped while starting");
            }
            try {
                if (get(client, port, PAGES.get(0)) == 200) {
                    break;
                }
            } catch (IOException notYet) {
                // not listening yet
            }
            if (Instant.now().isAfter(deadline)) {
                throw new IllegalStateException("training: the portal did not start within " + START);
            }
            Thread.sleep(200);
        }
        for (String page : PAGES) {
            int status = get(client, port, page);
            if (status != 200) {
                throw new IllegalStateException("training: GET " + page + " answered " + status);
            }
        }
        for (String page : MANAGEMENT_PAGES) {
            int status = get(client, managementPort, page);
            // the health check reports the training datasource (no server there) as down: 503 is expected
            if (status != 200 && !(page.equals("/health") && status == 503)) {
                throw new IllegalStateException("training: GET " + page + " (management port) answered " + status);
            }
        }
    }

    private static int get(HttpClient client, int port, String page) throws IOException, InterruptedException {
        return client.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + page))
            .timeout(Duration.ofSeconds(30)).GET().build(), HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
