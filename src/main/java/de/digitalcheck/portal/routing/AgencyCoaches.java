package de.digitalcheck.portal.routing;

import java.util.List;

/**
 * What an agency's workspace needs from the module that keeps coaches: the agency's coaches with their focus topics.
 * Declared here, implemented there (that module depends on this one).
 */
public interface AgencyCoaches {

    /** The agency's coaches, by name. */
    List<AgencyMember> coaches(String agencyId);

    /**
     * How many confirmed appointments still to come the coach has at the agency (0 for anyone else): they stay with the
     * agency when the coach's access is taken away, and the team page says so.
     */
    long appointmentsToCome(String coachId, String agencyId);
}
