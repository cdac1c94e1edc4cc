package de.digitalcheck.portal.browser;

import com.deque.html.axecore.playwright.AxeBuilder;
import com.deque.html.axecore.results.AxeResults;
import com.deque.html.axecore.results.CheckedNode;
import com.deque.html.axecore.results.Rule;
import com.microsoft.playwright.Page;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.fail;

/** axe-core against WCAG 2.0/2.1 A and AA: a page passes only with zero violations. */
final class Axe {

    static final List<String> TAGS = List.of("wcag2a", "wcag2aa", "wcag21a", "wcag21aa");

    private Axe() {
    }

    /**
     * Rules axe-core marks experimental (off by default) that the pages must pass too: a control's visible text is part
     * of its accessible name (WCAG 2.5.3, label in name: speech users say what they see).
     */
    static final List<String> EXPERIMENTAL = List.of("label-content-name-mismatch");

    static void assertNoViolations(Page page, String pageName) {
        String violations = violations(page, pageName);
        if (violations != null) {
            fail(violations);
        }
        String experimental = violationsOf(page, pageName, EXPERIMENTAL);
        if (experimental != null) {
            fail(experimental);
        }
        // what axe-core does not look at: links and buttons of one name that do different things
        String ambiguous = Browsers.ambiguousNames(page);
        if (ambiguous != null) {
            fail(pageName + " (" + page.url() + "): links or buttons of the same name do different things: " + ambiguous);
        }
    }

    /** The page's violations as readable text (rule id, help, target nodes), or null when there are none. */
    static String violations(Page page, String pageName) {
        // Legacy mode runs axe.run() in the page itself (the pages have no frames): about twice as fast.
        AxeResults results = new AxeBuilder(page).withTags(TAGS).setLegacyMode(true).analyze();
        assertFalse(results.isErrored(), () -> "axe-core failed on " + pageName + ": " + results.getErrorMessage());
        List<Rule> violations = results.getViolations();
        return violations.isEmpty() ? null : describe(pageName, page.url(), violations);
    }

    /**
     * The violations of the named rules only, or null: for rules the WCAG tags leave out because axe-core marks them
     * experimental (e.g. "label-content-name-mismatch", WCAG 2.5.3), which naming them runs.
     */
    static String violationsOf(Page page, String pageName, List<String> rules) {
        AxeResults results = new AxeBuilder(page).withRules(rules).setLegacyMode(true).analyze();
        assertFalse(results.isErrored(), () -> "axe-core failed on " + pageName + ": " + results.getErrorMessage());
        List<Rule> violations = results.getViolations();
        return violations.isEmpty() ? null : describe(pageName, page.url(), violations);
    }

    static String describe(String pageName, String url, List<Rule> violations) {
        StringBuilder text = new StringBuilder()
            .append(violations.size()).append(" axe-core violation(s) on ").append(pageName).append(" (").append(url).append("):");
        for (Rule rule : violations) {
            text.append("\n- ").append(rule.getId()).append(" [").append(rule.getImpact()).append("] ")
                .append(rule.getHelp()).append(" (").append(rule.getHelpUrl()).append(")");
            for (CheckedNode node : rule.getNodes()) {
                text.append("\n    target ").append(node.getTarget()).append(": ").append(node.getHtml());
                if (node.getFailureSummary() != null) {
                    text.append("\n      ").append(node.getFailureSummary().replace("\n", "\n      "));
                }
            }
        }
        return text.toString();
    }
}
