package db.migration;

import de.digitalcheck.portal.routing.AgencyNames;
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
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Computes {@code agency.name_key} (V126) for the agencies there are, in Java because the key is the name in Unicode
 * NFC ({@link AgencyNames}), which SQL cannot compute. Names that are already the same (agencies saved at the same
 * moment before V128 made the key unique) are told apart deterministically: the agency created first (then: the
 * smaller id) keeps its name, each later one gets " (2)", " (3)", … — the first number that makes a name no other
 * agency has — its name shortened if it would pass the portal's 200 characters. No DDL: the updates are one transaction.
 */
public class V127__Agency_name_key_of_existing_agencies extends BaseJavaMigration {

    private static final Logger LOG = LoggerFactory.getLogger(V127__Agency_name_key_of_existing_agencies.class);
    /** The portal's limit of an agency name, in characters (code points), as of this migration. */
    static final int MAX_NAME = 200;

    private record Agency(String id, String name) {
    }

    @Override
    public void migrate(Context context) throws SQLException {
        Connection connection = context.getConnection();
        List<Agency> agencies = new ArrayList<>();
        try (Statement select = connection.createStatement();
             ResultSet rs = select.executeQuery("SELECT id, name FROM agency ORDER BY created_at, id")) {
            while (rs.next()) {
                agencies.add(new Agency(rs.getString(1), rs.getString(2)));
            }
        }
        // the first agency of each name keeps it; the names of all of them are taken for the renamed ones
        Set<String> taken = new HashSet<>();
        Set<String> later = new HashSet<>();
        for (Agency agency : agencies) {
            if (!taken.add(AgencyNames.key(agency.name()))) {
                later.add(agency.id());
            }
        }
        try (PreparedStatement update = connection.prepareStatement("UPDATE agency SET name = ?, name_key = ? WHERE id = ?")) {
            for (Agency agency : agencies) {
                String name = agency.name();
                if (later.contains(agency.id())) {
                    name = renamed(agency.name(), taken);
                    LOG.warn("Agency {}: its name \"{}\" was another agency's too; renamed to \"{}\"", agency.id(),
                        agency.name(), name);
                }
                String key = AgencyNames.key(name);
                taken.add(key);
                update.setString(1, name);
                update.setString(2, key);
                update.setString(3, agency.id());
                update.addBatch();
            }
            update.executeBatch();
        }
    }

    /** The name with the first " (n)", n ≥ 2, that no name in {@code taken} has; at most {@link #MAX_NAME} characters. */
    static String renamed(String name, Set<String> taken) {
        String base = name.strip();
        for (int n = 2; ; n++) {
            String suffix = " (" + n + ")";
            int room = MAX_NAME - suffix.length();
            String cut = base.codePointCount(0, base.length()) <= room ? base
                : base.substring(0, base.offsetByCodePoints(0, room)).strip();
            String candidate = cut + suffix;
            if (!taken.contains(AgencyNames.key(candidate))) {
                return candidate;
            }
        }
    }
}
