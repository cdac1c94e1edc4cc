package de.digitalcheck.portal.readiness;

/** The readiness levels 0–5 of the IMPULS model with their names and groups. */
public enum Level {
    OUTSIDER(0, "Outsider", Group.NEWCOMERS),
    BEGINNER(1, "Beginner", Group.NEWCOMERS),
    INTERMEDIATE(2, "Intermediate", Group.LEARNERS),
    EXPERIENCED(3, "Experienced", Group.LEADERS),
    EXPERT(4, "Expert", Group.LEADERS),
    TOP_PERFORMER(5, "Top performer", Group.LEADERS);

    private final int number;
    private final String title;
    private final Group group;

    Level(int number, String title, Group group) {
        this.number = number;
        this.title = title;
        this.group = group;
    }

    public static Level of(int number) {
        if (number < 0 || number >= values().length) {
            throw new IllegalArgumentException("no readiness level " + number);
        }
        return values()[number];
    }

    public int number() {
        return number;
    }

    /** The English name used in the API, e.g. "Top performer". */
    public String title() {
        return title;
    }

    public Group group() {
        return group;
    }

    /** Newcomers (levels 0–1), learners (2) and leaders (3–5). */
    public enum Group {
        NEWCOMERS, LEARNERS, LEADERS;

        public String code() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }
}
