package de.digitalcheck.portal.shared.i18n;

import jakarta.inject.Singleton;

import java.time.YearMonth;
import java.time.format.DateTimeFormatter;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The version of a consent text as a person reads it, for the company ("Mein Unternehmen") and for the agency's staff
 * (a lead's consents, and the inbox's CSV, which people read in a spreadsheet) alike: "Einwilligungstext vom Dezember
 * 2026 (2. Fassung)" for {@code 2026-12-2}, "Einwilligungstext der Terminbuchung (2. Fassung)" for
 * {@code booking-share-2}; a version of another form as it is stored ("Textfassung …"). The stored versions, the
 * company's JSON export, the webhooks and the API keep the identifiers.
 */
@Singleton
public class ConsentTextVersions {

    /** A check's consent text version: its month of change and, from the second change in a month, its number. */
    private static final Pattern MONTH_VERSION = Pattern.compile("(\\d{4})-(\\d{2})(?:-(\\d{1,3}))?");
    /** A booking's consent text version ({@code booking.Bookings.CONSENT_TEXT_VERSION}): its number. */
    private static final Pattern BOOKING_VERSION = Pattern.compile("booking-share-(\\d{1,3})");

    private final Messages messages;

    ConsentTextVersions(Messages messages) {
        this.messages = messages;
    }

    /** The version's name in {@code lang}. */
    public String name(Language lang, String version) {
        Matcher month = MONTH_VERSION.matcher(version);
        int monthOfYear = month.matches() ? Integer.parseInt(month.group(2)) : 0;
        if (monthOfYear >= 1 && monthOfYear <= 12) {
            String when = YearMonth.of(Integer.parseInt(month.group(1)), monthOfYear)
                .format(DateTimeFormatter.ofPattern("MMMM yyyy", lang.locale()));
            return month.group(3) == null ? messages.get(lang, "consent.version.month", when)
                : messages.get(lang, "consent.version.monthNumbered", when, Integer.parseInt(month.group(3)));
        }
        Matcher booking = BOOKING_VERSION.matcher(version);
        if (booking.matches()) {
            return messages.get(lang, "consent.version.booking", Integer.parseInt(booking.group(1)));
        }
        return messages.get(lang, "consent.version", version);
    }

    /** The name, in {@code lang}, of the language a consent text was shown in ({@code de}, {@code en}); else the code. */
    public String languageName(Language lang, String code) {
        return messages.find(lang, "language.name." + code).orElse(code);
    }
}
