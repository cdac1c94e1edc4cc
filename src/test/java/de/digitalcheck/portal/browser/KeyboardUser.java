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

    /** Presses Tab until the focused element matches the CSS selector. */
    void tabTo(String selector) {
        for (int i = 0; i < MAX_TABS; i++) {
            page.keyboard().press("Tab");
            if (focusMatches(selector)) {
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
