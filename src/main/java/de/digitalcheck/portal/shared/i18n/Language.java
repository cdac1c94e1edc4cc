package de.digitalcheck.portal.shared.i18n;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** The portal's user languages: German first, English second. */
public enum Language {
    DE("de", Locale.GERMAN),
    EN("en", Locale.ENGLISH);

    private final String code;
    private final Locale locale;

    Language(String code, Locale locale) {
        this.code = code;
        this.locale = locale;
    }

    public String code() {
        return code;
    }

    public Locale locale() {
        return locale;
    }

    /**
     * The language for an ISO code such as "de" or "en", if the portal speaks it: in any case (a language tag is
     * case-insensitive), but as it is written: {@code "en "} is none (the API read it as English, though it reads codes
     * only as documented).
     */
    public static Optional<Language> fromCode(String code) {
        if (code == null) {
            return Optional.empty();
        }
        for (Language language : values()) {
            if (language.code.equalsIgnoreCase(code)) {
                return Optional.of(language);
            }
        }
        return Optional.empty();
    }

    /**
     * The language an {@code Accept-Language} header asks for: the first of its ranges, by weight, that names German or
     * English (a region or script after the language counts too, {@code en-GB}); German without one, or where the
     * header cannot be read.
     */
    public static Language fromAcceptLanguage(String header) {
        for (Locale.LanguageRange range : ranges(header)) {
            if (range.getWeight() <= 0) {
                continue;
            }
            String primary = range.getRange().split("-", 2)[0];
            Optional<Language> language = fromCode(primary);
            if (language.isPresent()) {
                return language.get();
            }
        }
        return DE;
    }

    /**
     * Whether an {@code Accept-Language} header can be read: at least one language range, each well formed (RFC 4647,
     * weights between 0 and 1). {@code -}, {@code ;}, {@code ,}, {@code en;q=2} cannot.
     */
    public static boolean readableAcceptLanguage(String header) {
        return !ranges(header).isEmpty();
    }

    /** The header's ranges by weight; none where it is absent or cannot be read. */
    private static List<Locale.LanguageRange> ranges(String header) {
        if (header == null || header.isBlank()) {
            return List.of();
        }
        try {
            return Locale.LanguageRange.parse(header);
        } catch (RuntimeException unreadable) {
            // IllegalArgumentException for most; the JDK's parser throws ArrayIndexOutOfBoundsException for "-"
            return List.of();
        }
    }

    public static Language of(Locale locale) {
        return locale != null && "en".equals(locale.getLanguage()) ? EN : DE;
    }
}
