package de.digitalcheck.portal.shared.persistence;

import de.digitalcheck.portal.booking.AppointmentOutcomes;
import de.digitalcheck.portal.booking.BookingChanges;
import de.digitalcheck.portal.leads.internal.AccessTokens;
import de.digitalcheck.portal.leads.internal.LeadForwarding;
import de.digitalcheck.portal.leads.internal.LeadWork;
import de.digitalcheck.portal.readiness.internal.ProfileRules;
import de.digitalcheck.portal.routing.AgencyProfile;
import de.digitalcheck.portal.routing.AgencyTeam;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The portal counts a text's length in characters as people see them (code points: an emoji is one); H2 counts a
 * VARCHAR in UTF-16 units (an emoji is two), MySQL/MariaDB with utf8mb4 in code points. So every column that keeps a
 * text people type holds, on H2, twice the portal's limit: a text within the limit is never refused by the database
 * (that was a generic error page and a lost note). Run against H2 and MySQL/MariaDB by the subclasses.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class TextColumnsContract implements TestPropertyProvider {

    /** table.column → the portal's limit in characters for what is written there. */
    static final Map<String, Integer> LIMITS = Map.ofEntries(
        Map.entry("assessment.company_name", ProfileRules.MAX_NAME),
        Map.entry("assessment.contact_name", ProfileRules.MAX_NAME),
        Map.entry("agency_lead.company_name", ProfileRules.MAX_NAME),
        Map.entry("agency_lead.contact_name", ProfileRules.MAX_NAME),
        Map.entry("lead_consent.contact_name", ProfileRules.MAX_NAME), // as given with the consent (V151)
        Map.entry("agency_lead.assignee_name", AgencyTeam.MAX_NAME),
        Map.entry("booking.company_name", ProfileRules.MAX_NAME),
        Map.entry("booking.contact_name", ProfileRules.MAX_NAME),
        Map.entry("booking.company_street", 200), // VisitAddressRules.MAX_STREET
        Map.entry("booking.company_town", 100), // VisitAddressRules.MAX_TOWN
        Map.entry("booking.cancel_reason", BookingChanges.MAX_NOTE),
        Map.entry("account.name", AgencyTeam.MAX_NAME),
        Map.entry("agency.name", AgencyProfile.MAX_NAME),
        Map.entry("agency.short_name", AgencyProfile.MAX_SHORT_NAME),
        Map.entry("agency.address", AgencyProfile.MAX_ADDRESS),
        Map.entry("api_token.name", AccessTokens.MAX_NAME),
        Map.entry("api_token.account_name", AgencyTeam.MAX_NAME),
        Map.entry("appointment_outcome.note", AppointmentOutcomes.MAX_NOTE),
        Map.entry("appointment_type.name_de", 100), // Calendars: a type's name
        Map.entry("appointment_type.name_en", 100),
        Map.entry("coach.expertise", 500), // Coaches.MAX_TOTAL
        Map.entry("lead_audit.note", Math.max(LeadWork.MAX_NOTE, LeadForwarding.MAX_REASON)),
        Map.entry("lead_audit.actor_name", AgencyTeam.MAX_NAME),
        Map.entry("lead_audit.from_value", AgencyTeam.MAX_NAME), // a stage, or the name of whom a lead was assigned to
        Map.entry("lead_audit.to_value", AgencyTeam.MAX_NAME),
        Map.entry("questionnaire_choice.chosen_by_name", AgencyTeam.MAX_NAME));

    @Inject
    DataSource contextual;

    /** The pool itself: its own connections, outside any transaction of the portal. */
    private DataSource dataSource() {
        return contextual instanceof io.micronaut.data.connection.jdbc.advice.DelegatingDataSource d
            ? d.getTargetDataSource() : contextual;
    }

    @Test
    void everyColumnOfTypedTextHoldsItsLimitInEmoji() throws Exception {
        List<String> tooShort = new ArrayList<>();
        try (Connection c = dataSource().getConnection()) {
            boolean h2 = c.getMetaData().getDatabaseProductName().toLowerCase(Locale.ROOT).contains("h2");
            for (Map.Entry<String, Integer> e : LIMITS.entrySet()) {
                String[] tc = e.getKey().split("\\.");
                int length = length(c, tc[0], tc[1]);
                int needed = h2 ? 2 * e.getValue() : e.getValue();
                if (length < needed) {
                    tooShort.add(e.getKey() + " holds " + length + ", needs " + needed);
                }
            }
        }
        assertThat(tooShort).as("columns too short for their limit in emoji").isEmpty();
    }

    @Test
    void aColumnTakesItsLimitInEmojiAndTheDatabaseKeepsThemAsTyped() throws Exception {
        // the agency's name, as the admin form writes it (a real write, rolled back)
        String name = "\uD83C\uDFED".repeat(AgencyProfile.MAX_NAME);
        try (Connection c = dataSource().getConnection()) {
            boolean autoCommit = c.getAutoCommit();
            c.setAutoCommit(false);
            try (PreparedStatement update = c.prepareStatement("UPDATE agency SET name = ? WHERE id = 'wf-dortmund'")) {
                update.setString(1, name);
                assertThat(update.executeUpdate()).isEqualTo(1);
                try (PreparedStatement read = c.prepareStatement("SELECT name FROM agency WHERE id = 'wf-dortmund'");
                     ResultSet rs = read.executeQuery()) {
                    assertThat(rs.next()).isTrue();
                    assertThat(rs.getString(1)).isEqualTo(name);
                }
            } finally {
                c.rollback();
                c.setAutoCommit(autoCommit);
            }
        }
    }

    private static int length(Connection c, String table, String column) throws Exception {
        // the portal's own schema: H2's is PUBLIC (names lower case here), MySQL/MariaDB's the connection's database
        String sql = "SELECT CHARACTER_MAXIMUM_LENGTH FROM INFORMATION_SCHEMA.COLUMNS WHERE LOWER(TABLE_NAME) = ? "
            + "AND LOWER(COLUMN_NAME) = ? AND LOWER(TABLE_SCHEMA) = LOWER(?)";
        String schema = c.getCatalog() != null && !c.getMetaData().getDatabaseProductName().contains("H2")
            ? c.getCatalog() : c.getSchema();
        try (PreparedStatement s = c.prepareStatement(sql)) {
            s.setString(1, table);
            s.setString(2, column);
            s.setString(3, schema);
            try (ResultSet rs = s.executeQuery()) {
                assertThat(rs.next()).as(table + "." + column + " exists in " + schema).isTrue();
                return rs.getInt(1);
            }
        }
    }
}
