package de.digitalcheck.portal.report;

import de.digitalcheck.portal.shared.security.AesGcm;

import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Optional;

/**
 * The check's private token as a report mail's confirmation keeps it ({@code report_mail_confirmation.sealed_token}):
 * the report that follows the confirmation links to the online result, which needs the raw token, while the
 * confirmation link itself must not carry it (whoever a mistyped address reaches would hold the check). So the token
 * is sealed ({@link AesGcm}) under a key derived from the link's code: SHA-256 of a fixed label and the code, never the
 * code's plain SHA-256 that the row is found by. The database alone (code hashed, token sealed) does not open it, the
 * link alone holds no token; the server opens it when the link is confirmed, and the row forgets it then. The sealed
 * value is bound to its check's id.
 */
final class SealedCheckToken {

    private static final String VERSION = "v1:";
    private static final String LABEL = "digitalcheck report mail confirmation:";

    private SealedCheckToken() {
    }

    /** {@code token} sealed with {@code code} for the check {@code assessmentId}: the form to store. */
    static String seal(String code, String assessmentId, String token) {
        byte[] sealed = AesGcm.seal(key(code), associated(assessmentId), token.getBytes(StandardCharsets.UTF_8));
        return VERSION + Base64.getUrlEncoder().withoutPadding().encodeToString(sealed);
    }

    /** The token {@link #seal} sealed, or empty for another code, another check, or a value altered or of another form. */
    static Optional<String> open(String code, String assessmentId, String stored) {
        if (stored == null || !stored.startsWith(VERSION)) {
            return Optional.empty();
        }
        byte[] sealed;
        try {
            sealed = Base64.getUrlDecoder().decode(stored.substring(VERSION.length()));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
        return AesGcm.open(key(code), associated(assessmentId), sealed).map(t -> new String(t, StandardCharsets.UTF_8));
    }

    private static SecretKeySpec key(String code) {
        return AesGcm.key(LABEL + code);
    }

    private static byte[] associated(String assessmentId) {
        return assessmentId.getBytes(StandardCharsets.UTF_8);
    }
}
