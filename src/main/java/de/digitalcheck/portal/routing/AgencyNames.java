package de.digitalcheck.portal.routing;

import de.digitalcheck.portal.shared.security.Tokens;
import io.micronaut.core.annotation.Nullable;

import java.text.Normalizer;
import java.util.Locale;

/**
 * When two agency names are the same name: Unicode NFC, trimmed, inner white space as one space, lower case. The
 * {@code agency.name_key} column holds the SHA-256 (hex) of that form under a unique index, so that the database
 * decides between two admins saving one name at the same moment; a hash rather than the form itself because the
 * collations of MariaDB (accents and case ignored) and H2 (binary) would compare the form differently. A change of
 * {@link #form} needs a migration that computes the stored keys anew (V127 computed them first).
 */
public final class AgencyNames {

    private AgencyNames() {
    }

    /** The name as two names are compared; "" for none. */
    public static String form(@Nullable String name) {
        if (name == null) {
            return "";
        }
        return Normalizer.normalize(name, Normalizer.Form.NFC).strip().replaceAll("\\s+", " ").toLowerCase(Locale.ROOT);
    }

    /** The value of {@code agency.name_key} for a name: 64 lower-case hex digits (SHA-256 of UTF-8, as token hashes). */
    public static String key(@Nullable String name) {
        return Tokens.hash(form(name));
    }
}
