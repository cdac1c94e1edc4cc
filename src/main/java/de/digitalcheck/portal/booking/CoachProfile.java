package de.digitalcheck.portal.booking;

import java.util.List;
import java.util.Set;

/**
 * What a coach offers: focus topics and the ways of meeting a company.
 *
 * @param accountId the coach's account in the directory (name and email are there)
 */
public record CoachProfile(String accountId, String agencyId, List<String> expertise, Set<MeetingMode> modes) {

    public CoachProfile {
        expertise = List.copyOf(expertise);
        modes = Set.copyOf(modes);
    }
}
