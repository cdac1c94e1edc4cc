package de.digitalcheck.portal.browser;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.PlaywrightException;
import com.microsoft.playwright.Response;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/** Drives a page the way a keyboard-only user does: Tab, arrow keys, Space, Enter, typing. */
final class KeyboardUser {

    /** Upper bound of Tab presses to reach one element; a page with more stops is a finding in itself. */
    static final int MAX_TABS = 80;

    private final Page page;
    private volatile String lastFailure;

    KeyboardUser(Page page) {
        this.page = page;
        page.onResponse(response -> {
            if (response.status() >= 400) {
                lastFailure = "HTTP " + response.status() + " for " + response.request().method() + " " + response.url()
                    + " (request Origin: " + response.request().headers().get("origin") + ")";
            }
        });
    }

    /** Presses Tab until the focused element matches the CSS selector, which must then be in view with its focus ring. */
    void tabTo(String selector) {
        for (int i = 0; i < MAX_TABS; i++) {
            page.keyboard().press("Tab");
            if (focusMatches(selector)) {
                assertFocusInView();
                return;
            }
        }
        fail("Could not reach '" + selector + "' with " + MAX_TABS + " Tab presses on " + page.url()
            + "; focus is on " + focused());
    }

    boolean focusMatches(String selector) {
        return (Boolean) page.evaluate("s => !!document.activeElement && document.activeElement.matches(s)", selector);
    }

    /** A short description of the focused element, for failure messages. */
    String focused() {
        return (String) page.evaluate("() => { const e = document.activeElement; if (!e) return 'nothing';"
            + " return e.outerHTML.substring(0, 200); }");
    }

    /**
     * Fails unless the focused element, with the part of its focus ring outside it (outline width and offset), lies
     * inside the window once the browser's scroll to it has come to rest (KERN scrolls smoothly: measured at once, a
     * fragment's or a focused alert's position is still the one before the scroll; on a busy machine the smooth scroll
     * began only after three still frames, so the position counts after 200 ms at the earliest). An element taller than the window
     * needs only its top edge inside. Where focus moved to an alert a redirect named, or to a field reached with Tab,
     * the browser scrolled it flush against the window's top or bottom edge and the ring's outer part was cut off.
     */
    void assertFocusInView() {
        String outside = (String) page.evaluate("() => new Promise(resolve => {"
            + " let last = null, still = 0, frames = 0; const began = performance.now();"
            + " const step = () => {"
            + "  const now = scrollX + ',' + scrollY; still = now === last ? still + 1 : 0; last = now;"
            + "  if ((still < 3 || performance.now() - began < 200) && ++frames < 600) {"
            + "   requestAnimationFrame(step); return; }"
            + "  const e = document.activeElement;"
            + "  if (!e || e === document.body) { resolve(null); return; }"
            + "  const s = getComputedStyle(e), r = e.getBoundingClientRect();"
            + "  const ring = s.outlineStyle === 'none' ? 0 : Math.max(0, parseFloat(s.outlineWidth) + parseFloat(s.outlineOffset));"
            + "  const top = r.top - ring, bottom = r.bottom + ring;"
            + "  const fits = bottom - top <= innerHeight;"
            + "  resolve(top >= 0 && (!fits || bottom <= innerHeight) ? null"
            + "   : 'its focus ring spans ' + Math.round(top) + ' to ' + Math.round(bottom) + ' px of a window '"
            + "     + innerHeight + ' px high');"
            + " };"
            + " requestAnimationFrame(step); })");
        if (outside != null) {
            fail("The focused element is not wholly in view: " + outside + "; " + focused() + " at " + page.url());
        }
    }

    void assertFocus(String selector) {
        assertTrue(focusMatches(selector), () -> "Expected focus on '" + selector + "' but it is on " + focused());
    }

    void type(String text) {
        page.keyboard().type(text);
    }

    void press(String key) {
        page.keyboard().press(key);
    }

    /** Presses a key that loads a new page (Enter on a link or button) and waits for the page. */
    Response pressForPage(String key) {
        String from = page.url();
        String on = focused();
        lastFailure = null;
        try {
            Response response = page.waitForNavigation(() -> page.keyboard().press(key));
            assertNotNull(response, "No page load after pressing " + key);
            return response;
        } catch (PlaywrightException e) {
            // Chromium reports an error status with an empty body as ERR_HTTP_RESPONSE_CODE_FAILURE: say which.
            throw new AssertionError("Pressing " + key + " on " + on + " at " + from + " did not load a page: "
                + e.getMessage().lines().findFirst().orElse("") + (lastFailure == null ? "" : "; last error response: " + lastFailure), e);
        }
    }

    /** Tabs to the element and presses Enter on it, waiting for the next page. */
    Response activate(String selector) {
        tabTo(selector);
        return pressForPage("Enter");
    }

    /**
     * Chooses option {@code index} (0-based) of a radio group: one Tab stop into the group, then arrow keys
     * (which move and check) or Space (which checks the focused option).
     */
    void chooseRadio(String name, int index) {
        String selector = "input[type=radio][name=\"" + name + "\"]";
        tabTo(selector);
        int at = focusedIndexIn(name);
        boolean checked = (Boolean) page.evaluate("() => document.activeElement.checked");
        if (at == index) {
            if (!checked) {
                press("Space");
            }
        } else {
            String key = index > at ? "ArrowDown" : "ArrowUp";
            for (int i = 0; i < Math.abs(index - at); i++) {
                press(key);
            }
        }
        assertEquals(index, checkedIndexIn(name), "radio group " + name);
        assertEquals(index, focusedIndexIn(name), "focus in radio group " + name);
    }

    int focusedIndexIn(String name) {
        return ((Number) page.evaluate("n => [...document.getElementsByName(n)].indexOf(document.activeElement)", name))
            .intValue();
    }

    /** The index of the checked option of a radio group, -1 if none is checked. */
    int checkedIndexIn(String name) {
        return ((Number) page.evaluate("n => [...document.getElementsByName(n)].findIndex(e => e.checked)", name))
            .intValue();
    }

    int optionCount(String name) {
        return ((Number) page.evaluate("n => document.getElementsByName(n).length", name)).intValue();
    }

    /** The radio group names of the questions on a dimension page, in page order. */
    @SuppressWarnings("unchecked")
    List<String> questionNames() {
        return (List<String>) page.evaluate("() => [...document.querySelectorAll('fieldset.dc-question')]"
            + ".map(f => f.querySelector('input[type=radio]').name)");
    }
}
