package de.digitalcheck.portal.browser;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import com.microsoft.playwright.options.ViewportSize;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertTrue;

/** Starts Debian's Chromium through Playwright; Playwright never downloads a browser of its own. */
final class Browsers {

    static final Path CHROMIUM = Paths.get("/usr/bin/chromium");
    static final Path SCREENSHOTS = Paths.get("target", "screenshots");

    private static final List<String> ARGS = List.of("--no-sandbox", "--disable-gpu", "--disable-quic",
        "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync");

    private Browsers() {
    }

    static boolean onCi() {
        return "true".equalsIgnoreCase(System.getenv("CI"));
    }

    /** Playwright with browser downloads switched off, whatever the environment says. */
    static Playwright playwright() {
        return Playwright.create(new Playwright.CreateOptions()
            .setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
    }

    static Browser launch(Playwright playwright) {
        assertTrue(Files.isExecutable(CHROMIUM), "Chromium is required for the browser tests but "
            + CHROMIUM + " is missing (CI=" + System.getenv("CI") + "); install Debian's chromium package");
        return playwright.chromium().launch(new BrowserType.LaunchOptions()
            .setExecutablePath(CHROMIUM)
            .setHeadless(true)
            .setArgs(ARGS));
    }

    /** The address of a page of another site ({@link #followFromAnotherSite}). */
    static final String OTHER_SITE = "http://webmail.example/";

    /**
     * Follows a link to {@code target} from a page of another site (a web mail, the sign-in provider's page), as a
     * person clicks it: a navigation that another site began, for which Chromium sends no {@code SameSite=Strict}
     * cookie, also along the redirects that follow. (Chromium's own navigation, {@code page.navigate}, counts as
     * typed in the address bar: it sends them.) The other site's page is served by the browser context itself.
     */
    static void followFromAnotherSite(Page page, String target) {
        String html = "<!DOCTYPE html><html lang=\"de\"><head><title>Post</title></head><body>"
            + "<a id=\"elsewhere\" href=\"" + target.replace("&", "&amp;") + "\">Link</a></body></html>";
        page.context().route(OTHER_SITE + "**", route -> route.fulfill(
            new com.microsoft.playwright.Route.FulfillOptions().setStatus(200)
                .setContentType("text/html; charset=utf-8").setBody(html)));
        page.navigate(OTHER_SITE + "post");
        page.click("#elsewhere");
        page.context().unroute(OTHER_SITE + "**");
    }

    /** A fresh context: no cookies (so German, the default language), a desktop-sized viewport. */
    static BrowserContext newContext(Browser browser) {
        BrowserContext context = browser.newContext(new Browser.NewContextOptions()
            .setViewportSize(1280, 900)
            .setLocale("de-DE"));
        context.setDefaultTimeout(15_000);
        context.setDefaultNavigationTimeout(15_000);
        return context;
    }

    /**
     * Null when the page fits {@code width} CSS pixels without horizontal scrolling and nothing in the main content
     * reaches past its container's padding (outside a scroll container such as a responsive table's), else the
     * elements that stick out. The viewport is restored afterwards. The second half catches what the first cannot: a
     * hint holding an address without break opportunities widened the webhook form to the screen's edge while the page
     * itself still fitted. Text wider than its own box counts too (a long agency name in a heading at 320 px reached past
     * the content's edge while the heading's box did not).
     */
    static String horizontalOverflow(Page page, int width) {
        ViewportSize original = page.viewportSize();
        page.setViewportSize(width, 640);
        try {
            String content = (String) page.evaluate("() => {"
                + " const main = document.querySelector('main'); if (!main) return null;"
                + " const box = main.querySelector('.kern-container') || main;"
                + " const right = box.getBoundingClientRect().right - parseFloat(getComputedStyle(box).paddingRight) + 1;"
                + " const scrolls = e => { for (let a = e.parentElement; a && a !== box; a = a.parentElement) {"
                + "   const o = getComputedStyle(a).overflowX; if (o === 'auto' || o === 'scroll' || o === 'hidden') return true; }"
                + "   return false; };"
                + " const wide = [...box.querySelectorAll('*')].filter(e => { const r = e.getBoundingClientRect();"
                + "   if (r.width <= 0 || scrolls(e)) return false;"
                + "   if (r.right > right) return true;"
                // text wider than its own box (a long word in a heading) reaches past the edge without the box doing so
                + "   const s = getComputedStyle(e);"
                + "   return s.display !== 'inline' && s.overflowX === 'visible' && !(e instanceof SVGElement)"
                + "     && e.scrollWidth > e.clientWidth + 1 && r.left + e.scrollWidth > right; });"
                + " const outer = wide.filter(e => !wide.includes(e.parentElement));"
                + " return outer.length === 0 ? null : 'past the content edge (' + Math.round(right) + ' px): ' + outer.slice(0, 5)"
                + "  .map(e => e.tagName.toLowerCase() + (e.id ? '#' + e.id : '')"
                + "  + (typeof e.className === 'string' && e.className.trim() ? '.' + e.className.trim().split(/\\s+/).join('.') : '')"
                + "  + ' (right edge ' + Math.round(e.getBoundingClientRect().right) + ' px)').join(', ');"
                + "}");
            if (content != null) {
                return content;
            }
            return (String) page.evaluate("() => {"
                + " const w = document.documentElement.clientWidth;"
                + " if (document.documentElement.scrollWidth <= w) return null;"
                + " const wide = [...document.querySelectorAll('body *')].filter(e => e.getBoundingClientRect().right > w + 1);"
                + " const outer = wide.filter(e => !wide.includes(e.parentElement));"
                + " return 'page ' + document.documentElement.scrollWidth + ' px wide; ' + outer.slice(0, 5).map(e =>"
                + "  e.tagName.toLowerCase() + (e.id ? '#' + e.id : '')"
                + "  + (typeof e.className === 'string' && e.className.trim() ? '.' + e.className.trim().split(/\\s+/).join('.') : '')"
                + "  + ' (right edge ' + Math.round(e.getBoundingClientRect().right) + ' px)').join(', ');"
                + "}");
        } finally {
            page.setViewportSize(original.width, original.height);
        }
    }

    /**
     * The buttons (and links styled as buttons) in the main content narrower than their visible label, or null: KERN
     * sizes a button that holds a screen-reader-only addition as an icon-only button (48 px), which cut "Einwilligung
     * widerrufen" down to "willigung / derrufen". axe-core does not see it: the accessible name is whole.
     */
    static String clippedControls(Page page) {
        return (String) page.evaluate("() => {"
            + " const clipped = [...document.querySelectorAll('main .kern-btn')].filter(b => {"
            + "  const r = b.getBoundingClientRect(); if (r.width === 0) return false;"
            + "  const label = b.querySelector('.kern-label:not(.kern-sr-only)');"
            + "  return b.scrollWidth > b.clientWidth + 1 || (label && label.getBoundingClientRect().width > r.width + 1); });"
            + " return clipped.length === 0 ? null : clipped.map(b => '\u201e' + b.textContent.trim().replace(/\\s+/g, ' ')"
            + "  + '\u201c ' + Math.round(b.getBoundingClientRect().width) + ' px').join(', ');"
            + "}");
    }

    /**
     * The words (of at most 25 characters, between spaces, hyphens, dashes and middle dots, and the parts of a web
     * address between "/", ".", "?", "&", "=" and "#") in the elements that {@code selector} finds that are broken
     * over two lines, or null. A table whose cells let words break anywhere squeezed a column below its words:
     * "Unterneh|men" in the lead's trail, "Erstgesp|räch" in the coach's week at 1280 px; the webhook's hint broke its
     * example address as "…/hooks/digitalc|heck" on a phone. Longer strings (a 200-character name) may break; text
     * only for screen readers is left out.
     */
    static String brokenWords(Page page, String selector) {
        return (String) page.evaluate("sel => {"
            + " const broken = [];"
            + " for (const cell of document.querySelectorAll(sel)) {"
            + "  const walker = document.createTreeWalker(cell, NodeFilter.SHOW_TEXT);"
            + "  for (let n; (n = walker.nextNode());) {"
            + "   if (n.parentElement.closest('.kern-sr-only')) continue;"
            + "   for (const m of n.data.matchAll(/[^\\s\\-\u2013\u00b7\\/.?&=#]+/g)) {"
            + "    if (m[0].length > 25) continue;"
            + "    const r = document.createRange(); r.setStart(n, m.index); r.setEnd(n, m.index + m[0].length);"
            + "    const lines = new Set([...r.getClientRects()].filter(x => x.width > 0).map(x => Math.round(x.top)));"
            + "    if (lines.size > 1) broken.push(m[0]); } } }"
            + " return broken.length === 0 ? null : broken.join(', ');"
            + "}", selector);
    }

    /**
     * The visible table captions narrower than their table, or null: a caption left as a table caption in a table
     * stacked into blocks on a phone shrinks to its longest word and wraps after every word.
     */
    static String squeezedCaptions(Page page) {
        return (String) page.evaluate("() => {"
            + " const squeezed = [...document.querySelectorAll('table > caption')].filter(c => {"
            + "  const r = c.getBoundingClientRect();"
            + "  return !c.classList.contains('kern-sr-only') && r.width > 1"
            + "   && r.width < c.parentElement.getBoundingClientRect().width - 1; });"
            + " return squeezed.length === 0 ? null : squeezed.map(c => '\u201e' + c.textContent.trim() + '\u201c '"
            + "  + Math.round(c.getBoundingClientRect().width) + ' of '"
            + "  + Math.round(c.parentElement.getBoundingClientRect().width) + ' px').join(', ');"
            + "}");
    }

    /**
     * The names that several links, buttons or disclosure summaries share while they lead to or do different things,
     * or null: a screen reader lists a page's links and buttons by name alone (WCAG 2.4.4, 2.4.6), and ten buttons
     * "Speichern", one per funding programme, or three "Als Tabelle anzeigen", one per chart, say nothing there. A
     * link's target is its address, a button's its form's action with its own name and value, a summary's its own
     * disclosure. The name is the one computed from aria-label, aria-labelledby or the text (hidden additions for
     * screen readers included), which is what the portal's pages use.
     */
    static String ambiguousNames(Page page) {
        return (String) page.evaluate("() => {"
            + " const text = e => (e.textContent || '').replace(/\\s+/g, ' ').trim();"
            + " const name = e => e.getAttribute('aria-label') ? e.getAttribute('aria-label').trim()"
            + "  : e.getAttribute('aria-labelledby') ? e.getAttribute('aria-labelledby').split(/\\s+/)"
            + "    .map(id => document.getElementById(id)).filter(x => x).map(text).join(' ') : text(e);"
            + " const byName = new Map();"
            + " [...document.querySelectorAll('a[href], button, summary')].filter(e => e.getClientRects().length > 0)"
            + "  .forEach((e, i) => {"
            + "   const target = e.tagName === 'A' ? e.href"
            + "    : e.tagName === 'BUTTON' ? (e.form ? e.form.action + ' ' + e.form.method : 'button ' + i) + ' ' + e.name + '=' + e.value"
            + "    : 'summary ' + i;"
            + "   const n = name(e); if (!byName.has(n)) byName.set(n, new Set()); byName.get(n).add(target); });"
            + " const shared = [...byName].filter(([n, targets]) => targets.size > 1);"
            + " return shared.length === 0 ? null : shared.map(([n, targets]) => '\u201e' + n + '\u201c for '"
            + "  + targets.size + ' different targets').join(', ');"
            + "}");
    }

    static void screenshot(Page page, Path file) {
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        page.screenshot(new Page.ScreenshotOptions().setPath(file).setFullPage(true));
    }

    static void screenshot(Page page, String name) {
        screenshot(page, SCREENSHOTS.resolve(name + ".png"));
    }
}
