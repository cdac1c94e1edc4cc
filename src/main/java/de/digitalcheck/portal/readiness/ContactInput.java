package de.digitalcheck.portal.readiness;

/** An optional contact person, before validation. */
public record ContactInput(String name, String email, String phone) {

    public boolean isEmpty() {
        return blank(name) && blank(email) && blank(phone);
    }

    static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
