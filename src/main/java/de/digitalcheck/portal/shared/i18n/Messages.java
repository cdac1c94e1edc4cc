package de.digitalcheck.portal.shared.i18n;

import de.digitalcheck.portal.shared.validation.FieldError;
import io.micronaut.context.MessageSource;
import jakarta.inject.Singleton;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The user-visible texts of {@code i18n/messages*.properties}, in German and English. */
@Singleton
public class Messages {

    private final MessageSource source;

    Messages(MessageSource source) {
        this.source = source;
    }

    public String get(Language language, String key, Object... args) {
        return find(language, key, args).orElse(key);
    }

    /** The text of a key, or empty when no bundle has it. */
    public Optional<String> find(Language language, String key, Object... args) {
        Map<String, Object> variables = new HashMap<>();
        for (int i = 0; i < args.length; i++) {
            // a day in the reader's language (an error made where the language is not known names it as a LocalDate)
            variables.put(String.valueOf(i), args[i] instanceof java.time.LocalDate day ? Dates.date(language, day)
                : args[i]);
        }
        return source.getMessage(key, MessageSource.MessageContext.of(language.locale(), variables));
    }

    public String message(Language language, FieldError error) {
        return get(language, error.key(), error.args().toArray());
    }

    /** The messages of a list of errors by field name (the first error per field). */
    public Map<String, String> byField(Language language, List<FieldError> errors) {
        Map<String, String> map = new LinkedHashMap<>();
        errors.forEach(e -> map.putIfAbsent(e.field(), message(language, e)));
        return map;
    }
}
