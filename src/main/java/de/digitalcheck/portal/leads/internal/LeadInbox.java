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
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * The inbox: one agency's leads (or the network's fallback queue) filtered, sorted and paged, with a count per stage.
 * The filters are optional, so the statement is put together here from fixed fragments and bound parameters (no
 * user text ever becomes SQL); Micronaut Data's derived queries cannot leave out an absent filter. The first page of
 * one agency is served by {@code ix_agency_lead_inbox} (agency, stage, created) and {@code ix_agency_lead_agency_created}.
 */
@Singleton
public class LeadInbox {

    public static final int PAGE_SIZE = 25;
    public static final List<String> STAGES = LeadStages.ALL;
    /**
     * The inbox's filter and count of leads no longer shared (withdrawn or erased, {@link LeadRow#shownToAgency}): the
     * list shows them marked so, and neither a stage's count nor its filter holds them (a withdrawn lead counted as
     * "neu" was work that is not there).
     */
    public static final String WITHDRAWN = "WITHDRAWN";

    private static final String COLUMNS = "id, agency_id, status, stage, company_name, postal_code, municipality, "
        + "contact_name, contact_email, contact_phone, sector, employees, overall_level, score, assignee_id, "
        + "assignee_name, created_at, contact_due_at, first_contact_at, consent_version, consent_at, lock_version";

    private final TransactionOperations<Connection> transactions;
    private final Clock clock;

    LeadInbox(TransactionOperations<Connection> transactions, Clock clock) {
        this.transactions = transactions;
        this.clock = clock;
    }

    /** Whose leads: an agency's ({@code agencyId}) or, with {@code null}, the network's fallback queue. */
    public record Scope(@Nullable String agencyId) {
    }

    /**
     * The inbox's filters; every one optional. {@code assignee}: an account id or {@code -} for nobody;
     * {@code municipality}: the beginning of the place's name, in any case.
     */
    public record Filter(@Nullable String stage, @Nullable String assignee, boolean overdue, @Nullable LocalDate from,
                         @Nullable LocalDate to, @Nullable String municipality, @Nullable Integer level,
                         Sort sort, int page) {

        public static final Filter NONE = new Filter(null, null, false, null, null, null, null, Sort.NEWEST, 1);
    }

    public enum Sort {
        NEWEST("created_at DESC, id DESC"), OLDEST("created_at ASC, id ASC"), DUE("contact_due_at ASC, id ASC"),
        COMPANY("company_name ASC, id ASC");

        final String order;

        Sort(String order) {
            this.order = order;
        }
    }

    /** A lead as the inbox and the export show it. */
    public record Item(String id, @Nullable String agencyId, String status, String stage, @Nullable String companyName,
                       @Nullable String postalCode, @Nullable String municipality, @Nullable String contactName,
                       @Nullable String contactEmail, @Nullable String contactPhone, @Nullable String sector,
                       @Nullable Integer employees, @Nullable Integer overallLevel, @Nullable Double score,
                       @Nullable String assigneeId, @Nullable String assigneeName, Instant createdAt,
                       Instant contactDueAt, @Nullable Instant firstContactAt, String consentVersion,
                       Instant consentAt, int version, boolean overdue) {
    }

    /**
     * {@code counts}: open leads per stage and, under {@link #WITHDRAWN}, the leads no longer shared.
     * {@code lastPage}: for a page after the last one the filter has leads on (none on it, not the first page), that
     * last page, 0 where the filter selects none; null for any other page (not counted).
     */
    public record Page(List<Item> items, int page, boolean hasNext, Map<String, Long> counts, long overdue,
                       @Nullable Integer lastPage) {

        public long total() {
            return counts.values().stream().mapToLong(Long::longValue).sum();
        }

        /** Whether this page comes after the last one that has leads (a link kept from when there were more, typed). */
        public boolean beyondLast() {
            return lastPage != null;
        }
    }

