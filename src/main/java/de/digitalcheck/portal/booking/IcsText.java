package de.digitalcheck.portal.booking;

import net.fortuna.ical4j.model.Calendar;

/**
 * An iCalendar as the text the portal sends: content lines ending in CRLF and folded (CRLF and a space) so that no
 * line is longer than 75 octets of UTF-8 (RFC 5545 §3.1), never inside a character. Not ical4j's
 * {@code CalendarOutputter}: its {@code FoldingWriter} counts UTF-16 chars (a line of umlauts came out at up to 150
 * octets) and may cut a surrogate pair in two.
 */
final class IcsText {

    static final int MAX_OCTETS = 75;
    private static final String CRLF = "\r\n";

    private IcsText() {
    }

    /** The calendar's content lines (ical4j writes them unfolded, each ending in CRLF), folded. */
    static String of(Calendar calendar) {
        return fold(calendar.toString());
    }

    /** Folds each CRLF-terminated line of {@code unfolded} at {@value #MAX_OCTETS} octets. */
    static String fold(String unfolded) {
        StringBuilder out = new StringBuilder(unfolded.length() + unfolded.length() / 50 * 3);
        for (String line : unfolded.split(CRLF)) {
            int octets = 0;
            for (int i = 0; i < line.length(); ) {
                int c = line.codePointAt(i);
                int size = c < 0x80 ? 1 : c < 0x800 ? 2 : c < 0x10000 ? 3 : 4;
                if (octets + size > MAX_OCTETS) {
                    out.append(CRLF).append(' ');
                    octets = 1;
                }
                out.appendCodePoint(c);
                octets += size;
                i += Character.charCount(c);
            }
            out.append(CRLF);
        }
        return out.toString();
    }
}
