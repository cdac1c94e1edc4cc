package de.digitalcheck.portal.leads.internal;

import de.digitalcheck.portal.shared.time.PortalTime;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Singleton;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The leads' figures for the dashboards, aggregated in SQL that runs on H2 and MySQL/MariaDB alike: leads per day
 * (the caller sums the days into weeks), per stage, the first contacts within the service level, the median time to
 * the first contact (the middle row of the ordered differences: no MEDIAN function is common to both), and for the
 * share of leads with a booking: each lead's check and the bookings linked to it ({@code lead_booking}: their consent
 * made or updated the lead); the booking module says which of those bookings, and which of those checks' bookings,
 * are confirmed (its table is its own). Scope: one agency's leads, or with {@code null} the network's
 * (every agency and the fallback queue); period: leads created from {@code from} on.
 */
@Singleton
public class LeadFigures {

    private final TransactionOperations<Connection> transactions;

    LeadFigures(TransactionOperations<Connection> transactions) {
        this.transactions = transactions;
    }

    /**
     * @param perDay       leads per day (in the portal's time zone, {@link PortalTime#ZONE}) created in the period
     * @param byStage      open leads of the period per stage (every stage, 0 where none) and under
     *                     {@link LeadInbox#WITHDRAWN} those no longer shared (withdrawn or erased)
     * @param decided      leads whose first contact was made or whose deadline has passed (for a lead rejected
     *                     without a first contact: passed before it was rejected; a rejection is no first contact but
     *                     stops the clock)
     * @param inTime       of those, first contact made by the deadline
     * @param contacted    leads with a first contact (a rejection is none)
     * @param medianFirstContact the median time from the lead to its first contact; null without any
     * @param bookingLinks every lead of the period, one entry each: its check and the bookings linked to it
     */
    public record Figures(Map<LocalDate, Long> perDay, Map<String, Long> byStage, long total, long decided, long inTime,
                          long contacted, @Nullable Duration medianFirstContact, List<BookingLinks> bookingLinks) {
    }

    /**
     * A lead as the share of leads with a booking needs it: its check (null: none; a check's booking made without
     * consent links no lead, but the lead's company has booked all the same) and the bookings linked to it (their
     * consent made or updated the lead; cancelled ones among them: the booking module tells).
     */
    public record BookingLinks(@Nullable String checkId, List<String> bookingIds) {
    }

