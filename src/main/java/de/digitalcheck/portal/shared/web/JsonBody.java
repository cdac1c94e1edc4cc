package de.digitalcheck.portal.shared.web;

import de.digitalcheck.portal.shared.validation.Errors;
import io.micronaut.json.tree.JsonNode;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Lenient reading of a parsed JSON request: values of the wrong type become field errors (422)
 * instead of failing the whole request, so that the client learns every problem at once.
 */
public final class JsonBody {

    private JsonBody() {
    }

    /** A text member; numbers are accepted as their text, anything else is an error. */
    public static String text(JsonNode object, String member, String field, Errors errors) {
        JsonNode node = object == null ? null : object.get(member);
        if (node == null || node.isNull()) {
            return null;
        }
        if (node.isString()) {
            return node.getStringValue();
        }
        if (node.isNumber()) {
            BigDecimal number = new BigDecimal(node.getNumberValue().toString());
            return number.stripTrailingZeros().toPlainString();
        }
        errors.add(field, "error.type.text");
        return null;
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
                map.put(entry.getKey(), entry.getValue().getStringValue());
            } else {
                errors.add(prefix + entry.getKey(), "error.type.text");
            }
        }
        return map;
    }
}