    public Page page(Scope scope, Filter filter) {
        Instant now = clock.instant();
        return transactions.executeRead(status -> {
            Connection c = status.getConnection();
            List<Item> items = new ArrayList<>();
            int page = Math.max(1, filter.page());
            long offset = (page - 1L) * PAGE_SIZE;
            query(c, scope, filter, now, " LIMIT " + (PAGE_SIZE + 1) + " OFFSET " + offset, items::add);
            boolean hasNext = items.size() > PAGE_SIZE;
            // a page after the end: where the filter's leads end, for the way back (counted only here)
            Integer lastPage = items.isEmpty() && page > 1
                ? (int) ((count(c, scope, filter, now) + PAGE_SIZE - 1) / PAGE_SIZE) : null;
            return new Page(hasNext ? items.subList(0, PAGE_SIZE) : items, page, hasNext,
                counts(c, scope), overdueCount(c, scope, now), lastPage);
        });
    }

    /** Every lead the filter selects (no paging), handed over one by one as read: for a streamed export. */
    public void each(Scope scope, Filter filter, Consumer<Item> sink) {
        Instant now = clock.instant();
        transactions.executeRead(status -> {
            query(status.getConnection(), scope, filter, now, "", sink);
            return null;
        });
    }

    private void query(Connection c, Scope scope, Filter f, Instant now, String limit, Consumer<Item> sink) {
        List<Object> params = new ArrayList<>();
        StringBuilder sql = new StringBuilder("SELECT ").append(COLUMNS).append(" FROM agency_lead WHERE ");
        where(sql, params, scope, f, now);
        sql.append(" ORDER BY ").append(f.sort().order).append(limit);
        try (PreparedStatement s = prepare(c, sql.toString(), params)) {
            s.setFetchSize(500);
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    sink.accept(item(rs, now));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("inbox query failed", e);
        }
    }

    /** How many leads the filter selects (all its pages). */
    private static long count(Connection c, Scope scope, Filter f, Instant now) {
        List<Object> params = new ArrayList<>();
        StringBuilder sql = new StringBuilder("SELECT COUNT(*) FROM agency_lead WHERE ");
        where(sql, params, scope, f, now);
        try (PreparedStatement s = prepare(c, sql.toString(), params); ResultSet rs = s.executeQuery()) {
            rs.next();
            return rs.getLong(1);
        } catch (SQLException e) {
            throw new IllegalStateException("inbox count failed", e);
        }
    }

    /** The scope and the filter's conditions, after {@code WHERE}. */
    private static void where(StringBuilder sql, List<Object> params, Scope scope, Filter f, Instant now) {
        scope(sql, params, scope);
        if (WITHDRAWN.equals(f.stage())) {
            sql.append(" AND status <> 'OPEN'");
        } else if (f.stage() != null) {
            sql.append(" AND stage = ? AND status = 'OPEN'");
            params.add(f.stage());
        }
        if ("-".equals(f.assignee())) {
            sql.append(" AND assignee_id IS NULL");
        } else if (f.assignee() != null) {
            sql.append(" AND assignee_id = ?");
            params.add(f.assignee());
        }
        if (f.overdue()) {
            overdue(sql, params, now);
        }
        if (f.from() != null) {
            sql.append(" AND created_at >= ?");
            params.add(Timestamp.from(f.from().atStartOfDay(PortalTime.ZONE).toInstant()));
        }
        if (f.to() != null) {
            sql.append(" AND created_at < ?");
            params.add(Timestamp.from(f.to().plusDays(1).atStartOfDay(PortalTime.ZONE).toInstant()));
        }
        if (f.municipality() != null) {
            // the beginning of the place's name, in any case: typed by hand ("wit" for Witten), and the same on both
            // databases (an exact "=" was case-sensitive on H2 and not on MariaDB, whose collation ignores the case);
            // the agency's own leads first, by its index, and only those compared
            sql.append(" AND LOWER(municipality) LIKE ? ESCAPE '!'");
            params.add(startsWith(f.municipality()));
        }
        if (f.level() != null) {
            // only leads still shared: a withdrawn lead's result is not shown, so no filter may find it by its level
            sql.append(" AND overall_level = ? AND status = 'OPEN'");
            params.add(f.level());
        }
    }

