package de.digitalcheck.portal.shared.validation;

import java.util.List;

/**
 * A broken rule on one input field: the field's name as the client sent it (e.g. {@code company.postalCode})
 * and a message key with its arguments, resolved in the user's language when shown.
 */
public record FieldError(String field, String key, List<Object> args) {

    public static FieldError of(String field, String key, Object... args) {
        return new FieldError(field, key, List.of(args));
    }
}
