package de.digitalcheck.portal.browser;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Response;
import com.microsoft.playwright.Route;
import com.microsoft.playwright.options.Cookie;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.util.List;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A page address with broken percent-encoding, opened in a real browser, is the error page in the person's language:
 * English for a person who chose English (the language cookie, left by {@code ?lang=en}) or whose browser asks for
 * English, German otherwise — never the German page for everybody. The browser sends these addresses as typed
 * ({@code %ZZ}, a lone {@code %}, {@code %C3%28}, {@code %00}). axe-core finds nothing, on a desktop and a phone.
 */
@MicronautTest(transactional = false)
class UnreadableAddressBrowserTest extends BrowserTestSupport {

    private static final List<String> BROKEN = List.of("/check?x=%ZZ", "/%ZZ", "/check/%C3%28", "/check?x=%00",
        "/check?x=%", "/mein-unternehmen?lang=en&x=%ZZ");

    @Inject
    EmbeddedServer server;

    @Test
    void aPersonWhoChoseEnglishGetsTheEnglishPage() {
        try (BrowserContext context = Browsers.newContext(browser)) {
            Page page = context.newPage();
            page.navigate(server.getURL() + "/check?lang=en"); // the choice, remembered in the cookie
            assertThat(context.cookies()).anyMatch(c -> c.name.equals("lang") && c.value.equals("en"));
            for (String target : BROKEN) {
                Response response = page.navigate(server.getURL() + target);
                assertThat(response.status()).as(target).isEqualTo(400);
                assertThat(page.locator("html")).hasAttribute("lang", "en");
                assertThat(page.locator("h1")).hasText("That did not work");
                assertThat(page.locator("main")).containsText("This page’s address is broken and cannot be read");
                assertThat(page.locator("a[hreflang=de]")).hasAttribute("href", "/?lang=de");
            }
            page.navigate(server.getURL() + "/check?x=%ZZ");
            auditAtBothWidths(page, "unreadable-address-en", true);
            // the way on: the home page in English, the language kept
            page.locator("main a.kern-link").click();
            assertThat(page.locator("html")).hasAttribute("lang", "en");
        }
        assertClean();
    }

    @Test
    void aBrowserAskingForEnglishGetsTheEnglishPageUntilThePersonChoosesGerman() {
        try (BrowserContext context = browser.newContext(new Browser.NewContextOptions()
            .setViewportSize(1280, 900).setLocale("en-GB"))) {
            Page page = context.newPage();
            for (String target : BROKEN) {
                assertThat(page.navigate(server.getURL() + target).status()).as(target).isEqualTo(400);
                assertThat(page.locator("html")).hasAttribute("lang", "en");
                assertThat(page.locator("main")).containsText("This page’s address is broken");
            }
            context.addCookies(List.of(new Cookie("lang", "de").setUrl(server.getURL().toString())));
            page.navigate(server.getURL() + "/check?x=%ZZ");
            assertThat(page.locator("html")).hasAttribute("lang", "de");
            assertThat(page.locator("main")).containsText("Die Adresse dieser Seite ist fehlerhaft");
        }
    }

    @Test
    void everybodyElseGetsTheGermanPage() {
        try (BrowserContext context = Browsers.newContext(browser)) {
            Page page = context.newPage();
            for (String target : BROKEN) {
                assertThat(page.navigate(server.getURL() + target).status()).as(target).isEqualTo(400);
                assertThat(page.locator("html")).hasAttribute("lang", "de");
                assertThat(page.locator("h1")).hasText("Das hat nicht geklappt");
                assertThat(page.locator("main")).containsText("Die Adresse dieser Seite ist fehlerhaft und kann nicht gelesen werden");
                assertThat(page.locator("a[hreflang=en]")).hasAttribute("href", "/?lang=en");
            }
            // the broken address's own ?lang=en is not trusted, and not remembered
            assertThat(context.cookies()).noneMatch(c -> c.name.equals("lang"));
            page.navigate(server.getURL() + "/check?x=%ZZ");
            auditAtBothWidths(page, "unreadable-address-de", true);
        }
        assertClean();
    }

    /**
     * A form whose body is no UTF-8 (here the browser's post of the company form with its name as a Latin-1 byte, as a
     * script might send it) is the error page in the person's language saying that nothing was saved, never the
     * form stored with U+FFFD in the name. Going back shows the form with what was typed.
     */
    @Test
    void aFormThatCannotBeReadIsSaidSoAndNothingIsSaved() {
        try (BrowserContext context = Browsers.newContext(browser)) {
            Page page = context.newPage();
            page.route("**/check", route -> {
                if ("POST".equals(route.request().method())) {
                    route.resume(new Route.ResumeOptions().setPostData(
                        route.request().postData().replaceFirst("(^|&)name=[^&]*", "$1name=Caf%E9+GmbH")));
                } else {
                    route.resume();
                }
            });
            for (String lang : List.of("de", "en")) {
                page.navigate(server.getURL() + "/check?lang=" + lang);
                page.locator("#name").fill("Café GmbH");
                page.locator("#postalCode").fill("44135");
                page.locator("#sector").selectOption("C");
                page.locator("#employees").fill("12");
                page.locator("#type-OWN_PRODUCTS").check();
                Response response = page.waitForNavigation(() -> page.locator("form[action='/check'] button[type=submit]").click());
                assertThat(response.status()).isEqualTo(400);
                assertThat(page.locator("html")).hasAttribute("lang", lang);
                assertThat(page.locator("main")).containsText("de".equals(lang)
                    ? "Das Formular enthielt Zeichen, die nicht gelesen werden können. Es wurde nichts gespeichert."
                    : "The form contained characters that cannot be read. Nothing was saved.");
                auditAtBothWidths(page, "unreadable-form-" + lang, false);
                page.goBack();
                assertThat(page.locator("#name")).hasValue("Café GmbH");
            }
        }
        assertClean();
    }
}
