package de.digitalcheck.portal.readiness;

import java.util.List;
import java.util.regex.Pattern;

/** Sections A–U of the German classification of economic activities (WZ 2008). */
public final class Sector {

    public static final List<String> SECTIONS = List.of(
        "A", "B", "C", "D", "E", "F", "G", "H", "I", "J", "K",
        "L", "M", "N", "O", "P", "Q", "R", "S", "T", "U");
    private static final Pattern SECTION = Pattern.compile("[A-U]");

    private Sector() {
    }

    public static boolean isValid(String section) {
        return section != null && SECTION.matcher(section).matches();
    }
}
