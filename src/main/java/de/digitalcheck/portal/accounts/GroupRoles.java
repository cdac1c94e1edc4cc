package de.digitalcheck.portal.accounts;

import de.digitalcheck.portal.shared.security.Role;
import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.annotation.Nullable;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Optional: roles from the provider's groups claim. {@code portal.sign-in.groups-claim} names the claim (e.g.
 * {@code groups}); {@code portal.sign-in.group-roles} maps a group to {@code ROLE} or {@code ROLE:agencyId}
 * (e.g. {@code digitalcheck-en-staff: AGENCY_STAFF:en-agentur}). A verified user of a mapped group who is not
 * yet in the directory is added at sign-in; accounts already in the directory keep their roles.
 */
@ConfigurationProperties("portal.sign-in")
public record GroupRoles(@Nullable String groupsClaim, @Nullable Map<String, String> groupRoles,
                         @Nullable Boolean emailsVerifiedByProvider) {

    /**
     * Whether an email without an {@code email_verified} claim counts as verified: set
     * {@code portal.sign-in.emails-verified-by-provider} only for providers that vouch for every address they
     * issue (e.g. Entra ID with organisation accounts, whose tokens carry no such claim).
     */
    public boolean verified(@Nullable Boolean claim) {
        return claim != null ? claim : Boolean.TRUE.equals(emailsVerifiedByProvider);
    }

    /** A role (and agency) granted by a group. */
    public record Grant(Role role, @Nullable String agencyId) {
    }

    public Optional<Grant> grantFor(@Nullable Object claim) {
        if (groupsClaim == null || groupsClaim.isBlank() || groupRoles == null || !(claim instanceof List<?> groups)) {
            return Optional.empty();
        }
        for (Object group : groups) {
            String mapping = groupRoles.get(String.valueOf(group));
            if (mapping != null) {
                String[] parts = mapping.split(":", 2);
                Role role = Role.valueOf(parts[0].strip());
                String agency = parts.length > 1 ? parts[1].strip() : null;
                if (role.belongsToAgency() == (agency != null)) {
                    return Optional.of(new Grant(role, agency));
                }
            }
        }
        return Optional.empty();
    }
}
