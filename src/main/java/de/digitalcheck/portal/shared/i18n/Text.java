package de.digitalcheck.portal.shared.i18n;

/** A text in German and English. */
public record Text(String de, String en) {

    public String in(Language language) {
        return language == Language.EN ? en : de;
    }
}
