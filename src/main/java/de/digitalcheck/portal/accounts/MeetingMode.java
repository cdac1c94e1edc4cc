package de.digitalcheck.portal.accounts;

/** Where a coach meets a company (SPEC §6). */
public enum MeetingMode {
    ON_SITE,
    AT_AGENCY,
    VIDEO,
    PHONE
}
