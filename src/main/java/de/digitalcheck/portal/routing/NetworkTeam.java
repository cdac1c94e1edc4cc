package de.digitalcheck.portal.routing;

import de.digitalcheck.portal.shared.i18n.Language;

import java.util.List;

/**
 * Who works the network's fallback queue (the leads whose location no agency's territory covers): its network admins.
 * Declared here, implemented by the module that keeps the directory of people, so that the leads need no dependency
 * on it.
 */
public interface NetworkTeam {

    /** A network admin: their address and the language they were invited in. */
    record Admin(String email, Language language) {
    }

    /** The network admins who can sign in (not disabled), in no particular order. */
    List<Admin> admins();
}
