package de.digitalcheck.portal.shared.i18n;

import de.digitalcheck.portal.shared.validation.FieldError;
import io.micronaut.context.MessageSource;
import io.micronaut.core.annotation.Nullable;
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

    /** The word of a code without words of its own ({@link #codeText}). */
    public static final String OTHER_CODE = "code.other";

    /**
     * A stored code (a status, a stage, a meeting mode, an enum constant or its name) in words for people: the text of
     * {@code prefix + code}, else "Sonstiger Wert" / "Other value" (a code an older or a newer version wrote), never
     * the message key; null for no code. The company's data export puts these words beside its codes.
     */
    public @Nullable String codeText(Language language, String prefix, @Nullable Object code) {
        if (code == null) {
            return null;
        }
        String name = code instanceof Enum<?> constant ? constant.name() : code.toString();
        return find(language, prefix + name).orElseGet(() -> get(language, OTHER_CODE));
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
