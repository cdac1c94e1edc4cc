package de.digitalcheck.portal.browser;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import de.digitalcheck.portal.accounts.Accounts;
import de.digitalcheck.portal.booking.Calendars;
import de.digitalcheck.portal.routing.AgencyAdministration;
import de.digitalcheck.portal.support.BookableAgency;
import de.digitalcheck.portal.support.Database;
import de.digitalcheck.portal.support.Http;
import de.digitalcheck.portal.support.OidcProvider;
import io.micronaut.json.JsonMapper;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;
import java.time.LocalDate;
import java.util.Map;

import static de.digitalcheck.portal.support.BookableAgency.at;
import static de.digitalcheck.portal.support.BookableAgency.bookableDay;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/**
 * The coach's week of appointments with a company name of one long word and a contact written in Hebrew: the table's
 * cells of what companies typed break such a word and isolate right-to-left text ({@code dc-text}). Without it one
 * long name widened the table, and the page, to about 2,600 px on a 1280 px screen, and a Hebrew name was not set
 * apart from the Latin text beside it.
 */
@MicronautTest(transactional = false)
class WeekTableBrowserTest extends BrowserTestSupport implements TestPropertyProvider {

    static final String LONG_NAME = "Sondermaschinenbau".repeat(12) + "GmbH";
    static final String HEBREW = "דוד כהן";

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
    de.digitalcheck.portal.booking.Coaches coachProfiles;

    @Override
    public Map<String, String> getProperties() {
        return provider.browserPortalProperties();
    }

    @Override
    protected void afterBrowser() {
        provider.stop();
    }

    @Test
    void aLongCompanyNameAndAHebrewContactStayInsideTheWeeksTable() {
        BookableAgency a = BookableAgency.create(agencies, accounts, calendars, coachProfiles, 1);
        LocalDate day = bookableDay(10);
        Http http = new Http(server, json);
        String id = (String) http.map(http.postJson("/api/v1/bookings",
            a.body(at(day, 10), "week-table@example.org", false, null))).get("id");
        Database db = new Database(dataSource);
        db.execute("UPDATE booking SET company_name = ?, contact_name = ? WHERE id = ?", LONG_NAME, HEBREW, id);
        try (BrowserContext context = Browsers.newContext(browser)) {
            Page page = signIn(context, provider, server.getURL().toString(), "week-table-coach",
                a.coachEmails().get(0));
            assertEquals(200, page.navigate(server.getURL() + "/coach/termine?woche=" + day).status());
            String company = "td[data-label='Unternehmen']";
            String contact = "td[data-label='Kontakt']";
            assertEquals(LONG_NAME, page.locator(company).textContent());
            assertNull(Browsers.horizontalOverflow(page, 1280), "the week's table fits a 1280 px screen");
            assertNull(Browsers.horizontalOverflow(page, 390), "the week's table fits a phone");
            page.setViewportSize(1280, 900);
            // beside the long name the other cells keep their words whole: with "overflow-wrap: anywhere" the table
            // squeezed their columns below their words ("Erstgesp|räch" at 1280 px)
            assertNull(Browsers.brokenWords(page, "main td, main th"), "words broken in the week's table at 1280 px");
            page.setViewportSize(390, 844);
            assertNull(Browsers.brokenWords(page, "main td, main th"), "words broken in the week's table on a phone");
            page.setViewportSize(1280, 900);
            for (String cell : new String[] {company, contact}) {
                assertEquals("isolate", page.locator(cell).evaluate("e => getComputedStyle(e).unicodeBidi"), cell);
            }
            audit(page, "week-long-names");
        } finally {
            db.execute("UPDATE booking SET status = 'CANCELLED' WHERE id = ?", id);
        }
        assertClean();
    }
}
