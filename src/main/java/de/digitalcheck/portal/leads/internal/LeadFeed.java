package de.digitalcheck.portal.leads.internal;

import io.micronaut.context.annotation.Value;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The agency API's list of leads: one agency's leads in a stable order, {@code (updated_at, id)} ascending, so that a
 * CRM that follows the cursors sees every lead and every change exactly once per pass (a lead changed meanwhile moves
 * to the end and comes again). The cursor is opaque to clients: the position after the page's last lead, encoded and
 * signed (an HMAC under a key derived from the portal's secret), so that a cursor the portal did not make is refused.
 * Served by {@code ix_agency_lead_agency_updated} (agency, updated_at, id).
 */
@Singleton
public class LeadFeed {

    public static final int DEFAULT_LIMIT = 50;
    public static final int MAX_LIMIT = 200;
    private static final Pattern ID = Pattern.compile("[0-9a-fA-F-]{36}");

    private static final Pattern MILLIS = Pattern.compile("-?[0-9]{1,18}");

    private final JdbcOperations jdbc;
    private final byte[] cursorKey;

    LeadFeed(JdbcOperations jdbc,
             @Value("${micronaut.security.token.jwt.signatures.secret.generator.secret}") String secret) {
        this.jdbc = jdbc;
        this.cursorKey = ("lead-cursor:" + secret).getBytes(StandardCharsets.UTF_8);
    }

    /** A position in the order: after the lead {@code id} changed at {@code updatedAt}. */
    public record Cursor(Instant updatedAt, String id) {
    }

    /** The cursor as a client gets it: the position, Base64url, a dot and its signature. */
    public String encode(Cursor cursor) {
        String payload = Base64.getUrlEncoder().withoutPadding()
            .encodeToString((cursor.updatedAt().toEpochMilli() + ":" + cursor.id()).getBytes(StandardCharsets.UTF_8));
        return payload + "." + sign(payload);
    }

    /** The cursor a client sent back, if it is one this portal made (else empty: a malformed or forged cursor). */
    public Optional<Cursor> decode(String text) {
        int dot = text.lastIndexOf('.');
        if (dot <= 0) {
            return Optional.empty();
        }
        String payload = text.substring(0, dot);
        if (!MessageDigest.isEqual(sign(payload).getBytes(StandardCharsets.US_ASCII),
            text.substring(dot + 1).getBytes(StandardCharsets.UTF_8))) {
            return Optional.empty();
        }
        try {
            String plain = new String(Base64.getUrlDecoder().decode(payload), StandardCharsets.UTF_8);
            int colon = plain.indexOf(':');
            if (colon < 1 || !MILLIS.matcher(plain.substring(0, colon)).matches()
                || !ID.matcher(plain.substring(colon + 1)).matches()) {
                return Optional.empty();
            }
            return Optional.of(new Cursor(Instant.ofEpochMilli(Long.parseLong(plain.substring(0, colon))),
                plain.substring(colon + 1)));
        } catch (IllegalArgumentException | java.time.DateTimeException e) {
            return Optional.empty();
        }
    }

    private String sign(String payload) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(cursorKey, "HmacSHA256"));
            return Base64.getUrlEncoder().withoutPadding()
                .encodeToString(mac.doFinal(payload.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** One page: the leads and, if more follow, the cursor for the next page. */
    public record Page(List<LeadRow> items, @Nullable Cursor next) {
    }

    /**
     * The agency's leads after {@code after} (null: from the start), optionally only those in {@code stage} and those
     * changed at or after {@code since}; at most {@code limit}.
     */
    @Transactional(readOnly = true)
    public Page page(String agencyId, @Nullable String stage, @Nullable Instant since, @Nullable Cursor after, int limit) {
        List<Object> params = new ArrayList<>();
        StringBuilder sql = new StringBuilder("SELECT * FROM agency_lead WHERE agency_id = ?");
        params.add(agencyId);
        if (stage != null) {
            sql.append(" AND stage = ?");
            params.add(stage);
        }
        if (since != null) {
            sql.append(" AND updated_at >= ?");
            params.add(Timestamp.from(since));
        }
        if (after != null) {
            sql.append(" AND (updated_at > ? OR (updated_at = ? AND id > ?))");
            params.add(Timestamp.from(after.updatedAt()));
            params.add(Timestamp.from(after.updatedAt()));
            params.add(after.id());
        }
        sql.append(" ORDER BY updated_at ASC, id ASC LIMIT ").append(limit + 1);
        List<LeadRow> items = jdbc.prepareStatement(sql.toString(), (PreparedStatement s) -> {
            for (int i = 0; i < params.size(); i++) {
                s.setObject(i + 1, params.get(i));
            }
            List<LeadRow> read = new ArrayList<>();
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    read.add(jdbc.readEntity(rs, LeadRow.class));
                }
            }
            return read;
        });
        if (items.size() <= limit) {
            return new Page(items, null);
        }
        List<LeadRow> page = items.subList(0, limit);
        LeadRow last = page.get(limit - 1);
        return new Page(List.copyOf(page), new Cursor(last.updatedAt(), last.id()));
    }
}
