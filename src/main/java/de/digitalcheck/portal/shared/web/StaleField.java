package de.digitalcheck.portal.shared.web;

import io.micronaut.core.annotation.Nullable;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * A field of a form saved on top of someone else's newer save (a stale form, refused with 409): its label and what is
 * saved now, shown beside the typed values the form keeps ({@code fragments/forms :: stale}).
 */
public record StaleField(String label, String saved) {

    /**
     * The fields whose saved value is not what was typed (white space around a value does not count), in the order of
     * {@code saved}; empty if the form asks for exactly what is saved.
     *
     * @param saved the values saved now, by field name
     * @param typed the values the form posted, by field name (a missing one counts as empty)
     * @param label a field's label in the reader's language, by field name
     */
    public static List<StaleField> of(Map<String, String> saved, Map<String, String> typed,
                                      Function<String, String> label) {
        List<StaleField> changed = new ArrayList<>();
        saved.forEach((field, value) -> {
            String now = strip(value);
            if (!now.equals(strip(typed.get(field)))) {
                changed.add(new StaleField(label.apply(field), now));
            }
        });
        return changed;
    }

    private static String strip(@Nullable String value) {
        return value == null ? "" : value.strip();
    }
}
