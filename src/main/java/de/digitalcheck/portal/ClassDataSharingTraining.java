package de.digitalcheck.portal;

import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.Micronaut;
import io.micronaut.runtime.server.EmbeddedServer;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;

/**
 * The training run for the portal's class-data-sharing archive (run by the build, never by the portal itself):
 * started with {@code -XX:ArchiveClassesAtExit}, it starts the portal as production does (configuration from the
 * environment, an in-memory database), asks it for a few pages so that the classes of a first request are archived
 * too, lets the MySQL driver try a connection (the build has no MySQL server; trying loads the driver's classes)
 * and stops; the JVM writes the archive on exit. A later start with {@code -XX:SharedArchiveFile} maps these classes
 * instead of loading and verifying them one by one. See docs/operations.md, "Faster starts".
 */
public final class ClassDataSharingTraining {

    private static final List<String> PAGES = List.of("/health", "/check", "/", "/api/v1/questionnaire",
        "/api/v1/routing?postalCode=44135", "/impressum");

    private ClassDataSharingTraining() {
    }

    public static void main(String[] args) throws IOException, InterruptedException {
        try (ApplicationContext context = Micronaut.build(args).mainClass(Application.class).banner(false).start()) {
            EmbeddedServer server = context.getBean(EmbeddedServer.class);
            HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
            for (String page : PAGES) {
                HttpResponse<Void> answer = client.send(HttpRequest.newBuilder(URI.create(server.getURL() + page))
                    .timeout(Duration.ofSeconds(30)).GET().build(), HttpResponse.BodyHandlers.discarding());
                if (answer.statusCode() != 200) {
                    throw new IllegalStateException("training: GET " + page + " answered " + answer.statusCode());
                }
            }
            tryMySql();
        }
    }

    private static void tryMySql() {
        try (var ignored = DriverManager.getConnection(
            "jdbc:mysql://127.0.0.1:9/training?connectTimeout=2000&connectionTimeZone=UTC", "training", "")) {
            throw new IllegalStateException("training: unexpectedly connected to a MySQL server on port 9");
        } catch (SQLException expected) {
            // no server: the driver's classes for a connection are loaded, which is all the training needs
        }
    }
}
