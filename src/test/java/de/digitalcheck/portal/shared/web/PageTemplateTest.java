package de.digitalcheck.portal.shared.web;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PageTemplateTest {

    private static final String HTML = "<form action=\"/c/TOK/s\"><input name=\"_csrf\" value=\"CSRF\">"
        + "<input id=\"o-a\" value=\"a\"><input id=\"o-ab\" value=\"ab\"><p>Größe TOK</p></form>";

    private static PageTemplate page() {
        return PageTemplate.compile(HTML, Map.of("TOK", "token", "CSRF", "csrf"),
            Map.of("id=\"o-a\"", "a", "id=\"o-ab\"", "ab"), " checked");
    }

    private static String fill(PageTemplate page, Map<String, String> values, Set<String> on) {
        return new String(page.fill(values, on), StandardCharsets.UTF_8);
    }

    @Test
    void fillsEveryMarkerAndSwitchesOnlyTheChosenAnchors() {
        assertThat(fill(page(), Map.of("token", "t-1_x", "csrf", "c2"), Set.of("ab", "unrelated")))
            .isEqualTo("<form action=\"/c/t-1_x/s\"><input name=\"_csrf\" value=\"c2\">"
                + "<input id=\"o-a\" value=\"a\"><input id=\"o-ab\" checked value=\"ab\"><p>Größe t-1_x</p></form>");
        assertThat(fill(page(), Map.of("token", "", "csrf", "c"), Set.of()))
            .isEqualTo(HTML.replace("TOK", "").replace("CSRF", "c"));
        assertThat(page().switches()).containsExactlyInAnyOrder("a", "ab");
    }

    @Test
    void refusesValuesThatCouldBreakOutOfTheirPlace() {
        assertThatThrownBy(() -> page().fill(Map.of("token", "\"><script>", "csrf", "c"), Set.of()))
            .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> page().fill(Map.of("token", "t"), Set.of()))
            .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("csrf");
    }

    @Test
    void aPageWithoutItsMarkersOrWithAmbiguousAnchorsDoesNotCompile() {
        assertThatThrownBy(() -> PageTemplate.compile(HTML, Map.of("MISSING", "x"), Map.of(), ""))
            .hasMessageContaining("MISSING");
        assertThatThrownBy(() -> PageTemplate.compile(HTML + "<i id=\"o-a\">", Map.of(), Map.of("id=\"o-a\"", "a"), ""))
            .hasMessageContaining("2 times");
        assertThatThrownBy(() -> PageTemplate.compile(HTML, Map.of(), Map.of("id=\"o-z\"", "z"), ""))
            .hasMessageContaining("0 times");
    }
}
