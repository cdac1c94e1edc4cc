package de.digitalcheck.portal.booking;

import de.digitalcheck.portal.accounts.Accounts;
import de.digitalcheck.portal.routing.AgencyAdministration;
import de.digitalcheck.portal.support.Database;
import de.digitalcheck.portal.support.Http;
import de.digitalcheck.portal.support.SmtpServer;
import io.micronaut.json.JsonMapper;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import javax.sql.DataSource;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static de.digitalcheck.portal.booking.BookingFixture.at;
import static de.digitalcheck.portal.booking.BookingFixture.booking;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A database too busy to answer in time: a row held by another transaction for longer than the database's lock wait
 * timeout, and a pool with no free connection. Both answer {@code 503} with {@code Retry-After} — problem+json in the
 * caller's language on the API, the error page on a page — store nothing, and the same request works once the database
 * is free again. Before, the lock wait was a {@code 500} on H2 and a {@code 409} ("changed at the same time") on
 * MySQL/MariaDB, and an exhausted pool a {@code 500}. Run on H2 and MySQL/MariaDB (lock wait timeouts of one second,
 * set for each of the pool's connections).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class BusyDatabaseContract implements TestPropertyProvider {

    /** The pool's size in these tests: all of it is taken to exhaust it. */
    static final int POOL = 6;

    final SmtpServer smtp = new SmtpServer();

    @Inject
    EmbeddedServer server;
    @Inject
    JsonMapper json;
    @Inject
    DataSource dataSource;
    @Inject
    AgencyAdministration agencies;
    @Inject
    Accounts accounts;
    @Inject
    Calendars calendars;
    @Inject
    Coaches coachProfiles;

    /** The statement that sets a connection's lock wait timeout to one second. */
    abstract String oneSecondLockWait();

    @Override
    public Map<String, String> getProperties() {
        Map<String, String> properties = new HashMap<>(smtp.portalProperties());
        properties.put("datasources.default.connection-init-sql", oneSecondLockWait());
        properties.put("datasources.default.maximum-pool-size", String.valueOf(POOL));
        properties.put("datasources.default.minimum-idle", "1");
        properties.put("datasources.default.connection-timeout", "1000");
        return properties;
    }

    Http http() {
        return new Http(server, json);
    }

    Database db() {
        return new Database(dataSource);
    }

    Map<String, Object> book(String email, int ahead) {
        BookingFixture.Setup s = new BookingFixture(agencies, accounts, calendars, coachProfiles).agencyWithCoaches(1);
        LocalDate day = BookingFixture.bookableWeek(ahead);
        HttpResponse<String> made = http().postJson("/api/v1/bookings", booking(s, at(day, 10, 0), s.coachIds().get(0), email));
        assertThat(made.statusCode()).isEqualTo(201);
        return http().map(made);
    }

    String status(Object bookingId) {
        return (String) db().value("SELECT status FROM booking WHERE id = ?", bookingId);
    }

    /** The booking's whole row, to compare before and after a refused change. */
    Map<String, Object> row(Object bookingId) {
        return db().rows("SELECT * FROM booking WHERE id = ?", bookingId).get(0);
    }

    static void busy(HttpResponse<String> answer) {
        assertThat(answer.statusCode()).isEqualTo(503);
        assertThat(answer.headers().firstValue("Retry-After")).hasValue("5");
    }

    @Test
    void aCancellationWaitingTooLongForItsRowIs503OnTheApiAndNothingChanges() throws Exception {
        Map<String, Object> b = book("busy-api@example.org", 3);
        String body = "{\"token\":\"" + b.get("token") + "\",\"reason\":\"Keine Zeit\"}";
        Map<String, Object> before = row(b.get("id"));
        HttpResponse<String> refused;
        try (Connection holder = db().holdRow("booking", b.get("id"))) {
            refused = http().postJson("/api/v1/bookings/" + b.get("id") + "/cancel", body, "Accept-Language", "en");
            holder.rollback();
        }
        busy(refused);
        assertThat(refused.headers().firstValue("Content-Type")).hasValueSatisfying(
            t -> assertThat(t).startsWith("application/problem+json"));
        assertThat(http().map(refused)).containsEntry("status", 503).containsEntry("title", "Service unavailable")
            .containsEntry("detail", "The database was too busy just now; nothing was saved. Please retry after the "
                + "number of seconds given in Retry-After.");
        assertThat(row(b.get("id"))).isEqualTo(before);

        HttpResponse<String> again = http().postJson("/api/v1/bookings/" + b.get("id") + "/cancel", body);
        assertThat(again.statusCode()).isEqualTo(200);
        assertThat(status(b.get("id"))).isEqualTo("CANCELLED");
    }

    @Test
    void aCancellationFormWaitingTooLongForItsRowShowsTheBusyPageInGerman() throws Exception {
        Map<String, Object> b = book("busy-page@example.org", 4);
        Http browser = http();
        String path = "/termin/buchung/" + b.get("id") + "/absagen";
        Map<String, Object> before = row(b.get("id"));
        HttpResponse<String> refused;
        try (Connection holder = db().holdRow("booking", b.get("id"))) {
            refused = browser.postForm(path, Map.of("token", b.get("token"), "reason", ""));
            holder.rollback();
        }
        busy(refused);
        assertThat(refused.body()).contains("<title>Gerade ausgelastet – ", "<h1 class=\"kern-heading-large\">Gerade ausgelastet</h1>",
                "Das Portal ist gerade stark ausgelastet. Es wurde nichts gespeichert.")
            .doesNotContain("Das hat nicht geklappt", "Ein unerwarteter Fehler", "gleichzeitig");
        assertThat(row(b.get("id"))).isEqualTo(before);

        HttpResponse<String> again = browser.postForm(path, Map.of("token", b.get("token"), "reason", ""));
        assertThat(again.statusCode()).isEqualTo(303);
        assertThat(status(b.get("id"))).isEqualTo("CANCELLED");
    }

    @Test
    void withNoFreeConnectionThePageAndTheApiAnswer503AndWorkAgainOnceOneIsFree() throws Exception {
        Map<String, Object> b = book("busy-pool@example.org", 5);
        String api = "/api/v1/bookings/" + b.get("id") + "?token=" + Http.enc((String) b.get("token"));
        String page = "/termin/buchung/" + b.get("id") + "?token=" + Http.enc((String) b.get("token"));
        Http browser = http();
        browser.get("/");
        HttpResponse<String> apiRefused;
        HttpResponse<String> pageRefused;
        List<Connection> taken = new ArrayList<>();
        try {
            for (int i = 0; i < POOL; i++) {
                taken.add(db().connection());
            }
            apiRefused = http().get(api, "Accept-Language", "de");
            pageRefused = browser.get(page);
        } finally {
            for (Connection c : taken) {
                c.close();
            }
        }
        busy(apiRefused);
        assertThat(http().map(apiRefused)).containsEntry("title", "Vorübergehend nicht verfügbar");
        busy(pageRefused);
        assertThat(pageRefused.body()).contains("Gerade ausgelastet", "Das Portal ist gerade stark ausgelastet.");

        assertThat(http().get(api).statusCode()).isEqualTo(200);
        assertThat(browser.get(page).statusCode()).isEqualTo(200);
    }
}
