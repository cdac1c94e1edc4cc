package de.digitalcheck.portal.shared.web;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadFeature;
import de.digitalcheck.portal.shared.validation.Errors;
import de.digitalcheck.portal.shared.validation.TextRules;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.json.tree.JsonNode;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Reading of a parsed JSON request, strict about types and lenient about reporting: a value of the wrong type is a
 * field error (422) instead of failing the whole request, so that the client learns every problem at once; it is
 * never coerced (a number or boolean where the API takes text, a boolean, object or list where it takes a number): a
 * client that sends {@code "note": 5} has a bug the portal must not hide by storing "5". The one leniency is API v1's
 * documented promise to read a number spelled as a string ({@code "employees": "42"}, {@link #number}). Texts keep
 * {@link TextRules}' character rule (a single-line text no control characters, a multi-line text no others than line
 * breaks and tabs): a text that breaks it is a field error and reads as absent. Every API route that takes a JSON body
 * reads it here; a web form binds its fields as text and never comes here.
 */
public final class JsonBody {

    private JsonBody() {
    }

    /** The one reader of request bodies: a member name twice in one object is an error. */
    private static final JsonFactory STRICT = JsonFactory.builder()
        .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION).build();

    /**
     * The request body as one JSON object, read strictly: UTF-8 without a malformed byte (a Latin-1 {@code ü} is
     * not read as U+FFFD), exactly one value (nothing but white space after it: no {@code {…}xyz}, no
     * {@code {…}{…}}), and no member name twice in one object. Empty when the body is anything else (absent, blank,
     * an array, malformed): the route answers {@code 400}, nothing stored. Every API route that takes a JSON body
     * reads it here, as the raw bytes ({@code @Body byte[]}): a {@code String} body would already be decoded
     * leniently. A number keeps its literal as a {@link BigDecimal}: read as a {@code double} (as a JSON mapper's
     * tree does), {@code 41.99999999999999999} became 42 and passed as a whole head count.
     */
    public static Optional<JsonNode> object(@Nullable byte[] body) {
        if (body == null || body.length == 0) {
            return Optional.empty();
        }
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT)
                .decode(ByteBuffer.wrap(body)).toString();
        } catch (CharacterCodingException e) {
            return Optional.empty();
        }
        if (text.isBlank()) {
            return Optional.empty();
        }
        try (JsonParser parser = STRICT.createParser(text)) {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                return Optional.empty();
            }
            JsonNode root = value(parser);
            return parser.nextToken() == null ? Optional.of(root) : Optional.empty(); // nothing after the object
        } catch (IOException e) {
            return Optional.empty(); // malformed, trailing garbage, a duplicate name or nested too deep
        }
    }

    /** The value at the parser's current token, with everything in it. */
    private static JsonNode value(JsonParser parser) throws IOException {
        JsonToken token = parser.currentToken();
        if (token == null) {
            throw new JsonParseException(parser, "unexpected end of input");
        }
        return switch (token) {
            case START_OBJECT -> {
                Map<String, JsonNode> members = new LinkedHashMap<>();
                while (parser.nextToken() == JsonToken.FIELD_NAME) {
                    String name = parser.currentName();
                    parser.nextToken();
                    members.put(name, value(parser));
                }
                yield JsonNode.createObjectNode(members);
            }
            case START_ARRAY -> {
                List<JsonNode> items = new ArrayList<>();
                while (parser.nextToken() != JsonToken.END_ARRAY) {
                    items.add(value(parser));
                }
                yield JsonNode.createArrayNode(items);
            }
            case VALUE_STRING -> JsonNode.createStringNode(parser.getText());
            case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> numberNode(parser.getText());
            case VALUE_TRUE -> JsonNode.createBooleanNode(true);
            case VALUE_FALSE -> JsonNode.createBooleanNode(false);
            case VALUE_NULL -> JsonNode.nullNode();
            default -> throw new JsonParseException(parser, "unexpected token " + token);
        };
    }

    /**
     * A number literal as it is written ({@code 41.99999999999999999} stays that, {@code 42.0} is 42 with a zero
     * after the point); one whose exponent no {@link BigDecimal} holds ({@code 1e9999999999}) reads as infinity,
     * which {@link #number(JsonNode, String, String, Errors, Errors)} refuses as no field can take it.
     */
    private static JsonNode numberNode(String literal) {
        try {
            return JsonNode.createNumberNode(new BigDecimal(literal));
        } catch (NumberFormatException e) {
            return JsonNode.createNumberNode(Double.POSITIVE_INFINITY);
        }
    }

    /**
     * A single-line text member: a JSON string, else an error naming the field ({@code error.type.text}); {@code null}
     * when absent or {@code null} (see {@link #notNull} where {@code null} means nothing).
     */
    public static String text(JsonNode object, String member, String field, Errors errors) {
        return text(object, member, field, false, errors);
    }

    /** As {@link #text} for a multi-line text (a note, a reason): line breaks and tabs are kept. */
    public static String multiLineText(JsonNode object, String member, String field, Errors errors) {
        return text(object, member, field, true, errors);
    }

    private static String text(JsonNode object, String member, String field, boolean multiLine, Errors errors) {
        JsonNode node = object == null ? null : object.get(member);
        if (node == null || node.isNull()) {
            return null;
        }
        if (!node.isString()) {
            errors.add(field, "error.type.text");
            return null;
        }
        String text = node.getStringValue();
        return TextRules.check(text, multiLine, field, errors) ? text : null;
    }

    /**
     * A number member (a head count) as its plain text ({@code 42}, {@code 41.99999999999999999} as written), for the
     * rules that check its range as they check a form's field: a JSON number, or a string, which API v1 has promised
     * to read as the number it spells ({@code "42"}; the field's own rules refuse one that is none, as a form's). A
     * string with a space of any kind in it ({@code " 42"}, {@code "4 2"}) spells no number: an error naming the
     * field ({@code error.type.numberSpaces}; the form's rules, which trim what a person typed, took it as 42), and
     * so does one with a sign ({@code "+42"}, {@code "-5"}: {@code error.type.numberSign}; numbers are ASCII digits);
     * anything else (a boolean, an object, a list) is an error naming the field ({@code error.type.number}); {@code
     * null} when absent or {@code null}. A number no field can take ({@code 1e400}) makes the request malformed: an
     * error in {@code malformed} ({@code error.number.range}, a {@code 400} naming the field), {@code null}.
     */
    public static String number(JsonNode object, String member, String field, Errors errors, Errors malformed) {
        JsonNode node = object == null ? null : object.get(member);
        if (node == null || node.isNull()) {
            return null;
        }
        if (node.isString()) {
            String text = text(object, member, field, false, errors);
            if (text != null && text.codePoints().anyMatch(c -> Character.isWhitespace(c) || Character.isSpaceChar(c))) {
                errors.add(field, "error.type.numberSpaces");
                return null;
            }
            if (text != null && (text.startsWith("+") || text.startsWith("-"))) {
                // ASCII digits only, as documented: "+42" was read as 42
                errors.add(field, "error.type.numberSign");
                return null;
            }
            return text;
        }
        if (!node.isNumber()) {
            errors.add(field, "error.type.number");
            return null;
        }
        String number = plain(node.getNumberValue());
        if (number == null) {
            malformed.add(field, "error.number.range");
        }
        return number;
    }

    /**
     * A member given as {@code null} where {@code null} means nothing (a status, a note of a change): an error naming
     * the field ({@code error.type.notNull}), so that it is not mistaken for an absent member, which changes nothing.
     * Returns whether the member is {@code null}.
     */
    public static boolean notNull(JsonNode object, String member, String field, Errors errors) {
        JsonNode node = object == null ? null : object.get(member);
        if (node != null && node.isNull()) {
            errors.add(field, "error.type.notNull");
            return true;
        }
        return false;
    }

    /** At most this many digits before or after the decimal point: a number beyond is no head count, id or code. */
    static final int MAX_DIGITS = 40;

    /**
     * A JSON number as its plain text ({@code 12}, {@code 1.5}); {@code null} for one that is not finite (an exponent
     * beyond any {@link BigDecimal}, {@link #numberNode}) or has more than {@value #MAX_DIGITS} digits before or
     * after the point (whose plain text could be a billion characters long).
     */
    private static String plain(Number value) {
        if ((value instanceof Double d && !Double.isFinite(d)) || (value instanceof Float f && !Float.isFinite(f))) {
            return null;
        }
        BigDecimal number;
        try {
            number = new BigDecimal(value.toString()).stripTrailingZeros();
        } catch (NumberFormatException | ArithmeticException e) { // ArithmeticException: a scale beyond an int
            return null;
        }
        // in long: 1e2147483647 has precision 1 and scale -2147483647, whose difference overflows an int
        if ((long) number.precision() - number.scale() > MAX_DIGITS || number.scale() > MAX_DIGITS) {
            return null;
        }
        return number.toPlainString();
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

    /**
     * A boolean member ({@code consent.shareWithAgency} of the assessments and the bookings): {@code null} when absent
     * or {@code null}; any other type than a JSON boolean ({@code "true"}, {@code 1}) is an error naming the field
     * and reads as absent: a consent is never guessed from text or numbers.
     */
    public static Boolean bool(JsonNode object, String member, String field, Errors errors) {
        JsonNode node = object == null ? null : object.get(member);
        if (node == null || node.isNull()) {
            return null;
        }
        if (!node.isBoolean()) {
            errors.add(field, "error.type.boolean");
            return null;
        }
        return node.getBooleanValue();
    }

    /**
     * A map of texts, e.g. the answers (option id by question id). A member given as {@code null} is absent, as
     * everywhere in a body (an answer {@code null} is a question not answered: it was "This value must be text.").
     */
    public static Map<String, String> texts(JsonNode object, String prefix, Errors errors) {
        Map<String, String> map = new LinkedHashMap<>();
        if (object == null) {
            return map;
        }
        for (Map.Entry<String, JsonNode> entry : object.entries()) {
            if (entry.getValue().isNull()) {
                continue;
            }
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
