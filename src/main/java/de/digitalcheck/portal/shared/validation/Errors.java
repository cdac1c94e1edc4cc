package de.digitalcheck.portal.shared.validation;

import java.util.ArrayList;
import java.util.List;

/** Collects field errors; {@link #throwIfAny()} ends a validation that found some. */
public final class Errors {

    private final List<FieldError> list = new ArrayList<>();

    public Errors add(String field, String key, Object... args) {
        list.add(FieldError.of(field, key, args));
        return this;
    }

    /** Adds errors found elsewhere (e.g. by a form's own checks), to be reported together with these. */
    public Errors addAll(List<FieldError> errors) {
        list.addAll(errors);
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
