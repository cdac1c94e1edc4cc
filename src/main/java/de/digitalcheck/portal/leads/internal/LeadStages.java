package de.digitalcheck.portal.leads.internal;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A lead's stages (SPEC §5: new → contacted → qualified → won | closed | rejected) and the changes allowed between
 * them. A lead may be closed or rejected before it is qualified (a company that cannot be reached, a request that is
 * no agency's business); won only once qualified; the end stages are final.
 */
public final class LeadStages {

    public static final String NEW = "NEW";
    public static final String CONTACTED = "CONTACTED";
    public static final String QUALIFIED = "QUALIFIED";
    public static final String WON = "WON";
    public static final String CLOSED = "CLOSED";
    public static final String REJECTED = "REJECTED";
    public static final List<String> ALL = List.of(NEW, CONTACTED, QUALIFIED, WON, CLOSED, REJECTED);

    private static final Map<String, Set<String>> NEXT = Map.of(
        NEW, Set.of(CONTACTED, CLOSED, REJECTED),
        CONTACTED, Set.of(QUALIFIED, CLOSED, REJECTED),
        QUALIFIED, Set.of(WON, CLOSED, REJECTED),
        WON, Set.of(),
        CLOSED, Set.of(),
        REJECTED, Set.of());

    private LeadStages() {
    }

    public static boolean allowed(String from, String to) {
        return NEXT.getOrDefault(from, Set.of()).contains(to);
    }

    /** The stages a lead in {@code from} may move to, in workflow order. */
    public static List<String> next(String from) {
        return ALL.stream().filter(s -> allowed(from, s)).toList();
    }

    /** A stage with no way on (won, closed, rejected): the lead is closed, and its retention period counts. */
    public static boolean isFinal(String stage) {
        return ALL.contains(stage) && NEXT.get(stage).isEmpty();
    }

    /**
     * Whether a lead that has had no first contact yet has its first contact by moving to {@code stage}: contacted,
     * or closed. Not a rejection (spam, a request that is no agency's business): it stops the
     * service level's clock — the lead is no longer new, so neither overdue nor escalated — but nobody contacted the
     * company, so it counts neither in the median time to first contact nor in the share within the service level.
     */
    public static boolean isFirstContact(String stage) {
        return !NEW.equals(stage) && !REJECTED.equals(stage);
    }

    /** The final stages a lead in {@code from} may move to, in workflow order: how it can be closed from there. */
    public static List<String> closing(String from) {
        return next(from).stream().filter(LeadStages::isFinal).toList();
    }
}
