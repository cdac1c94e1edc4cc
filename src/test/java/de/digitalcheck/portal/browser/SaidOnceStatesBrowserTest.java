package de.digitalcheck.portal.browser;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Response;
import de.digitalcheck.portal.accounts.Accounts;
import de.digitalcheck.portal.booking.Calendars;
import de.digitalcheck.portal.booking.Coaches;
import de.digitalcheck.portal.readiness.Questionnaires;
import de.digitalcheck.portal.routing.AgencyAdministration;
import de.digitalcheck.portal.shared.i18n.Dates;
import de.digitalcheck.portal.shared.i18n.Language;
import de.digitalcheck.portal.shared.security.Role;
import de.digitalcheck.portal.support.BookableAgency;
import de.digitalcheck.portal.support.CompletedChecks;
import de.digitalcheck.portal.support.Http;
import de.digitalcheck.portal.support.LeadSeed;
import de.digitalcheck.portal.support.OidcProvider;
import io.micronaut.json.JsonMapper;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Answers that are said once or only in a corner of a page, as a person sees them at 1280 and 390 px with axe-core:
 * the inbox whose filter matches nothing and its way back from a page far after the last, a programme that opens later
 * in the funding list, a webhook address refused for what it is, a calendar feed's revoke from a page read before the
 * address was renewed, and a consent sent from a result page read before the check was shared.
 */
@MicronautTest(transactional = false)
class SaidOnceStatesBrowserTest extends BrowserTestSupport implements TestPropertyProvider {

    private static final String ADMIN = "admin@digitalcheck.example.org";
    private static final String STAFF = "said-once-staff@wf-dortmund.example.org";

    final OidcProvider provider = new OidcProvider();

    @Inject
    EmbeddedServer server;
    @Inject
    JsonMapper json;
    @Inject
    DataSource dataSource;
    @Inject
    Accounts accounts;
    @Inject
    AgencyAdministration agencies;
    @Inject
    Calendars calendars;
    @Inject
    Coaches coachProfiles;
    @Inject
    Questionnaires questionnaires;

    @Override
    public Map<String, String> getProperties() {
        return provider.browserPortalProperties();
    }

    @Override
    protected void afterBrowser() {
        provider.stop();
    }

    @Test
    void theInboxSaysWhenOnlyItsFilterMatchesNothingAndLeadsBackFromAPageFarAfterTheLast() throws Exception {
        findings.clear();
        accounts.addUnlessPresent(List.of(new Accounts.NewAccount(STAFF, "Sina Staff", Role.AGENCY_STAFF, "wf-dortmund")));
        Instant t = Instant.now().minus(Duration.ofDays(3));
        try (LeadSeed seed = new LeadSeed(dataSource)) {
            for (int i = 1; i <= 30; i++) { // 25 + 5: two pages
                seed.add("wf-dortmund", String.format("Blätterende %02d GmbH", i), "Blätterende", 2, "NEW",
                    t.plusSeconds(i), t.plus(Duration.ofDays(30)), null, null, null);
            }
        }
        try (BrowserContext context = Browsers.newContext(browser)) {
            Page page = signIn(context, provider, url(""), "said-once-staff", STAFF);
            assertEquals(200, page.navigate(url("/agentur/leads?lang=de&municipality=Nirgendwo")).status());
            assertThat(page.locator("#content")).containsText("Keine Anfragen zu diesen Filtern.");
            assertThat(page.locator("#content")).not().containsText("Noch keine Anfragen");
            auditAtBothWidths(page, "inbox-filter-empty", true);

            String filter = "municipality=Bl%C3%A4tterende&sort=company";
            assertEquals(200, page.navigate(url("/agentur/leads?lang=de&" + filter + "&page=999999")).status());
            assertThat(page.locator("#content")).containsText("Auf dieser Seite gibt es keine Anfragen mehr");
            assertThat(page.locator("#content")).not().containsText("Blätterende 01 GmbH");
            auditAtBothWidths(page, "inbox-far-page", true);
            page.getByText("Zur letzten Seite mit Anfragen").click();
            assertThat(page.locator("#content")).containsText("Blätterende 30 GmbH");
            assertThat(page.locator("#content")).not().containsText("Auf dieser Seite gibt es keine Anfragen mehr");
            assertThat(page).hasURL(java.util.regex.Pattern.compile("page=2"));
        } finally {
            DataSource target = dataSource instanceof io.micronaut.data.connection.jdbc.advice.DelegatingDataSource d
                ? d.getTargetDataSource() : dataSource;
            try (Connection c = target.getConnection();
                 PreparedStatement delete = c.prepareStatement("DELETE FROM agency_lead WHERE municipality = ?")) {
                delete.setString(1, "Blätterende");
                delete.executeUpdate();
            }
        }
        assertClean();
    }

