package de.digitalcheck.portal.readiness.internal;

import de.digitalcheck.portal.readiness.Contact;

/** An optional contact person, before validation. */
public record ContactInput(String name, String email, String phone) {

    public boolean isEmpty() {
        return blank(name) && blank(email) && blank(phone);
    }

    /** The contact as stored: trimmed values, {@code null} for empty ones, the email in lower case. */
    public static Contact clean(ContactInput in) {
        if (in == null || in.isEmpty()) {
            return Contact.NONE;
        }
        String email = ProfileRules.trimmed(in.email());
        return new Contact(nullIfEmpty(ProfileRules.trimmed(in.name())),
            email.isEmpty() ? null : email.toLowerCase(java.util.Locale.ROOT), nullIfEmpty(ProfileRules.trimmed(in.phone())));
    }

    private static String nullIfEmpty(String s) {
        return s.isEmpty() ? null : s;
    }

    static boolean blank(String s) {
        return s == null || !de.digitalcheck.portal.shared.validation.TextRules.namesSomething(s);
    }
}
