package de.digitalcheck.portal.browser;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import de.digitalcheck.portal.accounts.Accounts;
import de.digitalcheck.portal.booking.Calendars;
import de.digitalcheck.portal.booking.Coaches;
import de.digitalcheck.portal.readiness.Questionnaires;
import de.digitalcheck.portal.routing.AgencyAdministration;
import de.digitalcheck.portal.support.BookableAgency;
import de.digitalcheck.portal.support.CompletedChecks;
import de.digitalcheck.portal.support.Http;
import de.digitalcheck.portal.support.Mails;
import de.digitalcheck.portal.support.SmtpServer;
import io.micronaut.json.JsonMapper;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.Test;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

/**
 * "Mein Unternehmen" of an address with a result shared with its agency, one held by the network's fallback queue (a
 * location no territory covers) and an appointment booked in the hour the clocks go back, with consent: each shared
 * result under its own heading (the fallback's "An das Team von …"), the buttons as wide as their labels, the
 * appointment's time with its zone, and a withdrawal by keyboard; at 1280 and 390 px, German and English, axe-core.
 */
@MicronautTest(transactional = false)
class MyCompanyBrowserTest extends BrowserTestSupport implements TestPropertyProvider {

    private static final String EMAIL = "nora@nachtschicht.example";

    final SmtpServer smtp = new SmtpServer();

