package de.digitalcheck.portal.browser;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Response;
import de.digitalcheck.portal.readiness.Questionnaires;
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

import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The report mail's pages in a real browser, by keyboard, at 1280 and 390 px with axe-core (issue 11, items 2 and 3):
 * the result page's answer after a request, the confirmation link's page (opened in another browser, as a stranger
 * at a mistyped address would: no page of it shows the check's token or links into the check), the report sent, a
 * spent link, a link in the old form, today's limit, and the page that refuses a sixth copy of a check.
 */
@MicronautTest(transactional = false)
class ReportMailBrowserTest extends BrowserTestSupport implements TestPropertyProvider {

    final SmtpServer smtp = new SmtpServer();

    @Inject
    EmbeddedServer server;
    @Inject
    JsonMapper json;
    @Inject
    Questionnaires questionnaires;

    @Override
    public Map<String, String> getProperties() {
        return smtp.portalProperties();
    }

    @Override
    protected void afterBrowser() {
        smtp.stop();
    }

    @Test
    void aReportIsMailedOnlyAfterTheAddressIsConfirmed() {
        String token = CompletedChecks.of(questionnaires.current()).named("Gießerei Rüdiger")
            .contact("Rita Rüdiger", "rita@giesserei.example.org").submit(new Http(server, json)).token();
        try (BrowserContext context = Browsers.newContext(browser)) {
            Page page = context.newPage();
            page.navigate(url("/check/" + token + "/result"));
            KeyboardUser user = new KeyboardUser(page);
            assertThat(page.locator("#report")).containsText("Beim ersten Mal schicken wir zuerst einen Bestätigungslink");
            assertEquals(0, page.locator("#report-mail-outcome").count(), "no answer on a first load");
            assertEquals("BODY", page.evaluate("() => document.activeElement.tagName"), "no focus moved on a first load");
            user.activate("form[action$='/report/email'] button");
            assertThat(page.locator("#report [role=status]")).containsText("Wir haben Ihnen eine E-Mail an rita@giesserei.example.org geschickt");
            // the answer takes the focus (it once stayed at the top of the page the redirect had scrolled away from)
            assertThat(page.locator("#report-mail-outcome")).isFocused();
            user.assertFocusInView();
            auditBoth(page, "report-mail-requested");
            section(page, "report-mail-requested");

            MimeMessage mail = smtp.awaitMailTo("rita@giesserei.example.org", "the confirmation link",
                m -> Mails.text(m).contains("/report/confirm/"));
            Matcher link = Pattern.compile("http://localhost(/report/confirm/[A-Za-z0-9_-]{43})").matcher(Mails.text(mail));
            assertTrue(link.find());
            assertFalse(Mails.text(mail).contains(token), "no check token in the confirmation mail");
            // the link's owner may be a stranger (a mistyped address): a browser of its own, without the check
            try (BrowserContext stranger = Browsers.newContext(browser)) {
                Page other = stranger.newPage();
                KeyboardUser confirming = new KeyboardUser(other);
                other.navigate(url(link.group(1)));
                assertThat(other.locator("h1")).hasText("Bericht per E-Mail erhalten");
                assertThat(other.locator("#content")).containsText("rita@giesserei.example.org");
                assertEquals("BODY", other.evaluate("() => document.activeElement.tagName"), "no focus moved on a first load");
                assertNothingOfTheCheck(other, token);
                auditBoth(other, "report-confirm");
                shots(other, "confirm-ask");
                confirming.activate("form[action^='/report/confirm/'] button");
                assertThat(other).hasURL(url(link.group(1)));
                assertThat(other.locator("[role=status]")).containsText("Der Bericht ist unterwegs an rita@giesserei.example.org");
                assertNothingOfTheCheck(other, token);
                auditBoth(other, "report-confirm-sent");
                shots(other, "confirm-sent");
                smtp.awaitMailTo("rita@giesserei.example.org", "the report (a mail with the PDF)",
            de.digitalcheck.portal.support.Mails::hasPdf);

                Response spent = other.navigate(url(link.group(1)));
                assertEquals(200, spent.status());
                assertThat(other.locator("[role=status]")).containsText("Adresse bereits bestätigt");
                assertEquals(0, other.locator("[role=alert]").count(), "no error on a used link's page");
                assertNothingOfTheCheck(other, token);
                auditBoth(other, "report-confirm-spent");
                shots(other, "confirm-used");
                Response forged = other.navigate(url("/report/confirm/" + "B".repeat(43)));
                assertEquals(410, forged.status());
                assertThat(other.locator("[role=alert]")).containsText("Dieser Bestätigungslink ist nicht (mehr) gültig");
                auditBoth(other, "report-confirm-invalid");
                shots(other, "confirm-invalid");

                // a link in the old form, with the token: it goes on to the page without it
                other.navigate(url("/check/" + token + "/report/confirm/" + link.group(1).substring("/report/confirm/".length())));
                assertThat(other).hasURL(url(link.group(1)));
                assertNothingOfTheCheck(other, token);
            }

            for (int i = 0; i < 3; i++) {
                page.navigate(url("/check/" + token + "/result"));
                user.activate("form[action$='/report/email'] button");
            }
            page.navigate(url("/check/" + token + "/result"));
            user.activate("form[action$='/report/email'] button");
            assertThat(page.locator("#report [role=alert]")).containsText("haben wir heute schon 5 E-Mails geschickt");
            assertThat(page.locator("#report-mail-outcome")).isFocused();
            user.assertFocusInView();
            auditBoth(page, "report-mail-limit");
            section(page, "report-mail-limit");
        }
        assertClean();
    }

    @Test
    void aReportAskedForInEnglishIsMailedInEnglishThoughTheLinkIsConfirmedInAGermanBrowser() throws Exception {
        String token = CompletedChecks.of(questionnaires.current()).named("Foundry Ltd")
            .contact("Rita Rüdiger", "english@foundry.example.org").submit(new Http(server, json)).token();
        smtp.purge();
        try (BrowserContext asking = Browsers.newContext(browser)) {
            Page page = asking.newPage();
            page.navigate(url("/check/" + token + "/result?lang=en"));
            new KeyboardUser(page).activate("form[action$='/report/email'] button");
            assertThat(page.locator("#report [role=status]")).containsText("english@foundry.example.org");
        }
        MimeMessage mail = mailsTo("english@foundry.example.org", 1)[0];
        assertEquals("Please confirm your email address (Digitalcheck 4.0)", mail.getSubject());
        Matcher link = Pattern.compile("http://localhost(/report/confirm/[A-Za-z0-9_-]{43}\\?lang=en)")
            .matcher(Mails.text(mail));
        assertTrue(link.find(), "the link opens its page in English");
        try (BrowserContext german = Browsers.newContext(browser)) {
            Page page = german.newPage();
            page.navigate(url("/?lang=de"));
            page.navigate(url(link.group(1)));
            assertThat(page.locator("h1")).hasText("Receive the report by email");
            assertNothingOfTheCheck(page, token);
            // the page can be switched like every page; what is sent stays English
            new KeyboardUser(page).activate("a[hreflang=de]");
            assertThat(page.locator("h1")).hasText("Bericht per E-Mail erhalten");
            auditBoth(page, "report-confirm-switched-de");
            new KeyboardUser(page).activate("form[action^='/report/confirm/'] button");
            assertThat(page.locator("[role=status]")).containsText("Der Bericht ist unterwegs an english@foundry.example.org");
            assertNothingOfTheCheck(page, token);
        }
        MimeMessage report = mailsTo("english@foundry.example.org", 2)[1];
        assertEquals("Your digital readiness report (Digitalcheck 4.0)", report.getSubject());
        assertTrue(Mails.text(report).contains("Attached is the report"), Mails.text(report));
        assertTrue(Mails.text(report).contains("/check/" + token + "/result?lang=en"), "the report links to the result");
        smtp.purge(); // the other tests count from their first mail
        assertClean();
    }

    @Test
    void aSixthCopyOfACheckGetsAPageThatSaysWhy() {
        String token = CompletedChecks.of(questionnaires.current()).named("Kopierwerk").submit(new Http(server, json)).token();
        try (BrowserContext context = Browsers.newContext(browser)) {
            Page page = context.newPage();
            Response last = null;
            for (int i = 0; i < 6; i++) {
                page.navigate(url("/check/" + token + "/result"));
                last = new KeyboardUser(page).activate("form[action$='/again'] button");
            }
            assertEquals(429, last.status());
            assertThat(page.locator("h1")).hasText("Heute keine weitere Kopie dieses Selbstchecks");
            auditBoth(page, "check-again-limit");
        }
        assertClean();
    }

    /** No page of the confirmation link shows the check's token or links into a check. */
    private static void assertNothingOfTheCheck(Page page, String token) {
        String html = page.content();
        assertFalse(html.contains(token), "no check token on " + page.url());
        assertFalse(html.contains("/check/"), "no link into a check on " + page.url());
        assertFalse(page.url().contains(token), "no check token in the address " + page.url());
    }

    /**
     * The page at 1280 and 390 px for a look at it (not kept with the docs): {@code SHOTS} if set as a system property
     * or environment variable, else nowhere.
     */
    private static void shots(Page page, String name) {
        String dir = System.getProperty("SHOTS", System.getenv("SHOTS"));
        if (dir == null || dir.isBlank()) {
            return;
        }
        for (int width : new int[] {1280, 390}) {
            page.setViewportSize(width, width == 390 ? 844 : 900);
            page.screenshot(new Page.ScreenshotOptions().setFullPage(true)
                .setPath(java.nio.file.Paths.get(dir, name + "-" + width + ".png")));
        }
        page.setViewportSize(1280, 900);
    }

    private void auditBoth(Page page, String name) {
        page.setViewportSize(1280, 900);
        audit(page, name + "-desktop");
        page.setViewportSize(390, 844);
        assertNull(Browsers.horizontalOverflow(page, 390), name + " fits a phone");
        audit(page, name + "-phone");
        page.setViewportSize(1280, 900);
    }

    /** The report section alone (the whole result page is long), for docs/screenshots. */
    private static void section(Page page, String name) {
        for (int width : new int[] {1280, 390}) {
            page.setViewportSize(width, width == 390 ? 844 : 900);
            page.locator("#report").screenshot(new com.microsoft.playwright.Locator.ScreenshotOptions()
                .setPath(Browsers.SCREENSHOTS.resolve(name + "-section-" + width + ".png")));
        }
        page.setViewportSize(1280, 900);
    }

    /** The first {@code count} mails to {@code address} (waits at most 10 s; other tests' late mails do not count). */
    private MimeMessage[] mailsTo(String address, int count) throws Exception {
        MimeMessage[] mails = new MimeMessage[0];
        for (int i = 0; i < 100 && mails.length < count; i++) {
            Thread.sleep(100);
            java.util.List<MimeMessage> to = new java.util.ArrayList<>();
            for (MimeMessage m : smtp.received()) {
                if (m.getAllRecipients()[0].toString().equals(address)) {
                    to.add(m);
                }
            }
            mails = to.toArray(MimeMessage[]::new);
        }
        assertTrue(mails.length >= count, count + " mail(s) to " + address);
        return mails;
    }

    private String url(String path) {
        return server.getURL() + path;
    }
}
