package db.migration;

import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * Marks the consent that made each existing lead ({@code lead_consent.made_lead}, V145): until now the portal took a
 * lead's earliest consent for it. Where two consents of a lead have the same time (MariaDB keeps whole seconds) the one
 * with the smaller id is taken, as the earlier ordering did not decide either. A Java migration because MySQL refuses
 * an UPDATE whose subquery reads the table it updates; the updates are one transaction, in batches.
 */
public class V146__Lead_consent_made_lead_of_existing_leads extends BaseJavaMigration {

    private static final int BATCH = 500;

    @Override
    public void migrate(Context context) throws SQLException {
        Connection connection = context.getConnection();
        List<String> first = new ArrayList<>();
        try (Statement select = connection.createStatement();
             ResultSet rs = select.executeQuery("SELECT lead_id, id FROM lead_consent ORDER BY lead_id, given_at, id")) {
            String lead = null;
            while (rs.next()) {
                String leadId = rs.getString(1);
                if (!leadId.equals(lead)) {
                    first.add(rs.getString(2));
                    lead = leadId;
                }
            }
        }
        try (PreparedStatement update = connection.prepareStatement(
            "UPDATE lead_consent SET made_lead = TRUE WHERE id = ?")) {
            for (int i = 0; i < first.size(); i++) {
                update.setString(1, first.get(i));
                update.addBatch();
                if ((i + 1) % BATCH == 0 || i == first.size() - 1) {
                    update.executeBatch();
                }
            }
        }
    }
}