    public Figures of(@Nullable String agencyId, Instant from, Instant now) {
        return transactions.executeRead(status -> {
            Connection c = status.getConnection();
            Map<LocalDate, Long> perDay = new LinkedHashMap<>();
            // counted per hour of UTC (which the database stores), each hour then dated in the portal's time zone
            // (whose offsets are whole hours): a lead of 00:30 on a Monday in Berlin is Monday's, not Sunday's, and
            // the dashboard's Berlin weeks count it in its week (no time zone tables needed in the database)
            query(c, "SELECT CAST(created_at AS DATE), HOUR(created_at), COUNT(*) FROM agency_lead WHERE "
                + scope(agencyId) + " GROUP BY CAST(created_at AS DATE), HOUR(created_at) ORDER BY 1, 2", agencyId,
                from, List.of(), rs -> perDay.merge(PortalTime.local(rs.getDate(1).toLocalDate()
                    .atTime(rs.getInt(2), 0).toInstant(ZoneOffset.UTC)).toLocalDate(), rs.getLong(3), Long::sum));
            Map<String, Long> byStage = new LinkedHashMap<>();
            LeadStages.ALL.forEach(s -> byStage.put(s, 0L));
            byStage.put(LeadInbox.WITHDRAWN, 0L);
            // as the inbox counts them: a withdrawn or erased lead under WITHDRAWN, not under the stage it had
            String shown = "CASE WHEN status = 'OPEN' THEN stage ELSE '" + LeadInbox.WITHDRAWN + "' END";
            query(c, "SELECT " + shown + ", COUNT(*) FROM agency_lead WHERE " + scope(agencyId) + " GROUP BY " + shown,
                agencyId, from, List.of(), rs -> byStage.merge(rs.getString(1), rs.getLong(2), Long::sum));
            long[] sl = new long[3];
            // decided: contacted, or its deadline passed — for a lead rejected without a first contact (spam), passed
            // before the rejection (closed_at), which stopped the clock: one rejected in time is left out of the share
            query(c, "SELECT COUNT(*), SUM(CASE WHEN first_contact_at IS NOT NULL AND first_contact_at <= contact_due_at "
                + "THEN 1 ELSE 0 END), SUM(CASE WHEN first_contact_at IS NOT NULL THEN 1 ELSE 0 END) FROM agency_lead "
                + "WHERE " + scope(agencyId) + " AND (first_contact_at IS NOT NULL OR contact_due_at < CASE WHEN stage = '"
                + LeadStages.REJECTED + "' THEN closed_at ELSE ? END)", agencyId, from,
                List.of(Timestamp.from(now)), rs -> {
                    sl[0] = rs.getLong(1);
                    sl[1] = rs.getLong(2);
                    sl[2] = rs.getLong(3);
                });
            Duration median = median(c, agencyId, from, sl[2]);
            // every lead of the period, those a booking made included, one entry each with the bookings linked to
            // it (the booking module then says which of them are confirmed: the share counts leads, as its
            // denominator does)
            Map<String, BookingLinks> links = new LinkedHashMap<>();
            query(c, "SELECT agency_lead.id, agency_lead.assessment_id, lb.booking_id FROM agency_lead LEFT JOIN "
                + "lead_booking lb ON lb.lead_id = agency_lead.id WHERE " + scope(agencyId), agencyId, from,
                List.of(), rs -> {
                    String check = rs.getString(2);
                    BookingLinks lead = links.computeIfAbsent(rs.getString(1),
                        id -> new BookingLinks(check, new ArrayList<>()));
                    String booking = rs.getString(3);
                    if (booking != null) {
                        lead.bookingIds().add(booking);
                    }
                });
            long total = byStage.values().stream().mapToLong(Long::longValue).sum();
            return new Figures(perDay, byStage, total, sl[0], sl[1], sl[2], median, List.copyOf(links.values()));
        });
    }

    private static @Nullable Duration median(Connection c, @Nullable String agencyId, Instant from, long contacted) {
        if (contacted == 0) {
            return null;
        }
        List<Long> middle = new ArrayList<>();
        long offset = (contacted - 1) / 2;
        int rows = contacted % 2 == 0 ? 2 : 1;
        query(c, "SELECT TIMESTAMPDIFF(SECOND, created_at, first_contact_at) AS waited FROM agency_lead WHERE "
            + scope(agencyId) + " AND first_contact_at IS NOT NULL ORDER BY waited LIMIT " + rows + " OFFSET " + offset,
            agencyId, from, List.of(), rs -> middle.add(rs.getLong(1)));
        return middle.isEmpty() ? null
            : Duration.ofSeconds(middle.stream().mapToLong(Long::longValue).sum() / middle.size());
    }

    private static String scope(@Nullable String agencyId) {
        return (agencyId == null ? "" : "agency_id = ? AND ") + "created_at >= ?";
    }

    private interface Row {
        void read(ResultSet rs) throws SQLException;
    }

    private static void query(Connection c, String sql, @Nullable String agencyId, Instant from, List<Object> more,
                              Row row) {
        try (PreparedStatement s = c.prepareStatement(sql)) {
            int i = 1;
            if (agencyId != null) {
                s.setString(i++, agencyId);
            }
            s.setTimestamp(i++, Timestamp.from(from));
            for (Object o : more) {
                s.setObject(i++, o);
            }
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    row.read(rs);
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("lead figures failed", e);
        }
    }
}
