package de.digitalcheck.portal.leads.internal;

import java.util.ArrayList;
import java.util.List;

/**
 * Values for a statement's {@code IN (…)} list, padded to one of a few lengths (1, 2, 4, 8, 16, 32, 64, 128, …) by
 * repeating the last value (a value twice in an {@code IN} list changes nothing). Micronaut Data writes one {@code ?}
 * per value, so every length is another statement, which MySQL Connector/J prepares on the server and keeps in the
 * connection's cache of 100 ({@code shared.config.MySqlDriverTuning}): a dispatcher's batches of 1 to 100 rows made
 * up to 100 variants of each statement and pushed the submissions' statements out of the cache. Padded, a statement
 * has at most eight.
 */
final class InLists {

    private InLists() {
    }

    static <T> List<T> padded(List<T> values) {
        int size = values.size();
        if (size <= 1 || Integer.bitCount(size) == 1) {
            return values;
        }
        int length = Integer.highestOneBit(size) << 1;
        List<T> padded = new ArrayList<>(length);
        padded.addAll(values);
        T last = values.get(size - 1);
        while (padded.size() < length) {
            padded.add(last);
        }
        return padded;
    }
}
