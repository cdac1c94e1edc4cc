package de.digitalcheck.portal.browser;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import de.digitalcheck.portal.readiness.Questionnaires;
import de.digitalcheck.portal.support.CompletedChecks;
import de.digitalcheck.portal.support.Http;
import io.micronaut.json.JsonMapper;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A company's pages fit a 320 px phone (WCAG 1.4.10) whatever the company and its agency are called: the demo
 * network's longest agency names ("WirtschaftsEntwicklungsGesellschaft Bochum", "Wirtschaftsförderungsgesellschaft für
 * den Kreis Unna") and a long compound company name, on the result page and the booking page, in German and English.
 * The booking page's introduction named the Unna agency in a line wider than the content.
 */
@MicronautTest(transactional = false)
class LongNamesBrowserTest extends BrowserTestSupport {

    @Inject
    EmbeddedServer server;
    @Inject
    JsonMapper json;
    @Inject
    Questionnaires questionnaires;

    @Test
    void resultAndBookingPagesFitAPhoneWithLongNames() {
        Http http = new Http(server, json);
        List<String> overflowing = new ArrayList<>();
        int pages = 0;
        for (String postalCode : List.of("44787", "59423")) {
            for (String language : List.of("de", "en")) {
                // a context of its own: the page language a check's link sets (?lang=en) is remembered in a cookie
                try (BrowserContext context = Browsers.newContext(browser)) {
                    Page page = context.newPage();
                    CompletedChecks.Completed check = CompletedChecks.of(questionnaires.current())
                        .named("Hydraulikzylinderinstandsetzungsgesellschaft mbH").at(postalCode).in(language).submit(http);
                    page.navigate(url(check.path("resultUrl")));
                    assertThat(page.locator("html")).hasAttribute("lang", language);
                    String booking = page.locator("main a[href$='/termin']").first().getAttribute("href");
                    for (String path : List.of(check.path("resultUrl"), booking)) {
                        page.navigate(url(path));
                        pages++;
                        String overflow = Browsers.horizontalOverflow(page, 320);
                        if (overflow != null) {
                            overflowing.add(postalCode + " " + language + " " + path + ": " + overflow);
                        }
                    }
                    page.setViewportSize(320, 640);
                    String violations = Axe.violations(page, "booking-long-names-" + postalCode + "-" + language);
                    assertTrue(violations == null, violations);
                }
            }
        }
        assertEquals(8, pages, "result and booking page of four checks");
        assertTrue(overflowing.isEmpty(), String.join("\n", overflowing));
    }

    private String url(String path) {
        String base = server.getURL().toString();
        return (base.endsWith("/") ? base.substring(0, base.length() - 1) : base) + path;
    }
}
