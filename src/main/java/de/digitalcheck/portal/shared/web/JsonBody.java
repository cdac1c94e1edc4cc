package de.digitalcheck.portal.shared.web;

import de.digitalcheck.portal.shared.validation.Errors;
import de.digitalcheck.portal.shared.validation.TextRules;
import io.micronaut.json.tree.JsonNode;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Lenient reading of a parsed JSON request: values of the wrong type become field errors (422)
 * instead of failing the whole request, so that the client learns every problem at once. Texts keep
 * {@link TextRules}' character rule (a single-line text no control characters, a multi-line text no others than
 * line breaks and tabs): a text that breaks it is a field error and reads as absent.
 */
public final class JsonBody {

    private JsonBody() {
    }

    /** A single-line text member; numbers are accepted as their text, anything else is an error. */
    public static String text(JsonNode object, String member, String field, Errors errors) {
        return text(object, member, field, false, errors);
    }

    /** As {@link #text} for a multi-line text (a note, a reason): line breaks and tabs are kept. */
    public static String multiLineText(JsonNode object, String member, String field, Errors errors) {
        return text(object, member, field, true, errors);
    }

    private static String text(JsonNode object, String member, String field, boolean multiLine, Errors errors) {
        String text = anyText(object, member, field, errors);
        return text == null || TextRules.check(text, multiLine, field, errors) ? text : null;
    }

    private static String anyText(JsonNode object, String member, String field, Errors errors) {
        JsonNode node = object == null ? null : object.get(member);
        if (node == null || node.isNull()) {
            return null;
        }
        if (node.isString()) {
            return node.getStringValue();
        }
        if (node.isNumber()) {
            return number(node.getNumberValue(), field);
        }
        errors.add(field, "error.type.textOrNumber");
        return null;
    }

    /** At most this many digits before or after the decimal point: a number beyond is no head count, id or code. */
    static final int MAX_DIGITS = 40;

    /**
     * A JSON number as its plain text ({@code 12}, {@code 1.5}); one that is not finite ({@code 1e400} reads as
     * infinity) or has more than {@value #MAX_DIGITS} digits before or after the point (whose plain text could be
     * a billion characters long) makes the request malformed.
     */
    private static String number(Number value, String field) {
        if ((value instanceof Double d && !Double.isFinite(d)) || (value instanceof Float f && !Float.isFinite(f))) {
            throw new NumberOutOfRange(field);
        }
        BigDecimal number;
        try {
            number = new BigDecimal(value.toString()).stripTrailingZeros();
        } catch (NumberFormatException e) {
            throw new NumberOutOfRange(field);
        }
        if (number.precision() - number.scale() > MAX_DIGITS || number.scale() > MAX_DIGITS) {
            throw new NumberOutOfRange(field);
        }
        return number.toPlainString();
    }

    /** A number no field can take; answered with 400 and the field by {@link ErrorPages}. */
    public static class NumberOutOfRange extends RuntimeException {
        final String field;

        NumberOutOfRange(String field) {
            super("number out of range", null, false, false);
            this.field = field;
        }
    }

    /** An object member; {@code null} when absent, an error when not an object. */
    public static JsonNode object(JsonNode parent, String member, String field, Errors errors) {
        JsonNode node = parent.get(member);
        if (node == null || node.isNull()) {
            return null;
        }
        if (!node.isObject()) {
            errors.add(field, "error.type.object");
            return null;
        }
        return node;
    }

    /** A map of texts, e.g. the answers (option id by question id). */
    public static Map<String, String> texts(JsonNode object, String prefix, Errors errors) {
        Map<String, String> map = new LinkedHashMap<>();
        if (object == null) {
            return map;
        }
        for (Map.Entry<String, JsonNode> entry : object.entries()) {
            if (entry.getValue().isString()) {
                if (TextRules.check(entry.getValue().getStringValue(), false, prefix + entry.getKey(), errors)) {
                    map.put(entry.getKey(), entry.getValue().getStringValue());
                }
            } else {
                errors.add(prefix + entry.getKey(), "error.type.text");
            }
        }
        return map;
    }
}
