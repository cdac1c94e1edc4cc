package de.digitalcheck.portal.leads.web;

import de.digitalcheck.portal.leads.internal.LeadInbox;
import de.digitalcheck.portal.leads.internal.LeadStages;
import de.digitalcheck.portal.shared.time.PortalTime;
import de.digitalcheck.portal.shared.validation.TextRules;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpParameters;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.exceptions.HttpStatusException;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * The inbox's filter form, read from the query string: an unknown value, and a filter given more than once, are refused
 * with 400 (nothing is guessed), an empty one means "any". {@code assignee}: {@code me} (only for a reader of the
 * agency), {@code -} (nobody) or an account id of the agency. The dates, which people type, are the page's to explain ({@link #read}: a message at the field, the inbox
 * still shown).
 */
final class InboxFilters {

    static final int MAX_PAGE = 10_000;
    /** The filter's parameters; the paging and export links carry them all but the page. */
    static final List<String> NAMES = List.of("status", "assignee", "overdue", "from", "to", "municipality", "level",
        "sort", "page");

    private InboxFilters() {
    }

    /** A filter and its date fields' problems (field name to message key): the filter leaves a bad date out. */
    record Read(LeadInbox.Filter filter, Map<String, String> errors) {
    }

    /** The filter, refused (400) for any bad value: for the CSV export, which has no page to explain it on. */
    static LeadInbox.Filter parse(HttpParameters p, @Nullable String me, Predicate<String> member) {
        Read read = read(p, me, member);
        if (!read.errors().isEmpty()) {
            throw bad(read.errors().keySet().iterator().next());
        }
        return read.filter();
    }

    /**
     * The filter for the inbox page: a bad date comes back as a field error instead (other bad values: 400). An
     * assignee other than {@code me} and {@code -} must be a {@code member} of the inbox's agency (an unknown id was
     * taken and showed an empty inbox with "alle" in the choice). {@code me}: the reader's account, null for a reader
     * outside the agency (a network admin), to whom {@code assignee=me} is no filter of the page (400): nobody of the
     * agency is the admin, so "assigned to me" showed an empty inbox.
     */
    static Read read(HttpParameters p, @Nullable String me, Predicate<String> member) {
        for (String name : NAMES) {
            // one value each: the first of several was taken and the rest dropped unseen (the agency API refuses them)
            if (p.getAll(name).size() > 1) {
                throw bad(name);
            }
        }
        Map<String, String> errors = new LinkedHashMap<>();
        String stage = text(p, "status", 20);
        // a code in any case, as the sort is read ("new" as "NEW")
        stage = stage == null ? null : stage.toUpperCase(Locale.ROOT);
        if (stage != null && !LeadStages.ALL.contains(stage) && !LeadInbox.WITHDRAWN.equals(stage)) {
            throw bad("status");
        }
        String assignee = text(p, "assignee", 64);
        if ("me".equals(assignee)) {
            if (me == null) {
                throw bad("assignee");
            }
            assignee = me;
        } else if (assignee != null && !"-".equals(assignee) && !member.test(assignee)) {
            throw bad("assignee");
        }
        String overdue = text(p, "overdue", 5);
        if (overdue != null && !overdue.equals("true")) {
            throw bad("overdue");
        }
        LocalDate from = date(p, "from", errors);
        LocalDate to = date(p, "to", errors);
        if (from != null && to != null && to.isBefore(from)) {
            errors.put("to", "leads.inbox.error.range");
            to = null;
        }
        Integer level = number(p, "level", 0, 5); // SPEC §3: levels 0 to 5
        String sortText = text(p, "sort", 10);
        LeadInbox.Sort sort;
        try {
            sort = sortText == null ? LeadInbox.Sort.NEWEST : LeadInbox.Sort.valueOf(sortText.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw bad("sort");
        }
        Integer page = page(p);
        return new Read(new LeadInbox.Filter(stage, assignee, overdue != null, from, to, text(p, "municipality", 200),
            level, sort, page == null ? 1 : page), errors);
    }

    /** The filter as query parameters (without the page), for the paging and export links. */
    static Map<String, String> query(HttpParameters p) {
        Map<String, String> q = new LinkedHashMap<>();
        for (String name : NAMES.subList(0, NAMES.size() - 1)) {
            String v = text(p, name, 200);
            if (v != null) {
                q.put(name, v);
            }
        }
        return q;
    }

    private static @Nullable String text(HttpParameters p, String name, int max) {
        String v = p.get(name);
        if (v == null || v.isBlank()) {
            return null;
        }
        if (TextRules.tooLong(v, max) || !TextRules.isSingleLine(v)) {
            throw bad(name);
        }
        return v.strip();
    }

    private static @Nullable LocalDate date(HttpParameters p, String name, Map<String, String> errors) {
        String v = p.get(name);
        if (v == null || v.isBlank()) {
            return null;
        }
        // ISO as the date picker sends it, or typed where a browser offers no date picker: as people write it in
        // German; within the years a client's date may have (PortalTime: a date at the ends of LocalDate's range would
        // overflow the day after it). A real date outside them is told as such, not as a malformed one.
        Optional<LocalDate> date = PortalTime.typedDate(v);
        if (date.isEmpty()) {
            errors.put(name, "leads.inbox.error.date");
            return null;
        }
        if (!PortalTime.sane(date.get())) {
            errors.put(name, "leads.inbox.error.dateRange");
            return null;
        }
        return date.get();
    }

    /**
     * The page asked for: a whole number from 1. A page beyond {@link #MAX_PAGE} is beyond the last one as any other
     * page after the last is (the inbox says so, with links to the first page and to the last one with leads), read as
     * {@code MAX_PAGE + 1}; it was a bare 400.
     */
    private static @Nullable Integer page(HttpParameters p) {
        String v = text(p, "page", 20);
        if (v == null) {
            return null;
        }
        if (!v.matches("[0-9]+")) {
            throw bad("page");
        }
        String digits = v.replaceFirst("^0+(?=.)", "");
        int page = digits.length() > 6 ? MAX_PAGE + 1 : Math.min(Integer.parseInt(digits), MAX_PAGE + 1);
        if (page < 1) {
            throw bad("page");
        }
        return page;
    }

    private static @Nullable Integer number(HttpParameters p, String name, int min, int max) {
        String v = text(p, name, 6);
        if (v == null) {
            return null;
        }
        Integer n = TextRules.asciiInt(v).orElseThrow(() -> bad(name));
        if (n < min || n > max) {
            throw bad(name);
        }
        return n;
    }

    private static HttpStatusException bad(String field) {
        return new HttpStatusException(HttpStatus.BAD_REQUEST, "Unbekannter Filterwert / unknown filter value: " + field);
    }
}
