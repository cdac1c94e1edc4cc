package de.digitalcheck.portal.shared.web;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A page rendered once by the template engine with marker values in its per-request places, then served by
 * copying its static bytes and filling in those places: the page's HTML is exactly what the template engine
 * would have written for the same values, at the cost of a memory copy.
 *
 * <p>Two kinds of places: <em>values</em> (a marker string in the rendered HTML, replaced by the request's value,
 * which must be URL- and HTML-safe: letters, digits, {@code -} and {@code _}) and <em>switches</em> (an anchor
 * text, e.g. {@code id="o-x"}, after which a fixed text such as {@code  checked="checked"} is inserted when the
 * switch is on).
 */
public final class PageTemplate {

    private static final Pattern SAFE_VALUE = Pattern.compile("[A-Za-z0-9_-]*");

    private final byte[][] parts;
    /** After part i: the name of the value to insert, or of the switch, or null after the last part. */
    private final String[] places;
    private final boolean[] isSwitch;
    private final byte[] switchText;
    private final int staticLength;

    private PageTemplate(List<byte[]> parts, List<String> places, List<Boolean> switches, String switchText) {
        this.parts = parts.toArray(byte[][]::new);
        this.places = places.toArray(String[]::new);
        this.isSwitch = new boolean[switches.size()];
        for (int i = 0; i < switches.size(); i++) {
            isSwitch[i] = switches.get(i);
        }
        this.switchText = switchText.getBytes(StandardCharsets.UTF_8);
        int length = 0;
        for (byte[] part : this.parts) {
            length += part.length;
        }
        this.staticLength = length;
    }

    /**
     * Splits rendered HTML at its places.
     *
     * @param html       the page as rendered with the markers
     * @param values     marker text → value name; every marker must occur at least once
     * @param switches   anchor text → switch name; every anchor must occur exactly once
     * @param switchText what a switch that is on inserts after its anchor
     */
    public static PageTemplate compile(String html, Map<String, String> values, Map<String, String> switches,
                                       String switchText) {
        Map<String, String> byText = new HashMap<>(values);
        byText.putAll(switches);
        StringBuilder alternatives = new StringBuilder();
        // Longer texts first, so that no anchor is cut short by another that is its prefix.
        byText.keySet().stream().sorted((a, b) -> b.length() - a.length()).forEach(text -> {
            if (alternatives.length() > 0) {
                alternatives.append('|');
            }
            alternatives.append(Pattern.quote(text));
        });
        List<byte[]> parts = new ArrayList<>();
        List<String> places = new ArrayList<>();
        List<Boolean> kinds = new ArrayList<>();
        Map<String, Integer> seen = new HashMap<>();
        Matcher m = Pattern.compile(alternatives.toString()).matcher(html);
        int from = 0;
        while (m.find()) {
            String text = m.group();
            seen.merge(text, 1, Integer::sum);
            boolean isSwitch = switches.containsKey(text);
            int end = isSwitch ? m.end() : m.start();
            parts.add(html.substring(from, end).getBytes(StandardCharsets.UTF_8));
            places.add(byText.get(text));
            kinds.add(isSwitch);
            from = m.end();
        }
        parts.add(html.substring(from).getBytes(StandardCharsets.UTF_8));
        for (String marker : values.keySet()) {
            if (!seen.containsKey(marker)) {
                throw new IllegalArgumentException("marker " + marker + " does not occur in the page");
            }
        }
        for (String anchor : switches.keySet()) {
            if (seen.getOrDefault(anchor, 0) != 1) {
                throw new IllegalArgumentException("anchor " + anchor + " occurs " + seen.getOrDefault(anchor, 0)
                    + " times in the page, not once");
            }
        }
        return new PageTemplate(parts, places, kinds, switchText);
    }

    /** The page with these values, and the switches named in {@code on} switched on. */
    public byte[] fill(Map<String, String> values, Set<String> on) {
        byte[][] inserted = new byte[places.length][];
        int length = staticLength;
        for (int i = 0; i < places.length; i++) {
            if (isSwitch[i]) {
                inserted[i] = on.contains(places[i]) ? switchText : null;
            } else {
                String value = values.get(places[i]);
                if (value == null || !SAFE_VALUE.matcher(value).matches()) {
                    throw new IllegalArgumentException("missing or unsafe value for " + places[i]);
                }
                inserted[i] = value.getBytes(StandardCharsets.US_ASCII);
            }
            length += inserted[i] == null ? 0 : inserted[i].length;
        }
        byte[] page = new byte[length];
        int at = 0;
        for (int i = 0; i < parts.length; i++) {
            System.arraycopy(parts[i], 0, page, at, parts[i].length);
            at += parts[i].length;
            if (i < places.length && inserted[i] != null) {
                System.arraycopy(inserted[i], 0, page, at, inserted[i].length);
                at += inserted[i].length;
            }
        }
        return page;
    }

    /** Names of the switches of this page (for tests and diagnostics). */
    public Set<String> switches() {
        Set<String> names = new java.util.LinkedHashSet<>();
        for (int i = 0; i < places.length; i++) {
            if (isSwitch[i]) {
                names.add(places[i]);
            }
        }
        return names;
    }
}
