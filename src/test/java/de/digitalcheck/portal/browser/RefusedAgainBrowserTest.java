package de.digitalcheck.portal.browser;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Response;
import com.microsoft.playwright.options.RequestOptions;
import de.digitalcheck.portal.accounts.Accounts;
import de.digitalcheck.portal.booking.Calendars;
import de.digitalcheck.portal.booking.Coaches;
import de.digitalcheck.portal.routing.AgencyAdministration;
import de.digitalcheck.portal.shared.security.Role;
import de.digitalcheck.portal.support.BookableAgency;
import de.digitalcheck.portal.support.Database;
import de.digitalcheck.portal.support.OidcProvider;
import io.micronaut.json.JsonMapper;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Two refusals of a form as people meet them, at 1280 and 390 px with axe-core: the company's cancellation while the
 * database is too busy (its row held by another transaction past the lock wait timeout: the page „Gerade ausgelastet“,
 * 503, nothing changed), and the new appointment type's form sent again with another value after its first post had
 * added the type (its answer lost, say: 409, no second type, the page now edits the type it added). Screenshots under
 * target/screenshots (refused-*).
 */
@MicronautTest(transactional = false)
class RefusedAgainBrowserTest extends BrowserTestSupport implements TestPropertyProvider {

    final OidcProvider provider = new OidcProvider();

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
    @Inject
    de.digitalcheck.portal.shared.privacy.PersonalDataRequests personalData;

    @Override
    public Map<String, String> getProperties() {
        Map<String, String> properties = new HashMap<>(provider.browserPortalProperties());
        properties.put("datasources.default.connection-init-sql", "SET LOCK_TIMEOUT 1000");
        return properties;
    }

    @Override
    protected void afterBrowser() {
        provider.stop();
    }

    @Test
    void theCancellationWhileTheDatabaseIsBusySaysSoAndChangesNothing() throws Exception {
        findings.clear();
        BookableAgency agency = BookableAgency.create(agencies, accounts, calendars, coachProfiles, 1);
        Map<String, Object> booking = book(agency, 2, "bea@example.org");
        String id = (String) booking.get("id");

        try (BrowserContext context = Browsers.newContext(browser)) {
            Page page = context.newPage();
            String cancel = "/termin/buchung/" + id + "/absagen?token=" + booking.get("token");
            for (int width : new int[] {1280, 390}) {
                page.setViewportSize(width, width == 1280 ? 900 : 844);
                assertEquals(200, page.navigate(url(cancel)).status());
                assertThat(page.locator(".kern-alert")).hasCount(0);
                Response answer;
                try (Connection holder = new Database(dataSource).holdRow("booking", id)) {
                    answer = page.waitForNavigation(() -> page.locator("form[action$='/absagen'] button[type=submit]").click());
                    holder.rollback();
                }
                assertEquals(503, answer.status());
                assertEquals("5", answer.headers().get("retry-after"));
                assertThat(page.locator("h1")).hasText("Gerade ausgelastet");
                assertThat(page.locator("#content")).containsText("Es wurde nichts gespeichert.");
                assertEquals("Gerade ausgelastet – Digitalcheck 4.0", page.title());
                audit(page, "refused-busy-" + width);
                assertEquals("CONFIRMED", new Database(dataSource).value("SELECT status FROM booking WHERE id = ?", id));
            }
            page.setViewportSize(1280, 900);
        }
        assertClean();
    }

    @Test
    void theNewTypesFormSentAgainWithAnotherValueEditsTheTypeItAdded() {
        findings.clear();
        BookableAgency agency = BookableAgency.create(agencies, accounts, calendars, coachProfiles, 1);
        String staffEmail = "staff@" + agency.agencyId() + ".example.org";
        accounts.addUnlessPresent(List.of(new Accounts.NewAccount(staffEmail, "Sina Staff", Role.AGENCY_STAFF,
            agency.agencyId())));
        try (BrowserContext context = Browsers.newContext(browser)) {
            Page page = signIn(context, provider, url(""), "refused-again-staff-" + agency.agencyId(), staffEmail);
            page.waitForURL(u -> !u.contains("/oauth/"));
            assertEquals(200, page.navigate(url("/agentur/terminarten/neu")).status());
            assertThat(page.locator(".kern-alert")).hasCount(0);
            page.locator("#type-nameDe").fill("Werkstattbesuch");
            page.locator("#type-nameEn").fill("Workshop visit");
            page.locator("#type-coach-" + agency.coachIds().get(0)).check();
            // the form's first post, whose answer never arrived
            String form = (String) page.evaluate("() => new URLSearchParams(new FormData("
                + "document.querySelector(\"form[action='/agentur/terminarten/neu']\"))).toString()");
            assertEquals(303, context.request().post(url("/agentur/terminarten/neu"), RequestOptions.create()
                .setHeader("Content-Type", "application/x-www-form-urlencoded").setData(form).setMaxRedirects(0)).status());

            page.locator("#type-durationMinutes").fill("90");
            Response answer = page.waitForNavigation(
                () -> page.locator("form[action='/agentur/terminarten/neu'] button[type=submit]").click());
            assertEquals(409, answer.status());
            assertThat(page.locator("#type-added")).containsText("Mit diesem Formular wurde die Terminart bereits angelegt");
            assertThat(page.locator("#type-added")).containsText("60");
            assertThat(page.locator("#type-durationMinutes")).hasValue("90");
            assertEquals(1, calendars.typesOf(agency.agencyId()).stream()
                .filter(t -> t.nameDe().equals("Werkstattbesuch")).count());
            auditAtBothWidths(page, "refused-type-added", false);

            // saved again, the added type takes the new value
            page.waitForNavigation(() -> page.locator("form[action^='/agentur/terminarten/'] button[type=submit]").click());
            assertThat(page.locator("h1")).hasText("Terminarten");
            assertEquals(90, calendars.typesOf(agency.agencyId()).stream()
                .filter(t -> t.nameDe().equals("Werkstattbesuch")).findFirst().orElseThrow().durationMinutes());
        }
        assertClean();
    }

