package de.digitalcheck.portal.shared.i18n;

import java.text.Collator;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;

/**
 * Names in the order a German reader expects ("go-digital" among the G's, "Ärztehaus" beside "Arztpraxis"), the same
 * on every database: an {@code ORDER BY name} sorts by the column's collation, which is binary on H2 (upper case before
 * lower case) and case-insensitive on MySQL/MariaDB. Ties are broken by the exact text, so the order is total.
 */
public final class NameOrder {

    private NameOrder() {
    }

    /** {@code items} sorted by {@code name} in German order (a new list). */
    public static <T> List<T> sorted(List<T> items, Function<T, String> name) {
        Collator collator = Collator.getInstance(Locale.GERMAN);
        collator.setStrength(Collator.SECONDARY);
        Comparator<String> german = (a, b) -> collator.compare(a, b);
        return items.stream()
            .sorted(Comparator.comparing(name, german.thenComparing(Comparator.naturalOrder())))
            .toList();
    }
}
