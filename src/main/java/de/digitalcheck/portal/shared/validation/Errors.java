package de.digitalcheck.portal.shared.validation;

import java.util.ArrayList;
import java.util.List;

/**
 * Collects field errors; {@link #throwIfAny()} ends a validation that found some. A field gets one error, the first
 * found: a value of the wrong type, say, is not also reported as missing.
 */
public final class Errors {

    private final List<FieldError> list = new ArrayList<>();

    public Errors add(String field, String key, Object... args) {
        if (!has(field)) {
            list.add(FieldError.of(field, key, args));
        }
        return this;
    }

    /** Adds errors found elsewhere (e.g. by a form's own checks), to be reported together with these. */
    public Errors addAll(List<FieldError> errors) {
        errors.forEach(e -> {
            if (!has(e.field())) {
                list.add(e);
            }
        });
        return this;
    }

    public boolean has(String field) {
        return list.stream().anyMatch(e -> e.field().equals(field));
    }

    public boolean isEmpty() {
        return list.isEmpty();
    }

    public List<FieldError> list() {
        return List.copyOf(list);
    }

    public void throwIfAny() {
        if (!list.isEmpty()) {
            throw new ValidationException(list);
        }
    }
}
