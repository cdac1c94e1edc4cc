package de.digitalcheck.portal.booking;

import java.util.Optional;

/** Where a coach meets a company (SPEC §6). */
public enum MeetingMode {
    ON_SITE,
    AT_AGENCY,
    VIDEO,
    PHONE;

    /** Whether the coach comes to the company: the booking then needs the address of the visit. */
    public boolean atCompany() {
        return this == ON_SITE;
    }

    public static Optional<MeetingMode> parse(String value) {
        for (MeetingMode mode : values()) {
            if (mode.name().equals(value)) {
                return Optional.of(mode);
            }
        }
        return Optional.empty();
    }
}
