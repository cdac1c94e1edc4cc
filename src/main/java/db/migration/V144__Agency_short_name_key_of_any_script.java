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
import java.util.Locale;
import java.util.Set;

/**
 * Computes {@code agency.short_name_key} anew after letters and digits of any script came to count
 * ({@link AgencyAdministration#shortNameKey}, {@code AgencyShortNames}): a short name like "日本" made no id before, so
 * its key was the agency's own id; one like "EN 日本" made "en" from its Latin letters alone. Only keys that change are
 * written. An agency whose key stays keeps its short name; one whose new key another agency's short name has already
 * (or is another agency's id: "日本" twice, both kept apart by their ids until now) is renamed as V141 renames, to the
 * first "short name (2)", "(3)", … whose key no agency has, and logged. Each changed key is first set to one no agency
 * has, then to the new one, so that the unique index (V142) never sees one key twice in between. No DDL: the updates
 * are one transaction.
 */
public class V144__Agency_short_name_key_of_any_script extends BaseJavaMigration {

    private static final Logger LOG = LoggerFactory.getLogger(V144__Agency_short_name_key_of_any_script.class);

    private record Agency(String id, String shortName, String stored, String key) {
    }

    private record Change(String id, String shortName, String key) {
    }

    @Override
    public void migrate(Context context) throws SQLException {
        Connection connection = context.getConnection();
        List<Agency> agencies = new ArrayList<>();
        try (Statement select = connection.createStatement();
             ResultSet rs = select.executeQuery(
                 "SELECT id, short_name, short_name_key FROM agency ORDER BY created_at, id")) {
            while (rs.next()) {
                String id = rs.getString(1);
                String shortName = rs.getString(2);
                String key = AgencyAdministration.shortNameKey(id, shortName);
                agencies.add(new Agency(id, shortName, rs.getString(3), key));
            }
        }
        Set<String> stored = new HashSet<>();
        Set<String> ids = new HashSet<>();
        Set<String> taken = new HashSet<>();
        for (Agency agency : agencies) {
            stored.add(agency.stored());
            ids.add(agency.id().toLowerCase(Locale.ROOT));
            if (agency.key().equals(agency.stored())) {
                taken.add(agency.key());
            }
        }
        // of the changed ones, the agency whose id its short name makes first, then as created (as V141)
        List<Agency> changed = new ArrayList<>(agencies.stream().filter(a -> !a.key().equals(a.stored())).toList());
        changed.sort(Comparator.comparing((Agency a) -> !a.key().equals(a.id().toLowerCase(Locale.ROOT))));
        List<Change> changes = new ArrayList<>();
        for (Agency agency : changed) {
            String shortName = agency.shortName();
            String key = agency.key();
            if (taken.contains(key) || ids.contains(key) && !key.equals(agency.id().toLowerCase(Locale.ROOT))) {
                Set<String> avoid = new HashSet<>(taken);
                avoid.addAll(ids);
                shortName = V141__Agency_short_name_key_of_existing_agencies.renamed(agency.shortName(), avoid);
                key = AgencyAdministration.shortNameKey(agency.id(), shortName);
                LOG.warn("Agency {}: its short name \"{}\" is another agency's as letters of any script count; "
                    + "renamed to \"{}\"", agency.id(), agency.shortName(), shortName);
            }
            taken.add(key);
            changes.add(new Change(agency.id(), shortName, key));
        }
        try (PreparedStatement interim =
                 connection.prepareStatement("UPDATE agency SET short_name_key = ? WHERE id = ?")) {
            int n = 0;
            for (Change change : changes) {
                String free;
                do {
                    free = "~" + n++;
                } while (stored.contains(free) || taken.contains(free));
                interim.setString(1, free);
                interim.setString(2, change.id());
                interim.addBatch();
            }
            interim.executeBatch();
        }
        try (PreparedStatement update = connection.prepareStatement(
            "UPDATE agency SET short_name = ?, short_name_key = ? WHERE id = ?")) {
            for (Change change : changes) {
                update.setString(1, change.shortName());
                update.setString(2, change.key());
                update.setString(3, change.id());
                update.addBatch();
            }
            update.executeBatch();
        }
    }
}
