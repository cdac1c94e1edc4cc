package de.digitalcheck.portal.readiness;

/** An optional contact person, before validation. */
public record ContactInput(String name, String email, String phone) {

    public boolean isEmpty() {
        return blank(name) && blank(email) && blank(phone);
    }

    /** Trimmed values, {@code null} for empty ones; emails in lower case. */
    public static ContactInput clean(ContactInput in) {
        if (in == null || in.isEmpty()) {
            return new ContactInput(null, null, null);
        }
        String email = ProfileRules.trimmed(in.email());
        return new ContactInput(nullIfEmpty(ProfileRules.trimmed(in.name())),
            email.isEmpty() ? null : email.toLowerCase(java.util.Locale.ROOT), nullIfEmpty(ProfileRules.trimmed(in.phone())));
    }

    private static String nullIfEmpty(String s) {
        return s.isEmpty() ? null : s;
    }

    static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
