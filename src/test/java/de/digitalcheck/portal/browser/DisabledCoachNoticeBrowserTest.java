package de.digitalcheck.portal.browser;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import de.digitalcheck.portal.accounts.Accounts;
import de.digitalcheck.portal.booking.Calendars;
import de.digitalcheck.portal.booking.Coaches;
import de.digitalcheck.portal.routing.AgencyAdministration;
import de.digitalcheck.portal.shared.security.Role;
import de.digitalcheck.portal.support.BookableAgency;
import de.digitalcheck.portal.support.OidcProvider;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Staff take a coach's access away while the coach has an appointment to come: the team page says that it stays with
 * the agency and leads to it on the types page (it said only "saved"). With the keyboard, at 1280 and 390 px, German
 * and English, axe-core.
 */
@MicronautTest(transactional = false)
class DisabledCoachNoticeBrowserTest extends BrowserTestSupport implements TestPropertyProvider {

    final OidcProvider provider = new OidcProvider();

    @Inject
    EmbeddedServer server;
    @Inject
    AgencyAdministration agencies;
    @Inject
    Accounts accounts;
    @Inject
    Calendars calendars;
    @Inject
    Coaches coachProfiles;

    @Override
    public Map<String, String> getProperties() {
        return provider.browserPortalProperties();
    }

    @Override
    protected void afterBrowser() {
        provider.stop();
    }

    @Test
    void disablingACoachWithAnAppointmentToComeSaysWhereItIs() throws Exception {
        findings.clear();
        BookableAgency agency = BookableAgency.create(agencies, accounts, calendars, coachProfiles, 2);
        String staffEmail = "staff@" + agency.agencyId() + ".example.org";
        accounts.addUnlessPresent(List.of(new Accounts.NewAccount(staffEmail, "Stefanie Staff", Role.AGENCY_STAFF,
            agency.agencyId())));
        HttpResponse<String> booked = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(url(
                "/api/v1/bookings"))).header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(agency.body(BookableAgency.at(BookableAgency.bookableDay(9), 10),
                "notice-" + System.nanoTime() + "@example.org", false, null))).build(),
            HttpResponse.BodyHandlers.ofString());
        assertEquals(201, booked.statusCode(), booked.body());
        String coach = agency.coachIds().get(0);
        String name = accounts.find(coach).orElseThrow().name();

        try (BrowserContext context = Browsers.newContext(browser)) {
            Page page = signIn(context, provider, url(""), "notice-staff", staffEmail);
            assertEquals(200, page.navigate(url("/agentur")).status());
            assertThat(page.locator("#team-changed")).hasCount(0);
            KeyboardUser user = new KeyboardUser(page);
            String button = "form[action='/agentur/team/" + coach + "/sperren'] button";
            // focused directly: a long run of Tab presses on this page outruns KERN's smooth scrolling on a busy
            // machine (what is new here is the answer, not the way to the button)
            page.locator(button).focus();
            assertEquals(200, user.pressForPage("Enter").status());
            Locator notice = page.locator("#team-changed");
            assertThat(notice).containsText("Die Änderungen sind gespeichert.");
            assertThat(notice).containsText("Der Zugang von " + name + " ist gesperrt. " + name
                + " hat als Coach noch anstehende Termine (1).");
            assertThat(notice.locator("a[href='/agentur/terminarten#disabled-coaches']"))
                .hasText("Die anstehenden Termine von " + name);
            auditAtBothWidths(page, "disabled-coach-notice", false); // not reloaded: the note is said once

            // once, after the post (a Flash note): not on a reload, not from the address that carried it before
            assertEquals("/agentur", URI.create(page.url()).getPath());
            assertEquals(null, URI.create(page.url()).getQuery());
            page.reload();
            assertThat(page.locator("#team-changed")).hasCount(0);
            page.navigate(url("/agentur?team&gesperrt=" + coach));
            assertThat(page.locator("#team-changed")).hasCount(0);
            assertThat(page.locator("#content")).not().containsText("noch anstehende Termine");

            // in English: access given back and taken away again
            page.navigate(url("/agentur?lang=en"));
            page.locator("form[action='/agentur/team/" + coach + "/freigeben'] button").focus();
            assertEquals(200, user.pressForPage("Enter").status());
            assertThat(page.locator("#team-changed")).not().containsText("appointments to come");
            page.locator(button).focus();
            assertEquals(200, user.pressForPage("Enter").status());
            assertThat(page.locator("#team-changed")).containsText("still has appointments to come as a coach (1)");
            auditAtBothWidths(page, "disabled-coach-notice-en", false); // not reloaded: the note is said once

            page.locator("#team-changed a").click();
            assertThat(page.locator("#disabled-coaches")).isVisible();
            assertThat(page.locator("#content")).containsText(name + " (disabled; appointments to come: 1)");
        } finally {
            accounts.setDisabled(coach, false, agency.agencyId());
        }
        assertClean();
    }

    private String url(String path) {
        return server.getURL() + path;
    }
}
