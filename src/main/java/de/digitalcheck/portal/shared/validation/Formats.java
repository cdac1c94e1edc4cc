package de.digitalcheck.portal.shared.validation;

import java.util.regex.Pattern;

/** The shapes of contact data the portal accepts, in one place. */
public final class Formats {

    private static final Pattern EMAIL = Pattern.compile("[^@\\s]{1,64}@[^@\\s]+\\.[^@\\s]{2,}");
    private static final Pattern PHONE = Pattern.compile("[+0-9 ()/-]{4,30}");
    private static final Pattern WEB_ADDRESS = Pattern.compile("https?://[^\\s<>\"]{3,490}");

    private Formats() {
    }

    public static boolean isEmail(String s) {
        return s != null && s.length() <= 254 && EMAIL.matcher(s).matches();
    }

    public static boolean isPhone(String s) {
        return s != null && PHONE.matcher(s).matches();
    }

    /** An http(s) address: no other scheme (no javascript:, no data:) can reach a page as a link. */
    public static boolean isWebAddress(String s) {
        return s != null && WEB_ADDRESS.matcher(s).matches();
    }
}
