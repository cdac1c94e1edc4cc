package de.digitalcheck.portal;

import de.digitalcheck.portal.accounts.Accounts;
import de.digitalcheck.portal.booking.Coaches;
import de.digitalcheck.portal.routing.AgencyAdministration;
import de.digitalcheck.portal.routing.AgencyProfile;
import de.digitalcheck.portal.routing.Router;
import de.digitalcheck.portal.shared.security.Role;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

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
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            for (int round = 0; round < ROUNDS; round++) {
                String name = "Race Agentur " + round;
                String leads = "anfragen-" + round + "@rt.example.org";
                together(pool, () -> agencies.update(id, profile(name), List.of()),
                    () -> agencies.setLeadEmail(id, leads));
                router.refresh();
                var agency = router.agency(id).orElseThrow();
                assertThat(agency.name()).as("round " + round + ": the admin's name").isEqualTo(name);
                assertThat(agency.leadAddress()).as("round " + round + ": the staff's lead address").isEqualTo(leads);
            }
        } finally {
            pool.shutdownNow();
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
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            for (int round = 0; round < ROUNDS; round++) {
                String target = round % 2 == 0 ? second : first;
                String topic = "Thema " + round;
                together(pool, () -> coaches.update(id, "Rolf Race", topic, List.of("VIDEO"), List.of()),
                    () -> accounts.changeRole(id, "COACH", target));
                var profile = coaches.profile(id).orElseThrow();
                assertThat(profile.agencyId()).as("round " + round + ": the move").isEqualTo(target);
                assertThat(profile.expertise()).as("round " + round + ": the profile").containsExactly(topic);
            }
        } finally {
            pool.shutdownNow();
        }
    }

    /** Runs both at the same moment and waits for both. */
    private static void together(ExecutorService pool, Callable<?> one, Callable<?> other) throws Exception {
        CountDownLatch start = new CountDownLatch(1);
        List<Future<?>> work = List.of(pool.submit(() -> {
            start.await();
            return one.call();
        }), pool.submit(() -> {
            start.await();
            return other.call();
        }));
        start.countDown();
        for (Future<?> f : work) {
            f.get();
        }
    }
}
