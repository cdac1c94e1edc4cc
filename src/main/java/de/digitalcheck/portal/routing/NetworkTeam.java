package de.digitalcheck.portal.routing;

import java.util.List;

/**
 * Who works the network's fallback queue (the leads whose location no agency's territory covers): its network admins.
 * Declared here, implemented by the module that keeps the directory of people, so that the leads need no dependency
 * on it.
 */
public interface NetworkTeam {

    /** The addresses of the network admins who can sign in (not disabled), in no particular order. */
    List<String> adminAddresses();
}