    /**
     * The staff's page of an appointment whose company had its data erased (cancelled by the erasure), and the coach's calendar subscription
     * asked for twice from one page (a double click, its first answer lost): 409, the address made first stays.
     */
    @Test
    void anErasedAppointmentOnTheStaffsPagesAndTheSubscriptionAskedForTwice() throws Exception {
        findings.clear();
        BookableAgency agency = BookableAgency.create(agencies, accounts, calendars, coachProfiles, 1);
        String staffEmail = "staff@" + agency.agencyId() + ".example.org";
        accounts.addUnlessPresent(List.of(new Accounts.NewAccount(staffEmail, "Sina Staff", Role.AGENCY_STAFF,
            agency.agencyId())));
        Map<String, Object> booking = book(agency, 3, "erased-" + agency.agencyId() + "@example.org");
        personalData.erase("erased-" + agency.agencyId() + "@example.org");
        String coachId = agency.coachIds().get(0);
        try (BrowserContext context = Browsers.newContext(browser)) {
            Page page = signIn(context, provider, url(""), "refused-erased-staff-" + agency.agencyId(), staffEmail);
            page.waitForURL(u -> !u.contains("/oauth/"));
            assertEquals(200, page.navigate(url("/agentur/coaches/" + coachId + "/termine/" + booking.get("id"))).status());
            assertThat(page.locator("h1")).hasText("Termin mit (Angaben gelöscht)");
            assertThat(page.locator("#content")).not().containsText("Beschäftigt GmbH");
            auditAtBothWidths(page, "refused-erased-appointment", true);
        }
        try (BrowserContext context = Browsers.newContext(browser)) {
            Page page = signIn(context, provider, url(""), "refused-feed-coach-" + agency.agencyId(),
                agency.coachEmails().get(0));
            page.waitForURL(u -> !u.contains("/oauth/"));
            assertEquals(200, page.navigate(url("/coach/kalender-abo")).status());
            assertThat(page.locator(".kern-alert")).hasCount(0);
            String form = (String) page.evaluate("() => new URLSearchParams(new FormData("
                + "document.querySelector(\"form[action='/coach/kalender-abo/neu']\"))).toString()");
            assertEquals(200, context.request().post(url("/coach/kalender-abo/neu"), RequestOptions.create()
                .setHeader("Content-Type", "application/x-www-form-urlencoded").setData(form)).status());
            Response again = page.waitForNavigation(
                () -> page.locator("form[action='/coach/kalender-abo/neu'] button[type=submit]").click());
            assertEquals(409, again.status());
            assertThat(page.locator("#feed-stale")).isVisible();
            assertThat(page.locator("#feed-new-title")).hasCount(0);
            auditAtBothWidths(page, "refused-feed-again", false);
        }
        assertClean();
    }

    /** An appointment booked through the API at 10:00 of a bookable day {@code week} weeks ahead. */
    private Map<String, Object> book(BookableAgency agency, int week, String email) throws Exception {
        LocalDate day = BookableAgency.bookableWeek(week);
        String start = day.atTime(10, 0).atZone(ZoneId.of("Europe/Berlin")).toOffsetDateTime()
            .format(DateTimeFormatter.ISO_OFFSET_DATE_TIME);
        HttpResponse<String> made = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(url("/api/v1/bookings")))
            .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString("{\"agencyId\":\""
                + agency.agencyId() + "\",\"typeId\":\"" + agency.typeId() + "\",\"start\":\"" + start + "\",\"coachId\":\""
                + agency.coachIds().get(0) + "\",\"company\":{\"name\":\"Beschäftigt GmbH\",\"postalCode\":\"44135\"},"
                + "\"contact\":{\"name\":\"Bea Busy\",\"email\":\"" + email + "\"},\"language\":\"de\"}")).build(),
            HttpResponse.BodyHandlers.ofString());
        assertEquals(201, made.statusCode(), made.body());
        @SuppressWarnings("unchecked")
        Map<String, Object> booking = json.readValue(made.body(), Map.class);
        return booking;
    }

    private String url(String path) {
        return server.getURL() + path;
    }
}
