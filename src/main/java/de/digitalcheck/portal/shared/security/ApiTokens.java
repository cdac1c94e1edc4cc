package de.digitalcheck.portal.shared.security;

/**
 * The agency API's personal access tokens as the security layer sees them: the role a token's authentication carries
 * (only routes secured for it accept a token; a token is worth nothing anywhere else) and the attribute that marks an
 * authentication as a token's (the directory check of sessions leaves those to the token's own check).
 */
public final class ApiTokens {

    /** The role of a request authenticated by a personal access token. */
    public static final String ROLE = "AGENCY_API";
    /** The attribute with the token's id on its authentication. */
    public static final String TOKEN_ID = "apiTokenId";
    /** The attribute that says whether the token may change leads ({@code Boolean}); without it, it may not. */
    public static final String MAY_CHANGE = "apiTokenMayChange";
    /** Every personal access token starts with this (secret scanners recognise it). */
    public static final String PREFIX = "dc_pat_";

    private ApiTokens() {
    }

    /**
     * A change asked with a token made to read only: answered {@code 403} with a problem that says so. Thrown, not
     * returned, because a returned {@code 403} would be answered by the portal's generic handler for that status.
     */
    public static final class ReadOnly extends RuntimeException {
        public ReadOnly() {
            super("this token may only read", null, false, false);
        }
    }
}
