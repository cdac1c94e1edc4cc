package de.digitalcheck.portal.shared.web;

import io.micronaut.core.annotation.Nullable;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * An {@code Accept} header read as RFC 9110 §12.5.1 says: media ranges, each with its weight {@code q} (1 when
 * absent); for a media type the most specific range that matches it gives its weight ({@code type/subtype} with
 * parameters before {@code type/subtype} before {@code type/*} before {@code *}{@code /*}; the first of equally specific
 * ones); a weight of 0, or no matching range, means "not acceptable". Parameters other than {@code q} make a range more
 * specific but do not restrict what it matches ({@code application/json; charset=utf-8} is a common way of asking for
 * JSON). A header that does not follow the grammar (a range without {@code /}, a {@code q} that is not 0 to 1 with at
 * most three decimals, an unclosed quote) is malformed: {@link #parse} answers empty. Written here rather than taken
 * from Micronaut's {@code MediaType.orderedOf}, which orders ranges by weight only: with {@code *}{@code /*,
 * application/pdf;q=0} the wildcard comes first and still selects the PDF, and a malformed weight is not an error.
 */
final class MediaRanges {

    private static final Pattern TOKEN = Pattern.compile("[!#$%&'*+.^_`|~0-9A-Za-z-]+");
    private static final Pattern QVALUE = Pattern.compile("0(\\.[0-9]{0,3})?|1(\\.0{0,3})?");

    /** One media range: lower-case type and subtype ({@code *} for any), its weight in thousandths, its parameters. */
    record Range(String type, String subtype, int weight, int parameters) {

        boolean matches(String mediaType) {
            int slash = mediaType.indexOf('/');
            String t = mediaType.substring(0, slash).toLowerCase(Locale.ROOT);
            String s = mediaType.substring(slash + 1).toLowerCase(Locale.ROOT);
            return type.equals("*") || type.equals(t) && (subtype.equals("*") || subtype.equals(s));
        }

        int specificity() {
            return type.equals("*") ? 0 : subtype.equals("*") ? 1 : parameters > 0 ? 3 : 2;
        }
    }

    private final List<Range> ranges;

    private MediaRanges(List<Range> ranges) {
        this.ranges = ranges;
    }

    /** The header's ranges; empty when it is malformed. */
    static Optional<MediaRanges> parse(String header) {
        List<Range> ranges = new ArrayList<>();
        for (String element : split(header, ',')) {
            if (element == null) {
                return Optional.empty(); // an unclosed quoted string
            }
            if (element.isBlank()) {
                continue; // RFC 9110 §5.6.1: empty list elements are ignored
            }
            Range range = range(element);
            if (range == null) {
                return Optional.empty();
            }
            ranges.add(range);
        }
        return Optional.of(new MediaRanges(List.copyOf(ranges)));
    }

    boolean isEmpty() {
        return ranges.isEmpty();
    }

    /** The weight (0 to 1000) the header gives a media type such as {@code application/pdf}. */
    int weight(String mediaType) {
        Range best = null;
        for (Range r : ranges) {
            if (r.matches(mediaType) && (best == null || r.specificity() > best.specificity())) {
                best = r;
            }
        }
        return best == null ? 0 : best.weight();
    }

    /** Of the types offered (in the route's order), the one with the highest weight above 0; null if none. */
    @Nullable
    String choose(List<String> offered) {
        String chosen = null;
        int weight = 0;
        for (String type : offered) {
            int w = weight(type);
            if (w > weight) {
                chosen = type;
                weight = w;
            }
        }
        return chosen;
    }

    private static Range range(String element) {
        List<String> parts = split(element, ';');
        String[] name = parts.get(0).strip().split("/", -1);
        if (name.length != 2 || !TOKEN.matcher(name[0]).matches() || !TOKEN.matcher(name[1]).matches()
            || name[0].equals("*") && !name[1].equals("*")) {
            return null;
        }
        int weight = 1000;
        int parameters = 0;
        for (String parameter : parts.subList(1, parts.size())) {
            int eq = parameter.indexOf('=');
            String key = eq < 0 ? parameter.strip() : parameter.substring(0, eq).strip();
            String value = eq < 0 ? null : parameter.substring(eq + 1).strip();
            if (!TOKEN.matcher(key).matches() || value == null || value.isEmpty()) {
                return null;
            }
            if (key.equalsIgnoreCase("q")) {
                if (!QVALUE.matcher(value).matches()) {
                    return null;
                }
                weight = (int) Math.round(Double.parseDouble(value) * 1000);
                break; // what follows the weight are accept extensions, which mean nothing here
            }
            parameters++;
        }
        return new Range(name[0].toLowerCase(Locale.ROOT), name[1].toLowerCase(Locale.ROOT), weight, parameters);
    }

    /** Splits at {@code separator} outside quoted strings; a null element for an unclosed quote. */
    private static List<String> split(String text, char separator) {
        List<String> parts = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (quoted && c == '\\' && i + 1 < text.length()) {
                current.append(c).append(text.charAt(++i));
                continue;
            }
            if (c == '"') {
                quoted = !quoted;
            }
            if (c == separator && !quoted) {
                parts.add(current.toString());
                current.setLength(0);
            } else {
                current.append(c);
            }
        }
        parts.add(quoted ? null : current.toString());
        return parts;
    }
}
