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

    /** The smallest head count of this class (what an anonymised check keeps instead of its head count). */
    public int smallestHeadCount() {
        return switch (this) {
            case MICRO -> 1;
            case SMALL -> 10;
            case MEDIUM -> 50;
            case LARGE -> 250;
        };
    }

    public boolean isSme() {
        return this != LARGE;
    }
}
