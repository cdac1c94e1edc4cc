package de.digitalcheck.portal.shared.web;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The fast path's rule for the layout (see the package note of {@code readiness.web}): precompiled pages fill in only
 * the layout's known values, so the layout may use no other model variable. A new one fails here until it is checked
 * against the precompiled pages ({@link PageTemplates}, {@link LayoutModel#fill}) and added below.
 */
class LayoutFastPathTest {

    /** What {@link LayoutModel#fill} puts in, and the two fragments every page passes. */
    static final Set<String> FILLED = Set.of("lang", "otherLang", "switchUrl", "networkName", "csrf", "userName",
        "title", "content");

    @Test
    void theLayoutUsesOnlyTheValuesThatPrecompiledPagesFillIn() throws IOException {
        String layout;
        try (InputStream in = getClass().getResourceAsStream("/views/layout.html")) {
            layout = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        Set<String> used = new TreeSet<>();
        Matcher m = Pattern.compile("\\$\\{\\s*([A-Za-z_][A-Za-z0-9_]*)").matcher(layout);
        while (m.find()) {
            used.add(m.group(1));
        }
        assertThat(used).isNotEmpty().isSubsetOf(FILLED);
        assertThat(layout).as("no request-dependent expression objects").doesNotContain("#request", "#session",
            "#httpServletRequest", "#ctx", "param.", "#temporals.createNow", "#dates.createNow");
    }
}
