package de.digitalcheck.portal.browser;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Response;
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

import java.util.List;
import java.util.Map;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/**
 * A coach who ticked no way of meeting companies is offered for nothing, on purpose: the coach's profile and calendar
 * say so (kindly, with the way back), the staff's coach list, appointment types and type form say it beside the coach,
 * the warning about types nobody offers names those coaches as the reason, and a company on the agency's booking page
 * gets the agency's contact instead; a refused profile names its fields in an error summary. At 1280 and 390 px,
 * German and English, axe-core.
 */
@MicronautTest(transactional = false)
class CoachWithoutModeBrowserTest extends BrowserTestSupport implements TestPropertyProvider {

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
    void aCoachWithoutAWayOfMeetingIsToldSoAndSoAreTheStaffAndTheCompanies() {
        findings.clear();
        BookableAgency agency = BookableAgency.create(agencies, accounts, calendars, coachProfiles, 2);
        for (int i = 0; i < 2; i++) { // neither coach meets companies in any way: nothing is bookable
            coachProfiles.update(agency.coachIds().get(i), "Coach " + i, "", List.of(), List.of());
        }
        String staffEmail = "staff@" + agency.agencyId() + ".example.org";
        accounts.addUnlessPresent(List.of(new Accounts.NewAccount(staffEmail, "Stefanie Staff", Role.AGENCY_STAFF,
            agency.agencyId())));

        try (BrowserContext context = Browsers.newContext(browser)) {
            Page page = signIn(context, provider, url(""), "no-mode-coach", agency.coachEmails().get(0));
            KeyboardUser user = new KeyboardUser(page);
            assertEquals(200, page.navigate(url("/coach")).status());
            Locator told = page.locator("#coach-no-mode");
            assertThat(told).containsText("Unternehmen können Sie zurzeit nicht buchen");
            assertThat(told).containsText("Kreuzen Sie mindestens eine Art an");
            assertThat(told.locator("a[href='#coach-modes']")).hasCount(1);
            assertThat(page.locator("#error-summary")).hasCount(0);
            auditAtBothWidths(page, "no-mode-coach-profile", true);

            // a refused profile: the summary names the field and leads to it
            user.tabTo("#coach-name");
            user.press("Control+A");
            user.press("Delete");
            Response refused = user.activate("#content form[method=post] button[type=submit]");
            assertEquals(422, refused.status());
            Locator summary = page.locator("#error-summary");
            assertThat(summary.locator("a[href='#coach-name']")).hasText("Name: Bitte füllen Sie dieses Feld aus.");
            assertEquals("error-summary", page.evaluate("() => document.activeElement.id"));
            auditAtBothWidths(page, "no-mode-coach-profile-error", false);

            assertEquals(200, page.navigate(url("/coach/kalender")).status());
            assertThat(page.locator("#calendar-no-mode")).containsText("Unternehmen können Sie zurzeit nicht buchen");
            assertThat(page.locator("#calendar-no-mode a[href='/coach#coach-modes']")).hasCount(1);
            // the weekly hours' format is the description of their group
            assertThat(page.locator("fieldset[aria-describedby=weekly-hint] legend")).hasText("Wochenzeiten");
            auditAtBothWidths(page, "no-mode-coach-calendar", true);

            page.navigate(url("/coach?lang=en"));
            assertThat(page.locator("#coach-no-mode")).containsText("Companies cannot book you at the moment");
            auditAtBothWidths(page, "no-mode-coach-profile-en", true);
        }

        try (BrowserContext context = Browsers.newContext(browser)) {
            Page page = signIn(context, provider, url(""), "no-mode-staff", staffEmail);
            assertEquals(200, page.navigate(url("/agentur")).status());
            assertThat(page.locator("section[aria-labelledby=coaches-title] li .dc-no-mode")).hasCount(2);
            assertThat(page.locator("section[aria-labelledby=coaches-title] li").first())
                .containsText("zurzeit nicht buchbar: im Profil ist unter „So treffe ich Unternehmen“ nichts angekreuzt");
            auditAtBothWidths(page, "no-mode-agency", true);

            assertEquals(200, page.navigate(url("/agentur/terminarten")).status());
            Locator warning = page.locator("#types-unoffered");
            assertThat(warning.locator("li")).hasText("Erstgespräch");
            assertThat(warning.locator("#types-no-mode")).containsText("Coach 0, Coach 1");
            assertThat(warning.locator("#types-no-mode")).containsText("nichts angekreuzt");
            assertThat(page.locator("#content li .dc-no-mode")).hasCount(2);
            auditAtBothWidths(page, "no-mode-types", true);

            assertEquals(200, page.navigate(url("/agentur/terminarten/" + agency.typeId())).status());
            assertThat(page.locator("label[for='type-coach-" + agency.coachIds().get(0) + "']")).hasText(
                "Coach 0 (zurzeit für keine Terminart buchbar: im Profil ist unter „So treffe ich Unternehmen“ nichts"
                    + " angekreuzt)");
            auditAtBothWidths(page, "no-mode-type", true);

            page.navigate(url("/agentur/terminarten/" + agency.typeId() + "?lang=en"));
            assertThat(page.locator("label[for='type-coach-" + agency.coachIds().get(1) + "']"))
                .containsText("Coach 1 (cannot be booked for any appointment type at the moment");
            page.navigate(url("/agentur/terminarten?lang=en"));
            assertThat(page.locator("#types-no-mode")).containsText("Only the coaches themselves can change that");
            auditAtBothWidths(page, "no-mode-types-en", true);
            page.navigate(url("/agentur?lang=de"));
        }

        // the company: nothing to book, and how to reach the agency instead
        try (BrowserContext context = Browsers.newContext(browser)) {
            Page page = context.newPage();
            assertEquals(200, page.navigate(url("/termin/" + agency.agencyId())).status());
            assertThat(page.locator("#step-type ~ p")).containsText("bietet noch keine Termine online an");
            assertThat(page.locator("#booking-contact-agency a[href='mailto:" + agency.agencyEmail() + "']"))
                .hasText(agency.agencyEmail());
            auditAtBothWidths(page, "no-mode-booking", true);
        }
        assertClean();
    }

    /** The staff's workspace of an agency with a long name fits 320 CSS px (WCAG 1.4.10): the h1 breaks inside. */
    @Test
    void theWorkspaceOfAnAgencyWithALongNameFitsANarrowPhone() {
        try (BrowserContext context = Browsers.newContext(browser)) {
            Page page = signIn(context, provider, url(""), "long-name-staff", "staff@en-agentur.example.org");
            assertEquals(200, page.navigate(url("/agentur")).status());
            assertThat(page.locator("h1")).containsText("Wirtschaftsförderungsagentur");
            assertNull(Browsers.horizontalOverflow(page, 320), "/agentur at 320 px");
            assertEquals(200, page.navigate(url("/agentur/terminarten")).status());
            assertNull(Browsers.horizontalOverflow(page, 320), "/agentur/terminarten at 320 px");
        }
    }

    private String url(String path) {
        return server.getURL() + path;
    }
}
