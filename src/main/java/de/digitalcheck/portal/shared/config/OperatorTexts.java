package de.digitalcheck.portal.shared.config;

import io.micronaut.core.annotation.Nullable;

/**
 * The operator's free texts (how the accessibility was assessed, its known limitations, its processors) come in the
 * portal's first language, German, and optionally in English ({@code …_EN}). A page shows the text in its own language
 * where there is one, else the other; a text in the other language is marked with its {@code lang} (WCAG 3.1.2
 * "Language of Parts"), so that a screen reader on an English page reads a German text as German.
 */
final class OperatorTexts {

    private OperatorTexts() {
    }

    /** The text for a page in {@code pageLanguage} ({@code de} or {@code en}): its own where given, else the other. */
    static @Nullable String text(String pageLanguage, @Nullable String german, @Nullable String english) {
        return "en".equals(pageLanguage) ? (english != null ? english : german) : (german != null ? german : english);
    }

    /** The language of {@link #text}'s choice where it is not the page's, else null (the page's own). */
    static @Nullable String language(String pageLanguage, @Nullable String german, @Nullable String english) {
        if ("en".equals(pageLanguage)) {
            return english == null && german != null ? "de" : null;
        }
        return german == null && english != null ? "en" : null;
    }
}
