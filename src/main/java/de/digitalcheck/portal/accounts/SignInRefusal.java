package de.digitalcheck.portal.accounts;

import java.util.Arrays;
import java.util.Optional;

/**
 * Why the directory refused an OpenID Connect sign-in, and the address of the page that says so. The reason travels as
 * the refusal's message from {@code DirectorySignIn} to the login handler, which sends the browser on to the page; the
 * pages themselves are static texts anyone may open (they name no account, agency or person), so the address reveals
 * nothing: only the person who just signed in is sent to the one that applies to their account.
 */
public enum SignInRefusal {

    /** No account for this identity (not invited, invitation expired or used by another identity, email unverified). */
    NOT_INVITED("not-invited", "/anmelden/abgelehnt"),
    /** The identity's account is disabled by its agency: the agency (or the network) enables it again. */
    DISABLED_BY_AGENCY("disabled-by-agency", "/anmelden/abgelehnt/gesperrt"),
    /** The identity's account is disabled by a network admin, or belongs to no agency: only the network enables it. */
    DISABLED_BY_NETWORK("disabled-by-network", "/anmelden/abgelehnt/gesperrt-netzwerk");

    private final String message;
    private final String page;

    SignInRefusal(String message, String page) {
        this.message = message;
        this.page = page;
    }

    /** The refusal's message in the authentication response. */
    public String message() {
        return message;
    }

    /** The page that tells the person why. */
    public String page() {
        return page;
    }

    /** The refusal of a failed authentication's message (empty: not the directory's refusal). */
    public static Optional<SignInRefusal> ofMessage(String message) {
        return Arrays.stream(values()).filter(r -> r.message.equals(message)).findFirst();
    }

    /** Why a disabled account may not sign in. */
    static SignInRefusal disabled(AccountRow account) {
        return account.agencyId() != null && !account.lockedByNetwork() ? DISABLED_BY_AGENCY : DISABLED_BY_NETWORK;
    }
}
