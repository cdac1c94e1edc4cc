package db.migration;

import de.digitalcheck.portal.routing.AgencyAdministration;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Computes {@code agency.short_name_key} (V140) for the agencies there are, in Java because the key is the id a short
 * name makes ({@link AgencyAdministration#shortNameKey}: umlauts spelled out, accents dropped after Unicode NFD), which
 * SQL cannot compute. Short names that are already the same as the portal compares them (an edit gave an agency
 * another's before the portal checked edits, or two admins saved one at the same moment) are told apart
 * deterministically: the agency whose id the short name makes keeps it, then the agency created first (then: the
 * smaller id); each later one gets " (2)", " (3)", … — the first number whose key no other agency's short name or id
 * has —, its short name shortened if it would pass the portal's 80 characters or its key 40. No DDL: the updates are
 * one transaction.
 */
public class V141__Agency_short_name_key_of_existing_agencies extends BaseJavaMigration {

    private static final Logger LOG = LoggerFactory.getLogger(V141__Agency_short_name_key_of_existing_agencies.class);
    /** The portal's limit of a short name, in characters (code points), as of this migration. */
    static final int MAX_SHORT_NAME = 80;

    private record Agency(String id, String shortName, String key) {
    }

    @Override
    public void migrate(Context context) throws SQLException {
        Connection connection = context.getConnection();
        List<Agency> agencies = new ArrayList<>();
        try (Statement select = connection.createStatement();
             ResultSet rs = select.executeQuery("SELECT id, short_name FROM agency ORDER BY created_at, id")) {
            while (rs.next()) {
                String id = rs.getString(1);
                String shortName = rs.getString(2);
                agencies.add(new Agency(id, shortName, AgencyAdministration.shortNameKey(id, shortName)));
            }
        }
        // the agency whose id its short name makes first, then as created (a stable sort keeps that order)
        List<Agency> byPriority = new ArrayList<>(agencies);
        byPriority.sort(Comparator.comparing((Agency a) -> !a.key().equals(a.id())));
        // the first agency of each key keeps its short name; the later ones' new keys avoid every key and every id
        Set<String> taken = new HashSet<>();
        Set<String> later = new HashSet<>();
        for (Agency agency : byPriority) {
            if (!taken.add(agency.key())) {
                later.add(agency.id());
            }
        }
        agencies.forEach(a -> taken.add(a.id().toLowerCase(java.util.Locale.ROOT)));
        try (PreparedStatement update = connection.prepareStatement(
            "UPDATE agency SET short_name = ?, short_name_key = ? WHERE id = ?")) {
            for (Agency agency : byPriority) {
                String shortName = agency.shortName();
                if (later.contains(agency.id())) {
                    shortName = renamed(agency.shortName(), taken);
                    LOG.warn("Agency {}: its short name \"{}\" was another agency's too; renamed to \"{}\"", agency.id(),
                        agency.shortName(), shortName);
                }
                String key = AgencyAdministration.shortNameKey(agency.id(), shortName);
                taken.add(key);
                update.setString(1, shortName);
                update.setString(2, key);
                update.setString(3, agency.id());
                update.addBatch();
            }
            update.executeBatch();
        }
    }

    /**
     * The short name with the first " (n)", n ≥ 2, whose key is not in {@code taken}; shortened (at its end) until it
     * has at most {@link #MAX_SHORT_NAME} characters and its key still carries the number (the key is cut at 40).
     */
    static String renamed(String shortName, Set<String> taken) {
        String base = shortName.strip();
        for (int n = 2; ; n++) {
            String suffix = " (" + n + ")";
            String cut = base;
            while (!cut.isEmpty() && !fits(cut, suffix, n)) {
                cut = cut.substring(0, cut.offsetByCodePoints(cut.length(), -1)).strip();
            }
            String candidate = cut.isEmpty() ? suffix.strip() : cut + suffix;
            if (!taken.contains(AgencyAdministration.idFor(candidate))) {
                return candidate;
            }
        }
    }

    /**
     * Whether the candidate has at most {@link #MAX_SHORT_NAME} characters and its key carries the number: ends in "-n"
     * (an ASCII key, cut at 40), or, for a short name with letters beyond Latin ones (V144), is another than the cut
     * name's (such a key codes the whole short name).
     */
    private static boolean fits(String cut, String suffix, int n) {
        String candidate = cut + suffix;
        String key = AgencyAdministration.idFor(candidate);
        return candidate.codePointCount(0, candidate.length()) <= MAX_SHORT_NAME
            && (key.equals(AgencyAdministration.idFor(cut) + "-" + n)
                || key.startsWith("xn--") && !key.equals(AgencyAdministration.idFor(cut)));
    }
}
