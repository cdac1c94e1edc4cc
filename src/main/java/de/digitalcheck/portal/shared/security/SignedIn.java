package de.digitalcheck.portal.shared.security;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.security.authentication.Authentication;

/** The signed-in person as carried in the signed session cookie. */
public record SignedIn(String accountId, String name, String email, Role role, @Nullable String agencyId) {

    public static final String NAME = "name";
    public static final String EMAIL = "email";
    public static final String AGENCY = "agencyId";
    /** When the session began (epoch milliseconds): the sign-in's time as the directory recorded it. */
    public static final String SINCE = "since";

    /** When the session began; 0 for one from before this attribute (it ends at the person's next sign-out). */
    public static long since(Authentication authentication) {
        return authentication.getAttributes().get(SINCE) instanceof Number n ? n.longValue() : 0L;
    }

    public static SignedIn of(Authentication authentication) {
        Object agency = authentication.getAttributes().get(AGENCY);
        Role role = authentication.getRoles().stream().findFirst().map(Role::valueOf).orElseThrow();
        return new SignedIn(authentication.getName(), String.valueOf(authentication.getAttributes().get(NAME)),
            String.valueOf(authentication.getAttributes().get(EMAIL)), role, agency == null ? null : agency.toString());
    }
}
