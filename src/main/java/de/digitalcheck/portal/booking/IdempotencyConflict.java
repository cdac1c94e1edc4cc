package de.digitalcheck.portal.booking;

/** An idempotency key used before with another request: answered with 422, nothing stored. */
public class IdempotencyConflict extends RuntimeException {

    public IdempotencyConflict() {
        super("idempotency key reused with another request", null, false, false);
    }
}
