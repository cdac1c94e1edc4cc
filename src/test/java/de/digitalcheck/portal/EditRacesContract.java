package de.digitalcheck.portal;

import de.digitalcheck.portal.accounts.Accounts;
import de.digitalcheck.portal.booking.Coaches;
import de.digitalcheck.portal.routing.AgencyAdministration;
import de.digitalcheck.portal.routing.AgencyProfile;
import de.digitalcheck.portal.routing.Router;
import de.digitalcheck.portal.shared.security.Role;
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
 * agency and the staff's lead address; a coach's profile and the coach's move to another agency.
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

    private static AgencyProfile profile(String name) {
        return new AgencyProfile(name, "RT", "kontakt@rt.example.org", "+49 231 000000", "https://rt.example.org",
            "Teststraße 1, 44135 Dortmund", "2");
    }

    private static String agency(AgencyAdministration agencies, String prefix) {
        String id = prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
        agencies.addUnlessPresent(id, profile("Race " + id), List.of());
        return id;
    }

    @Test
    void anAdminsEditAndTheStaffsLeadAddressAtTheSameMomentBothStay() throws Exception {
        String id = agency(agencies, "race");
        for (int round = 0; round < ROUNDS; round++) {
            String name = "Race Agentur " + id + " " + round; // agency names are unique (left over from other runs too)
            String leads = "anfragen-" + round + "@rt.example.org";
            AtOnce.all(List.<Callable<?>>of(() -> agencies.update(id, profile(name), List.of()),
                () -> agencies.setLeadEmail(id, leads)));
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
}
