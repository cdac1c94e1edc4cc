package de.digitalcheck.portal.routing;

import java.util.List;

/**
 * What an agency's workspace needs from the module that keeps coaches: the agency's coaches with their focus topics.
 * Declared here, implemented there (that module depends on this one).
 */
public interface AgencyCoaches {

    /** The agency's coaches, by name. */
    List<AgencyMember> coaches(String agencyId);
}
