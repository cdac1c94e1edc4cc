package de.digitalcheck.portal;

import de.digitalcheck.portal.accounts.Accounts;
import de.digitalcheck.portal.booking.Coaches;
import de.digitalcheck.portal.routing.Agency;
import de.digitalcheck.portal.routing.AgencyAdministration;
import de.digitalcheck.portal.routing.AgencyProfile;
import de.digitalcheck.portal.routing.Router;
import de.digitalcheck.portal.shared.security.Role;
import de.digitalcheck.portal.shared.validation.FieldError;
import de.digitalcheck.portal.shared.validation.ValidationException;
import de.digitalcheck.portal.support.AtOnce;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two people editing different parts of one thing at the same moment, on H2 and MySQL/MariaDB (subclasses): each
 * edit reads the row locked, so neither writes the other's part back as it was before — an admin's edit of an
 * agency and the staff's lead address; a coach's profile and the coach's move to another agency. Two admins giving
 * two agencies one name or one short name at the same moment: the database lets one in, the other gets the field's
 * error.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class EditRacesContract {

    private static final int ROUNDS = 8;

    @Inject
    AgencyAdministration agencies;
    @Inject
    Router router;
    @Inject
    Accounts accounts;
    @Inject
    Coaches coaches;
    @Inject
    javax.sql.DataSource dataSource;

    /** The race agency {@code id}'s profile with {@code name}; its short name is its own ("RT" and its id: unique). */
    private static AgencyProfile raceProfile(String id, String name) {
        return profile(name, "RT " + id);
    }

    private static AgencyProfile profile(String name, String shortName) {
        return new AgencyProfile(name, shortName, "kontakt@rt.example.org", "+49 231 000000", "https://rt.example.org",
            "Teststraße 1, 44135 Dortmund", "2");
    }

    /** The agency's values as the admin's form reads them (its version). */
    private String stamp(String id) {
        router.refresh();
        return router.agency(id).orElseThrow().profileStamp();
    }

    private static String agency(AgencyAdministration agencies, String prefix) {
        String id = prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
        agencies.addUnlessPresent(id, raceProfile(id, "Race " + id), List.of());
        return id;
    }

    @Test
    void anAdminsEditAndTheStaffsLeadAddressAtTheSameMomentBothStay() throws Exception {
        String id = agency(agencies, "race");
        for (int round = 0; round < ROUNDS; round++) {
            String name = "Race Agentur " + id + " " + round; // agency names are unique (left over from other runs too)
            String leads = "anfragen-" + round + "@rt.example.org";
            String read = stamp(id); // the admin's form was read before both, and so was the staff's
            var staffRead = router.agency(id).orElseThrow();
            AtOnce.all(List.<Callable<?>>of(() -> agencies.update(id, raceProfile(id, name), read, List.of()),
                () -> agencies.updateContact(id, staffRead.email(), staffRead.phone(), staffRead.website(),
                    staffRead.address(), leads, staffRead.contactStamp())));
            router.refresh();
            var agency = router.agency(id).orElseThrow();
            assertThat(agency.name()).as("round " + round + ": the admin's name").isEqualTo(name);
            assertThat(agency.leadAddress()).as("round " + round + ": the staff's lead address").isEqualTo(leads);
        }
    }

    @Test
    void aCoachSavingTheirProfileWhileMovedToAnotherAgencyEndsUpAtTheNewOne() throws Exception {
        String first = agency(agencies, "race-a");
        String second = agency(agencies, "race-b");
        String email = "coach-" + UUID.randomUUID().toString().substring(0, 8) + "@rt.example.org";
        accounts.addUnlessPresent(List.of(new Accounts.NewAccount(email, "Rolf Race", Role.COACH, first)));
        String id = accounts.byEmail(email).orElseThrow().id();
        assertThat(coaches.profile(id)).as("a coach's profile comes with the account").isPresent();
        for (int round = 0; round < ROUNDS; round++) {
            String target = round % 2 == 0 ? second : first;
            String topic = "Thema " + round;
            AtOnce.all(List.<Callable<?>>of(() -> coaches.update(id, "Rolf Race", topic, List.of("VIDEO"), List.of()),
                () -> accounts.changeRole(id, "COACH", target)));
            var profile = coaches.profile(id).orElseThrow();
            assertThat(profile.agencyId()).as("round " + round + ": the move").isEqualTo(target);
            assertThat(profile.expertise()).as("round " + round + ": the profile").containsExactly(topic);
        }
    }

    /**
     * Two admins saving one name at the same moment, each for an agency of its own: the other admin's agency is
     * inserted but not yet committed when the portal's own check looks (so the check cannot see it), and committed
     * while the portal saves; the database lets one of them in and the other gets the name's field error, not a 500.
     * Creating and renaming, the name written differently (the same name as the portal compares names).
     */
    @Test
    void twoAdminsGivingTwoAgenciesOneNameAtTheSameMomentGetItOnceAndTheOtherTheNamesError() throws Exception {
        String tag = UUID.randomUUID().toString().substring(0, 8);
        String name = "Gleichzeitig " + tag;
        assertThat(whileAnotherAdminSaves(name, () -> agencies.create(new AgencyProfile("  " + name.toUpperCase(java.util.Locale.ROOT)
            + " ", "GA " + tag, "a@rt.example.org", "", "", "", "2"), List.of()))).as("created").isEqualTo("name.taken");
        String renamed = "Umbenannt " + tag;
        String id = agency(agencies, "same");
        String read = stamp(id);
        assertThat(whileAnotherAdminSaves(renamed, () -> agencies.update(id, raceProfile(id, renamed.toLowerCase(java.util.Locale.ROOT)),
            read, List.of()))).as("renamed").isEqualTo("name.taken");
        assertThat(router.agency(id).orElseThrow().name()).as("the agency refused its new name keeps its old one")
            .isEqualTo("Race " + id);
        // what must still work: another name than the other admin's at the same moment
        assertThat(whileAnotherAdminSaves("Anders " + tag, () -> agencies.update(id, raceProfile(id, "Neu " + tag), read, List.of())))
            .isInstanceOf(Agency.class);
    }

    /**
     * As {@link #twoAdminsGivingTwoAgenciesOneNameAtTheSameMomentGetItOnceAndTheOtherTheNamesError} for the short name
     * (compared as the id it makes: case, spaces and dashes aside): the database lets one of them in, the other gets
     * the short name's field error, not a 500, and nothing of the refused save is stored.
     */
    @Test
    void twoAdminsGivingTwoAgenciesOneShortNameAtTheSameMomentGetItOnceAndTheOtherTheShortNamesError() throws Exception {
        String tag = UUID.randomUUID().toString().substring(0, 8);
        String shortName = "Kurz " + tag;
        assertThat(whileAnotherAdminSaves("Andere Agentur " + tag, shortName,
            () -> agencies.create(new AgencyProfile("Neue Agentur " + tag, "  KURZ-" + tag.toUpperCase(java.util.Locale.ROOT),
                "a@rt.example.org", "", "", "", "2"), List.of()))).as("created").isEqualTo("shortName.taken");
        router.refresh();
        assertThat(router.agency("kurz-" + tag)).as("the refused agency").isEmpty();

        String renamed = "Umbenannt Kurz " + tag;
        String id = agency(agencies, "same-short");
        String read = stamp(id);
        assertThat(whileAnotherAdminSaves("Dritte Agentur " + tag, renamed, () -> agencies.update(id,
            profile("Race " + id, "umbenannt-kurz " + tag), read, List.of()))).as("renamed").isEqualTo("shortName.taken");
        assertThat(router.agency(id).orElseThrow().shortName()).as("the agency refused its new short name keeps its old one")
            .isEqualTo("RT " + id);
        // what must still work: another short name than the other admin's at the same moment
        assertThat(whileAnotherAdminSaves("Vierte Agentur " + tag, "Anders Kurz " + tag, () -> agencies.update(id,
            profile("Race " + id, "Neu Kurz " + tag), read, List.of()))).isInstanceOf(Agency.class);
    }

    /** {@code save}'s {@link #outcome} while another admin's agency of {@code name} is saved (committed half a second later). */
    private Object whileAnotherAdminSaves(String name, Callable<Agency> save) throws Exception {
        return whileAnotherAdminSaves(name, "OA " + UUID.randomUUID().toString().substring(0, 8), save);
    }

    /**
     * {@code save}'s {@link #outcome} while another admin's agency of {@code name} and {@code shortName} is saved
     * (committed half a second later).
     */
    private Object whileAnotherAdminSaves(String name, String shortName, Callable<Agency> save) throws Exception {
        javax.sql.DataSource raw = dataSource instanceof io.micronaut.data.connection.jdbc.advice.DelegatingDataSource d
            ? d.getTargetDataSource() : dataSource;
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newSingleThreadExecutor();
        try (java.sql.Connection other = raw.getConnection()) {
            other.setAutoCommit(false);
            try (java.sql.PreparedStatement insert = other.prepareStatement("INSERT INTO agency (id, name, short_name, email, "
                + "created_at, first_contact_days, name_key, short_name_key) VALUES (?, ?, ?, 'oa@rt.example.org', "
                + "CURRENT_TIMESTAMP, 2, ?, ?)")) {
                String otherId = "other-" + UUID.randomUUID().toString().substring(0, 8);
                insert.setString(1, otherId);
                insert.setString(2, name);
                insert.setString(3, shortName);
                insert.setString(4, de.digitalcheck.portal.routing.AgencyNames.key(name));
                insert.setString(5, AgencyAdministration.shortNameKey(otherId, shortName));
                insert.executeUpdate();
            }
            java.util.concurrent.Future<Object> saving = pool.submit(() -> outcome(save));
            Thread.sleep(500);
            other.commit();
            return saving.get(30, java.util.concurrent.TimeUnit.SECONDS);
        } finally {
            pool.shutdownNow();
        }
    }

    /**
     * The agency saved, "name.taken" for the name's field error, "shortName.taken" for the short name's; anything else
     * is thrown.
     */
    private static Object outcome(Callable<Agency> save) throws Exception {
        try {
            return save.call();
        } catch (ValidationException e) {
            assertThat(e.errors()).extracting(FieldError::field, FieldError::key).singleElement()
                .isIn(org.assertj.core.groups.Tuple.tuple("name", "error.agency.name.taken"),
                    org.assertj.core.groups.Tuple.tuple("shortName", "error.agency.shortName.taken"));
            return e.errors().get(0).field() + ".taken";
        }
    }
}
