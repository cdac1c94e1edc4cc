package de.digitalcheck.portal.booking;

/**
 * An idempotency key that cannot answer its request again: used before with another request, or its booking's private
 * link was replaced since (a move or the reminder mail gave it a new token, so the first answer's token opens nothing).
 * Answered with 422 naming the key, nothing stored.
 */
public class IdempotencyConflict extends RuntimeException {

    private static final String REPLACED = "error.booking.idempotencyReplaced";

    private final String messageKey;

    /** The key was used before with another request. */
    public IdempotencyConflict() {
        this("error.booking.idempotencyConflict", "idempotency key reused with another request");
    }

    private IdempotencyConflict(String messageKey, String text) {
        super(text, null, false, false);
        this.messageKey = messageKey;
    }

    /** The key's booking got a new private token since its first answer: repeating that answer would hand out a dead one. */
    static IdempotencyConflict linkReplaced() {
        return new IdempotencyConflict(REPLACED, "idempotency key's booking has a new token");
    }

    /** Whether the key's booking got a new private link since (rather than the key being used with another request). */
    public boolean linkWasReplaced() {
        return messageKey.equals(REPLACED);
    }

    /** The message key saying why, for the field {@code Idempotency-Key}. */
    public String messageKey() {
        return messageKey;
    }
}
