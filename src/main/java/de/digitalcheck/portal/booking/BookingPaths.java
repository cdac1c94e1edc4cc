package de.digitalcheck.portal.booking;

import de.digitalcheck.portal.shared.i18n.Language;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/** The paths of a booking's pages, for the web pages, the API and the mails alike. */
public final class BookingPaths {

    private BookingPaths() {
    }

    /**
     * The booking's private page (the appointment, moving and cancelling it) in the language it was booked in: German
     * is the pages' default, another language is named ({@code &lang=en}). The link is kept and opened later, often in
     * another browser (a phone's mail app, the app that booked through the API), where no language was chosen.
     *
     * @param language the booking's language code ({@code de}, {@code en}); an unknown one is German
     */
    public static String manage(String bookingId, String token, String language) {
        Language lang = Language.fromCode(language).orElse(Language.DE);
        return "/termin/buchung/" + URLEncoder.encode(bookingId, StandardCharsets.UTF_8) + "?token="
            + URLEncoder.encode(token, StandardCharsets.UTF_8) + (lang == Language.DE ? "" : "&lang=" + lang.code());
    }
}
