package de.digitalcheck.portal.leads.internal;

import io.micronaut.context.annotation.Value;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.transaction.TransactionDefinition;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The agency API's list of leads: one agency's leads in a stable order, {@code (updated_at, id)} ascending, so that a
 * CRM that follows the cursors sees every lead and every change exactly once per pass (a lead changed meanwhile moves
 * to the end and comes again). The cursor is opaque to clients: the position after the page's last lead and the
 * scope it was issued for (the agency, the filters), encoded and signed (an HMAC under a key derived from the portal's
 * secret), so that a cursor the portal did not make is refused, and one made for another agency's list or other
 * filters is told apart ({@link Scope}).
 * Served by {@code ix_agency_lead_agency_updated} (agency, updated_at, id).
 *
 * <p>Beside it, the agency's <em>departures</em>: the leads its staff (or a network admin) forwarded to another agency,
 * which leave the list. A CRM that only pulls learns from them that a lead it holds is another agency's now. They are
 * recorded in the forward's transaction ({@link #departed}) and listed the same way, {@code (forwarded_at, id)}
 * ascending, with cursors of their own kind (a lead list's cursor is refused there, and the other way round).
 */
@Singleton
public class LeadFeed {

    public static final int DEFAULT_LIMIT = 50;
    public static final int MAX_LIMIT = 200;
    private static final Pattern ID = Pattern.compile("[0-9a-fA-F-]{36}");

    private static final Pattern MILLIS = Pattern.compile("-?[0-9]{1,18}");

    private final JdbcOperations jdbc;
    private final byte[] cursorKey;
    private final byte[] departureCursorKey;

    LeadFeed(JdbcOperations jdbc,
             @Value("${micronaut.security.token.jwt.signatures.secret.generator.secret}") String secret) {
        this.jdbc = jdbc;
        this.cursorKey = ("lead-cursor:" + secret).getBytes(StandardCharsets.UTF_8);
        this.departureCursorKey = ("lead-departure-cursor:" + secret).getBytes(StandardCharsets.UTF_8);
    }

    /**
     * A position in the order: after the lead {@code id} changed at {@code updatedAt} (in the list of departures: after
     * the departure {@code id} at {@code updatedAt}, the time of the forward).
     */
    public record Cursor(Instant updatedAt, String id) {
    }

    /**
     * What a cursor was issued for: the agency whose list it is and the filters of the request that returned it
     * ({@code status} and {@code since}; the departures have no status). A cursor is a position in that list only:
     * another agency's list, or the same list with other filters, is no list it belongs to.
     */
    public record Scope(String agencyId, @Nullable String status, @Nullable Instant since) {
    }

    /** A cursor as this portal signed it: the position and the scope it was issued for. */
    public record Bound(Cursor cursor, Scope scope) {
    }

    /**
     * The list's cursor as a client gets it: the position and its scope, Base64url, a dot and the signature of both
     * (so that neither can be changed).
     */
    public String encode(Cursor cursor, Scope scope) {
        return encode(cursor, scope, cursorKey);
    }

    /**
     * The list's cursor a client sent back, with the scope it was issued for, if it is one this portal made (else
     * empty: malformed, forged, another kind, or made before cursors named their scope).
     */
    public Optional<Bound> decode(String text) {
        return decode(text, cursorKey);
    }

    /** A cursor of the list of departures, as a client gets it. */
    public String encodeDeparture(Cursor cursor, Scope scope) {
        return encode(cursor, scope, departureCursorKey);
    }

    /** A cursor of the list of departures a client sent back, if this portal made it for that list. */
    public Optional<Bound> decodeDeparture(String text) {
        return decode(text, departureCursorKey);
    }

    private static final Pattern SINCE = Pattern.compile("(-?[0-9]{1,18}\\.[0-9]{1,9})?");
    private static final Pattern STATUS = Pattern.compile("[A-Z_]{0,40}");

    /** {@code millis:id:since:status:agency} (since as seconds.nanos or empty, status or empty; the agency last). */
    private static String encode(Cursor cursor, Scope scope, byte[] key) {
        String since = scope.since() == null ? "" : scope.since().getEpochSecond() + "." + scope.since().getNano();
        String plain = cursor.updatedAt().toEpochMilli() + ":" + cursor.id() + ":" + since + ":"
            + (scope.status() == null ? "" : scope.status()) + ":" + scope.agencyId();
        String payload = Base64.getUrlEncoder().withoutPadding().encodeToString(plain.getBytes(StandardCharsets.UTF_8));
        return payload + "." + sign(payload, key);
    }

    private static Optional<Bound> decode(String text, byte[] key) {
        int dot = text.lastIndexOf('.');
        if (dot <= 0) {
            return Optional.empty();
        }
        String payload = text.substring(0, dot);
        if (!MessageDigest.isEqual(sign(payload, key).getBytes(StandardCharsets.US_ASCII),
            text.substring(dot + 1).getBytes(StandardCharsets.UTF_8))) {
            return Optional.empty();
        }
        try {
            String[] parts = new String(Base64.getUrlDecoder().decode(payload), StandardCharsets.UTF_8).split(":", 5);
            if (parts.length != 5 || !MILLIS.matcher(parts[0]).matches() || !ID.matcher(parts[1]).matches()
                || !SINCE.matcher(parts[2]).matches() || !STATUS.matcher(parts[3]).matches() || parts[4].isEmpty()) {
                return Optional.empty();
            }
            Instant since = null;
            if (!parts[2].isEmpty()) {
                int point = parts[2].indexOf('.');
                since = Instant.ofEpochSecond(Long.parseLong(parts[2].substring(0, point)),
                    Long.parseLong(parts[2].substring(point + 1)));
            }
            return Optional.of(new Bound(new Cursor(Instant.ofEpochMilli(Long.parseLong(parts[0])), parts[1]),
                new Scope(parts[4], parts[3].isEmpty() ? null : parts[3], since)));
        } catch (IllegalArgumentException | java.time.DateTimeException | ArithmeticException e) {
            return Optional.empty();
        }
    }

    private static String sign(String payload, byte[] key) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return Base64.getUrlEncoder().withoutPadding()
                .encodeToString(mac.doFinal(payload.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** One page: the leads (or departures) and, if more follow, the cursor for the next page. */
    public record Page<T>(List<T> items, @Nullable Cursor next) {
    }

    /**
     * The agency's leads after {@code after} (null: from the start), optionally only those in {@code stage} and those
     * changed at or after {@code since}; at most {@code limit}.
     */
    @Transactional(readOnly = true)
    public Page<LeadRow> page(String agencyId, @Nullable String stage, @Nullable Instant since, @Nullable Cursor after,
                              int limit) {
        List<Object> params = new ArrayList<>();
        StringBuilder sql = new StringBuilder("SELECT * FROM agency_lead WHERE agency_id = ?");
        params.add(agencyId);
        if (stage != null) {
            sql.append(" AND stage = ?");
            params.add(stage);
        }
        return read(sql, params, "updated_at", since, after, limit, rs -> jdbc.readEntity(rs, LeadRow.class),
            l -> new Cursor(l.updatedAt(), l.id()));
    }

    /** A lead that left the agency: forwarded to {@code forwardedTo} at {@code forwardedAt}. */
    public record Departure(String id, String leadId, String forwardedTo, Instant forwardedAt) {
    }

    /** Records, in the caller's transaction, that the lead left {@code agencyId} for {@code forwardedTo}. */
    @Transactional(propagation = TransactionDefinition.Propagation.MANDATORY)
    public void departed(String agencyId, String leadId, String forwardedTo, Instant at) {
        jdbc.prepareStatement("INSERT INTO lead_departure (id, agency_id, lead_id, forwarded_to, forwarded_at) "
            + "VALUES (?, ?, ?, ?, ?)", (PreparedStatement s) -> {
                s.setString(1, UUID.randomUUID().toString());
                s.setString(2, agencyId);
                s.setString(3, leadId);
                s.setString(4, forwardedTo);
                s.setTimestamp(5, Timestamp.from(at));
                return s.executeUpdate();
            });
    }

    /**
     * The agencies the lead was forwarded away from (each once, oldest departure first; the lead's own agency left out,
     * should it have come back): they had its data before, so a withdrawal or an erasure tells them too
     * ({@link LeadEvents#withdrawn}). Departures older than the retention period are forgotten with their lead's data.
     */
    @Transactional
    public List<String> formerAgencies(LeadRow lead) {
        String sql = "SELECT agency_id, MIN(forwarded_at) FROM lead_departure WHERE lead_id = ? GROUP BY agency_id "
            + "ORDER BY 2, 1";
        return jdbc.prepareStatement(sql, (PreparedStatement s) -> {
            s.setString(1, lead.id());
            List<String> agencies = new ArrayList<>();
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    if (!rs.getString(1).equals(lead.agencyId())) {
                        agencies.add(rs.getString(1));
                    }
                }
            }
            return agencies;
        });
    }

    /**
     * The last time {@code agencyId} forwarded the lead {@code leadId} away, if it did (and that is not older than the
     * leads' retention period, {@link #forgetDeparturesBefore}): the sender's confirmation names the receiver from it.
     */
    @Transactional(readOnly = true)
    public Optional<Departure> lastDeparture(String agencyId, String leadId) {
        String sql = "SELECT id, lead_id, forwarded_to, forwarded_at FROM lead_departure "
            + "WHERE agency_id = ? AND lead_id = ? ORDER BY forwarded_at DESC, id DESC LIMIT 1";
        return jdbc.prepareStatement(sql, (PreparedStatement s) -> {
            s.setString(1, agencyId);
            s.setString(2, leadId);
            try (ResultSet rs = s.executeQuery()) {
                return rs.next() ? Optional.of(new Departure(rs.getString(1), rs.getString(2), rs.getString(3),
                    rs.getTimestamp(4).toInstant())) : Optional.<Departure>empty();
            }
        });
    }

    /**
     * Deletes the departures recorded before {@code before} (the leads' retention period, {@link LeadRetention}): by
     * then the sender's systems have long learnt of them; how many.
     */
    @Transactional
    public int forgetDeparturesBefore(Instant before) {
        return jdbc.prepareStatement("DELETE FROM lead_departure WHERE forwarded_at < ?", (PreparedStatement s) -> {
            s.setTimestamp(1, Timestamp.from(before));
            return s.executeUpdate();
        });
    }

    /**
     * The leads forwarded away from the agency after {@code after} (null: from the start), optionally only those
     * forwarded at or after {@code since}; at most {@code limit}, oldest first.
     */
    @Transactional(readOnly = true)
    public Page<Departure> departures(String agencyId, @Nullable Instant since, @Nullable Cursor after, int limit) {
        List<Object> params = new ArrayList<>();
        params.add(agencyId);
        return read(new StringBuilder("SELECT id, lead_id, forwarded_to, forwarded_at FROM lead_departure "
                + "WHERE agency_id = ?"), params, "forwarded_at", since, after, limit,
            rs -> new Departure(rs.getString(1), rs.getString(2), rs.getString(3), rs.getTimestamp(4).toInstant()),
            d -> new Cursor(d.forwardedAt(), d.id()));
    }

    private interface RowReader<T> {
        T read(ResultSet rs) throws SQLException;
    }

    /**
     * One page of the rows of {@code sql} (its agency condition and {@code params} so far) in {@code (time, id)} order
     * after the cursor; the next page's cursor is the last row's {@code position}.
     */
    private <T> Page<T> read(StringBuilder sql, List<Object> params, String time, @Nullable Instant since,
                             @Nullable Cursor after, int limit, RowReader<T> reader,
                             java.util.function.Function<T, Cursor> position) {
        if (since != null) {
            sql.append(" AND ").append(time).append(" >= ?");
            params.add(Timestamp.from(since));
        }
        if (after != null) {
            sql.append(" AND (").append(time).append(" > ? OR (").append(time).append(" = ? AND id > ?))");
            params.add(Timestamp.from(after.updatedAt()));
            params.add(Timestamp.from(after.updatedAt()));
            params.add(after.id());
        }
        sql.append(" ORDER BY ").append(time).append(" ASC, id ASC LIMIT ").append(limit + 1);
        List<T> items = jdbc.prepareStatement(sql.toString(), (PreparedStatement s) -> {
            for (int i = 0; i < params.size(); i++) {
                s.setObject(i + 1, params.get(i));
            }
            List<T> read = new ArrayList<>();
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    read.add(reader.read(rs));
                }
            }
            return read;
        });
        if (items.size() <= limit) {
            return new Page<>(items, null);
        }
        List<T> page = List.copyOf(items.subList(0, limit));
        return new Page<>(page, position.apply(page.get(limit - 1)));
    }
}