    @Inject
    EmbeddedServer server;
    @Inject
    JsonMapper json;
    @Inject
    Questionnaires questionnaires;
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
        return smtp.portalProperties();
    }

    @Override
    protected void afterBrowser() {
        smtp.stop();
    }

    @Test
    void sharedResultsTheFallbackQueueAndTheRepeatedHourReadWellAndAConsentIsWithdrawnByKeyboard() throws Exception {
        Http http = new Http(server, json);
        CompletedChecks.of(questionnaires.current()).named("Nachtschicht Witten GmbH").at("58452")
            .contact("Nora Nacht", EMAIL).sharedWithAgency().submit(http);
        // Berlin: no territory of the network covers it, the network's fallback queue holds the lead
        CompletedChecks.of(questionnaires.current()).named("Nachtschicht Berlin GmbH").at("10115")
            .contact("Nora Nacht", EMAIL).sharedWithAgency().submit(http);
        // an appointment at the first 02:30 of the night the clocks go back, with consent
        LocalDate night = BookableAgency.nextClockChange(false).getDateTimeBefore().toLocalDate();
        BookableAgency.assumeWithinLongestWindow(night);
        BookableAgency agency = BookableAgency.create(agencies, accounts, calendars, coachProfiles, 1);
        Map<DayOfWeek, String> weekly = new EnumMap<>(DayOfWeek.class);
        for (DayOfWeek d : DayOfWeek.values()) {
            weekly.put(d, "");
        }
        calendars.update(agency.coachIds().get(0), agency.agencyId(), new Calendars.CalendarInput(weekly,
            night + " 00:00-12:00", "", "0", "0", "0", "365", "0", "30"), List.of());
        assertEquals(201, http.postJson("/api/v1/bookings", "{\"agencyId\":\"" + agency.agencyId() + "\",\"typeId\":\""
            + agency.typeId() + "\",\"start\":\"" + night + "T02:30:00+02:00\",\"coachId\":\"" + agency.coachIds().get(0)
            + "\",\"company\":{\"name\":\"Nachtschicht Witten GmbH\",\"postalCode\":\"58452\"},\"contact\":{\"name\":"
            + "\"Nora Nacht\",\"email\":\"" + EMAIL + "\"},\"consent\":{\"shareWithAgency\":true},\"language\":\"de\"}")
            .statusCode());

        try (BrowserContext context = Browsers.newContext(browser)) {
            Page page = context.newPage();
            KeyboardUser user = new KeyboardUser(page);
            signIn(page, user);
            assertThat(page.locator("h1")).hasText("Mein Unternehmen");

            Locator shared = page.locator("section[aria-labelledby=leads-title]");
            // each shared result under its own heading: who holds it; the fallback queue's is the network's team
            assertThat(shared.locator("h3")).hasCount(3);
            assertThat(shared.locator("h3", new Locator.LocatorOptions().setHasText("An das Team von")))
                .hasText("An das Team von InDieRegionRuhr4.0");
            assertThat(shared.locator("h3", new Locator.LocatorOptions().setHasText("EN-Agentur")))
                .hasText("An Wirtschaftsförderungsagentur Ennepe-Ruhr „EN-Agentur“");
            // the appointment the consent was given for: the first 02:30 of that night is summer time
            assertThat(shared).containsText("bei der Buchung des Termins am "
                + night.format(DateTimeFormatter.ofPattern("dd.MM.uuuu")) + ", 02:30 MESZ");
            assertThat(page.locator("section[aria-labelledby=bookings-title] tbody")).containsText("02:30 MESZ–02:30 MEZ");
            assertEquals(0, page.locator("[role=alert]").count(), "no error on a first load");
            assertEquals(0, page.locator("#lead-withdrawn").count(), "nothing withdrawn yet");
            assertEquals("BODY", page.evaluate("() => document.activeElement.tagName"), "no focus moved on a first load");
            assertUnclipped(page, "Mein Unternehmen");
            auditAtBothWidths(page, "company-shared", true);
            page.setViewportSize(390, 844);
            assertUnclipped(page, "Mein Unternehmen on a phone");
            page.setViewportSize(1280, 900);

            // the fallback queue's consent withdrawn by keyboard: its heading stays, it says withdrawn
            Locator fallback = shared.locator("li.kern-stack-xs", new Locator.LocatorOptions()
                .setHas(page.locator("h3", new Page.LocatorOptions().setHasText("An das Team von"))));
            assertThat(fallback.locator("button")).hasAccessibleName(
                "Einwilligung widerrufen (gegenüber InDieRegionRuhr4.0)");
            String withdraw = fallback.locator("form").getAttribute("action");
            user.activate("form[action='" + withdraw + "'] button[type=submit]");
            assertThat(page.locator("[role=status]")).containsText("Ihre Einwilligung ist widerrufen");
            // the answer takes the focus: it once stayed on the page's body (the redirect named the section's heading,
            // which cannot take it), and keyboard and screen-reader users started again at the top of the page
            assertThat(page.locator("#lead-withdrawn")).isFocused();
            assertEquals("lead-withdrawn", page.evaluate("() => document.activeElement.id"));
            user.assertFocusInView();
            Locator withdrawn = page.locator("section[aria-labelledby=leads-title] li.kern-stack-xs",
                new Page.LocatorOptions().setHas(page.locator("h3", new Page.LocatorOptions()
                    .setHasText("An das Team von InDieRegionRuhr4.0"))));
            assertThat(withdrawn).containsText("Einwilligung widerrufen");
            assertThat(withdrawn).containsText("widerrufen am");
            assertThat(withdrawn.locator("button")).hasCount(0);
            auditAtBothWidths(page, "company-withdrawn", false);

            assertFalse(page.url().contains("widerrufen"), "the note is not in the address: " + page.url());
            // said once (a Flash note): a reload, or the address that said it before ("?widerrufen"), says nothing
            page.reload();
            assertThat(page.locator("h1")).hasText("Mein Unternehmen");
            assertEquals(0, page.locator("#lead-withdrawn").count(), "a reload");
            page.navigate(url("/mein-unternehmen/uebersicht?widerrufen"));
            assertThat(page.locator("h1")).hasText("Mein Unternehmen");
            assertEquals(0, page.locator("#lead-withdrawn").count(), "the old address");
            page.navigate(url("/mein-unternehmen/uebersicht?lang=en"));
            assertEquals(0, page.locator("#lead-withdrawn").count(), "the answer only right after the withdrawal");
            assertEquals("BODY", page.evaluate("() => document.activeElement.tagName"), "no focus moved on a plain load");
            assertThat(page.locator("section[aria-labelledby=leads-title] h3", new Page.LocatorOptions()
                .setHasText("team of"))).hasText("With the team of InDieRegionRuhr4.0");
            assertThat(page.locator("section[aria-labelledby=leads-title]"))
                .containsText("when booking the appointment on "
                    + night.format(DateTimeFormatter.ofPattern("d MMM uuuu", Locale.ENGLISH)) + ", 02:30 CEST");
            assertUnclipped(page, "Mein Unternehmen in English");
            auditAtBothWidths(page, "company-shared-en", true);

            // signed in, the request page leads back to the overview (it showed only the form)
            page.navigate(url("/mein-unternehmen?lang=de"));
            assertThat(page.locator("#signed-in")).containsText("Sie sind angemeldet als");
            assertThat(page.locator("#signed-in a[href='/mein-unternehmen/uebersicht']")).hasText("Zur Übersicht");
            auditAtBothWidths(page, "company-request-signed-in", true);
        }
        assertClean();
    }

    /**
     * The address's magic link from the mail, by keyboard: the overview. First a mistyped address: the error list is
     * focused (it was missing: focus stayed at the top of the page and nothing told a screen-reader user what was
     * wrong), the input is kept, nothing is sent.
     */
    private void signIn(Page page, KeyboardUser user) throws InterruptedException {
        page.navigate(url("/mein-unternehmen"));
        assertEquals(0, page.locator("#error-summary").count(), "no error list on a first load");
        user.tabTo("#email");
        user.type("nora-at-nacht");
        user.activate("form[action='/mein-unternehmen'] button[type=submit]");
        assertThat(page.locator("#error-summary")).isFocused();
        assertThat(page.locator("#error-summary a[href='#email']"))
            .hasText("Ihre E-Mail-Adresse: Bitte geben Sie eine gültige E-Mail-Adresse an, z. B. name@firma.de.");
        assertThat(page.locator("#email")).hasValue("nora-at-nacht");
        assertThat(page.locator("#email")).hasAttribute("aria-invalid", "true");
        assertEquals(0, page.locator("[role=status]").count(), "nothing said to be sent");
        auditAtBothWidths(page, "company-request-error", false);
        page.setViewportSize(1280, 900);
        page.fill("#email", "");
        user.tabTo("#email");
        user.type(EMAIL);
        user.activate("form[action='/mein-unternehmen'] button[type=submit]");
        assertEquals(0, page.locator("#error-summary").count(), "no error list once the address is good");
        // the answer takes the focus and names itself in the title (it was there at load, unannounced, the focus on the
        // page's body), and the form is empty: Enter in it sent another mail
        assertThat(page.locator("#link-sent")).isFocused();
        user.assertFocusInView();
        assertThat(page).hasTitle("Link angefordert – Mein Unternehmen – Digitalcheck 4.0");
        assertThat(page.locator("#email")).hasValue("");
        auditAtBothWidths(page, "company-request-sent", false);
        String link = null;
        long until = System.currentTimeMillis() + 15_000;
        Pattern pattern = Pattern.compile("(/mein-unternehmen/link/[A-Za-z0-9_-]{43})");
        while (link == null && System.currentTimeMillis() < until) {
            for (MimeMessage mail : smtp.received()) {
                try {
                    Matcher m = pattern.matcher(Mails.text(mail));
                    if (mail.getAllRecipients()[0].toString().equals(EMAIL) && m.find()) {
                        link = m.group(1);
                    }
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            }
            Thread.sleep(50);
        }
        assertNotNull(link, "the magic link");
        page.navigate(url(link));
        user.activate("form[action^='/mein-unternehmen/link/'] button[type=submit]");
    }

    private static void assertUnclipped(Page page, String name) {
        assertNull(Browsers.clippedControls(page), name + ": a button or link cuts off its label");
    }

    private String url(String path) {
        return server.getURL() + path;
    }
}
