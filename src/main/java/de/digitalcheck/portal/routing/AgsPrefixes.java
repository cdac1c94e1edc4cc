package de.digitalcheck.portal.routing;

import io.micronaut.core.annotation.Nullable;

import java.util.regex.Pattern;

/**
 * The prefixes of the Amtlicher Gemeindeschlüssel (AGS) that name an administrative level: 2 digits a state, 3 a
 * government district (Regierungsbezirk), 5 a district or district-free city, 8 a municipality. A prefix of another
 * length names none of them, only some of one level's parts: 4 digits took whichever districts of a government district
 * happen to share a digit, 6 or 7 some municipalities of a district. As a territory it was accepted and, the longest
 * prefix winning, silently took those municipalities from the agency of their district. Territories and the regions
 * of funding programmes are refused at any other length.
 */
public final class AgsPrefixes {

    /** The prefixes of an administrative level, as a form's pattern (the whole value must match). */
    public static final String LEVELS = "\\d{2}|\\d{3}|\\d{5}|\\d{8}";
    private static final Pattern LEVEL = Pattern.compile(LEVELS);

    private AgsPrefixes() {
    }

    /** Whether {@code prefix} is digits of the length of an administrative level (not whether it exists). */
    public static boolean isLevel(@Nullable String prefix) {
        return prefix != null && LEVEL.matcher(prefix).matches();
    }
}