    @Test
    void aProgrammeThatOpensLaterIsListedAsNotOpenYet() {
        findings.clear();
        LocalDate from = LocalDate.now(ZoneId.of("Europe/Berlin")).plusDays(10);
        String name = "Später offen " + System.nanoTime();
        try (BrowserContext context = Browsers.newContext(browser)) {
            Page page = signIn(context, provider, url(""), "said-once-admin", ADMIN);
            assertThat(page).hasURL(url("/admin"));
            page.navigate(url("/admin/foerderprogramme?lang=de"));
            page.fill("#funding-nameDe", name);
            page.fill("#funding-nameEn", name + " EN");
            page.fill("#funding-provider", "Wirtschaftsförderung Dortmund");
            page.fill("#funding-summaryDe", "Zuschuss für erste Schritte.");
            page.fill("#funding-summaryEn", "A grant for first steps.");
            page.fill("#funding-url", "https://wf-dortmund.example.org/spaeter");
            page.fill("#funding-regionAgs", "05913");
            page.fill("#funding-maxLevel", "3");
            page.fill("#funding-validFrom", from.toString());
            page.check("#dim-factory");
            page.locator("form:has(#funding-nameDe) button[type=submit]").click();
            assertThat(page.locator("main tr", new Page.LocatorOptions().setHasText(name)))
                .containsText("noch nicht offen (ab " + Dates.date(Language.DE, from) + ")");
            page.locator("main tr", new Page.LocatorOptions().setHasText(name)).scrollIntoViewIfNeeded();
            auditAtBothWidths(page, "funding-not-open-yet", true);
            page.navigate(url("/admin/foerderprogramme?lang=en"));
            assertThat(page.locator("main tr", new Page.LocatorOptions().setHasText(name)))
                .containsText("not open yet (from " + Dates.date(Language.EN, from) + ")");
            page.navigate(url("/admin/foerderprogramme?lang=de"));
        }
        assertClean();
    }

    @Test
    void aWebhookAddressIsRefusedForWhatIsWrongWithIt() {
        findings.clear();
        accounts.addUnlessPresent(List.of(new Accounts.NewAccount(STAFF, "Sina Staff", Role.AGENCY_STAFF, "wf-dortmund")));
        try (BrowserContext context = Browsers.newContext(browser)) {
            Page page = signIn(context, provider, url(""), "said-once-staff", STAFF);
            page.navigate(url("/agentur/leads?lang=de"));
            assertThat(page.locator("#webhook-url")).not().hasAttribute("aria-invalid", "true");
            for (String[] refused : new String[][] {
                {"https://nutzer:geheim@hooks.example.org/digitalcheck", "webhook-userinfo"},
                {"https://hooks.example.org:99999/digitalcheck", "webhook-port"}}) {
                page.fill("#webhook-url", refused[0]);
                Response answer = page.waitForNavigation(() ->
                    page.locator("form[action='/agentur/webhook'] button[type=submit]").click());
                assertEquals(422, answer.status());
                assertThat(page.locator("#webhook-url")).hasAttribute("aria-invalid", "true");
                assertThat(page.locator("#webhook-url")).hasValue(refused[0]);
                assertThat(page.locator("#webhook-url-error")).not().containsText("https://");
                auditAtBothWidths(page, refused[1], false);
            }
        }
        assertClean();
    }