    /**
     * The pattern of a {@code LIKE … ESCAPE '!'} for values starting with {@code typed} in lower case: a {@code %} or
     * {@code _} typed stands for itself. (MariaDB's collation also takes "lunen" for Lünen; H2 does not.)
     */
    static String startsWith(String typed) {
        return typed.toLowerCase(java.util.Locale.ROOT).replace("!", "!!").replace("%", "!%").replace("_", "!_") + "%";
    }

    private static void scope(StringBuilder sql, List<Object> params, Scope scope) {
        if (scope.agencyId() == null) {
            sql.append("agency_id IS NULL");
        } else {
            sql.append("agency_id = ?");
            params.add(scope.agencyId());
        }
    }

    private static void overdue(StringBuilder sql, List<Object> params, Instant now) {
        sql.append(" AND stage = 'NEW' AND status = 'OPEN' AND contact_due_at < ?");
        params.add(Timestamp.from(now));
    }

    private static Map<String, Long> counts(Connection c, Scope scope) {
        Map<String, Long> counts = new LinkedHashMap<>();
        STAGES.forEach(s -> counts.put(s, 0L));
        counts.put(WITHDRAWN, 0L);
        List<Object> params = new ArrayList<>();
        StringBuilder sql = new StringBuilder("SELECT CASE WHEN status = 'OPEN' THEN stage ELSE '" + WITHDRAWN
            + "' END AS shown, COUNT(*) FROM agency_lead WHERE ");
        scope(sql, params, scope);
        sql.append(" GROUP BY CASE WHEN status = 'OPEN' THEN stage ELSE '" + WITHDRAWN + "' END");
        try (PreparedStatement s = prepare(c, sql.toString(), params); ResultSet rs = s.executeQuery()) {
            while (rs.next()) {
                counts.merge(rs.getString(1), rs.getLong(2), Long::sum);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("inbox counts failed", e);
        }
        return counts;
    }

    private static long overdueCount(Connection c, Scope scope, Instant now) {
        List<Object> params = new ArrayList<>();
        StringBuilder sql = new StringBuilder("SELECT COUNT(*) FROM agency_lead WHERE ");
        scope(sql, params, scope);
        overdue(sql, params, now);
        try (PreparedStatement s = prepare(c, sql.toString(), params); ResultSet rs = s.executeQuery()) {
            rs.next();
            return rs.getLong(1);
        } catch (SQLException e) {
            throw new IllegalStateException("inbox overdue count failed", e);
        }
    }

    private static PreparedStatement prepare(Connection c, String sql, List<Object> params) throws SQLException {
        PreparedStatement s = c.prepareStatement(sql);
        for (int i = 0; i < params.size(); i++) {
            s.setObject(i + 1, params.get(i));
        }
        return s;
    }

    private static Item item(ResultSet rs, Instant now) throws SQLException {
        Instant due = rs.getTimestamp("contact_due_at").toInstant();
        String stage = rs.getString("stage");
        String status = rs.getString("status");
        Timestamp first = rs.getTimestamp("first_contact_at");
        boolean shared = LeadRow.OPEN.equals(status); // withdrawn, erased: no contact, no result (LeadRow#shownToAgency)
        return new Item(rs.getString("id"), rs.getString("agency_id"), status, stage, rs.getString("company_name"),
            rs.getString("postal_code"), rs.getString("municipality"), shared ? rs.getString("contact_name") : null,
            shared ? rs.getString("contact_email") : null, shared ? rs.getString("contact_phone") : null,
            rs.getString("sector"), (Integer) rs.getObject("employees", Integer.class),
            shared ? (Integer) rs.getObject("overall_level", Integer.class) : null,
            shared ? (Double) rs.getObject("score", Double.class) : null, rs.getString("assignee_id"),
            rs.getString("assignee_name"),
            rs.getTimestamp("created_at").toInstant(), due, first == null ? null : first.toInstant(),
            rs.getString("consent_version"), rs.getTimestamp("consent_at").toInstant(), rs.getInt("lock_version"),
            LeadRow.NEW.equals(stage) && LeadRow.OPEN.equals(status) && due.isBefore(now));
    }
}
