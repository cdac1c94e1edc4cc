package de.digitalcheck.portal.booking;

import io.micronaut.core.annotation.Nullable;

/**
 * What the other side is told with a change: the company's reason for a cancellation ({@code author} null), or the
 * message of the coach or staff member ({@code author} their name) who moved or cancelled the appointment.
 */
record ChangeNote(@Nullable String author, String text) {
}
