package de.digitalcheck.portal.booking;

import java.util.Optional;

/** Where a coach meets a company (SPEC §6). */
public enum MeetingMode {
    ON_SITE,
    AT_AGENCY,
    VIDEO,
    PHONE;

    public static Optional<MeetingMode> parse(String value) {
        for (MeetingMode mode : values()) {
            if (mode.name().equals(value)) {
                return Optional.of(mode);
            }
        }
        return Optional.empty();
    }
}
