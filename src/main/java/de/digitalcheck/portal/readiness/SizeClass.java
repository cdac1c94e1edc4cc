package de.digitalcheck.portal.readiness;

/** Size class by head count, as in the EU SME definition. */
public enum SizeClass {
    MICRO,
    SMALL,
    MEDIUM,
    LARGE;

    public static SizeClass ofEmployees(int employees) {
        if (employees < 10) {
            return MICRO;
        }
        if (employees < 50) {
            return SMALL;
        }
        return employees < 250 ? MEDIUM : LARGE;
    }

    public boolean isSme() {
        return this != LARGE;
    }
}