    @Test
    void aRevokeFromAFeedPageReadBeforeTheAddressWasRenewedRevokesNothing() {
        findings.clear();
        BookableAgency agency = BookableAgency.create(agencies, accounts, calendars, coachProfiles, 1);
        try (BrowserContext context = Browsers.newContext(browser)) {
            Page first = signIn(context, provider, url(""), "said-once-coach", agency.coachEmails().get(0));
            assertEquals(200, first.navigate(url("/coach/kalender-abo?lang=de")).status());
            first.locator("form[action='/coach/kalender-abo/neu'] button[type=submit]").click();
            assertThat(first.locator("#feed-url")).isVisible();
            String address = first.locator("#feed-url").inputValue();

            Page second = context.newPage();
            second.navigate(url("/coach/kalender-abo?lang=de"));
            // renewed on the first page after the second was read
            first.locator("form[action='/coach/kalender-abo/neu'] button[type=submit]").click();
            String renewed = first.locator("#feed-url").inputValue();
            assertThat(first.locator("#feed-url")).not().hasValue(address);

            Response revoke = second.waitForNavigation(() ->
                second.locator("form[action='/coach/kalender-abo/widerrufen'] button[type=submit]").click());
            assertEquals(409, revoke.status());
            assertThat(second.locator("#content")).containsText("Nicht widerrufen: Die Abo-Adresse wurde inzwischen neu angelegt");
            auditAtBothWidths(second, "feed-revoke-stale", false);
            String path = java.net.URI.create(renewed).getRawPath();
            assertEquals(200, context.request().get(url(path)).status(), "the renewed address still serves the calendar");
            assertEquals(404, context.request().get(url(java.net.URI.create(address).getRawPath())).status(),
                "the first address ended with its renewal");
        }
        assertClean();
    }

    @Test
    void aConsentFromAResultPageReadBeforeTheCheckWasSharedSaysNothingWasTakenOver() {
        findings.clear();
        Http http = new Http(server, json);
        CompletedChecks.Completed check = CompletedChecks.of(questionnaires.current()).named("Zweimal GmbH")
            .at("44135").contact("Zoe Zweimal", "zoe.zweimal@example.org").submit(http);
        try (BrowserContext context = Browsers.newContext(browser)) {
            Page stale = context.newPage();
            stale.navigate(url(check.resultPath() + "?lang=de"));
            Page sharing = context.newPage();
            sharing.navigate(url(check.resultPath() + "?lang=de"));
            sharing.fill("#consent-name", "Zoe Zweimal");
            sharing.fill("#consent-email", "zoe.zweimal@example.org");
            sharing.check("#consent-share");
            sharing.locator("form:has(#consent-share) button[type=submit]").click();
            assertThat(sharing.locator("#consent-shared")).isVisible();

            stale.fill("#consent-name", "");
            stale.fill("#consent-email", "kaputt");
            stale.check("#consent-share");
            stale.locator("form:has(#consent-share) button[type=submit]").click();
            assertThat(stale.locator("#consent-unchanged")).containsText("nicht übernommen");
            assertThat(stale.locator("#consent-shared")).isVisible();
            assertThat(stale.locator(".kern-alert--danger, [aria-invalid=true]")).hasCount(0);
            auditAtBothWidths(stale, "consent-nothing-taken-over", false);
            stale.reload();
            assertThat(stale.locator("#consent-unchanged")).hasCount(0);
        }
        assertClean();
    }

    private String url(String path) {
        return server.getURL() + path;
    }
}
