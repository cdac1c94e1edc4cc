package de.digitalcheck.portal.accounts;

import de.digitalcheck.portal.shared.security.Role;
import de.digitalcheck.portal.support.AtOnce;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * An admin's change of an account and that person's sign-ins at the same moment, on H2 and MySQL/MariaDB
 * (subclasses): they take turns on the account's row, so a sign-in never carries the account's state from before the
 * change back into it — a disabled person stays disabled, a new role stays. And two admins disabling or demoting each
 * other at the same moment: the network keeps one.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class AccountRacesContract {

    private static final String ISSUER = "https://races.example.org";
    private static final int ROUNDS = 8;
    private static final int SIGN_INS = 6;

    @Inject
    Accounts accounts;
    @Inject
    DirectorySignIn.Directory directory;

    private String bound(String subject) {
        String email = subject + "@races.example.org";
        accounts.addUnlessPresent(List.of(new Accounts.NewAccount(email, "Rita Race", Role.COACH, "en-agentur")));
        assertThat(directory.signIn(ISSUER, subject, email, true, "Rita Race", null).signedIn()).as("first sign-in binds").isPresent();
        return accounts.byEmail(email).orElseThrow().id();
    }

    /** The change and {@value #SIGN_INS} sign-ins of the account's person, all at the same moment. */
    private void whileSigningIn(String subject, Callable<?> change) throws Exception {
        List<Callable<?>> calls = new ArrayList<>(Collections.nCopies(SIGN_INS,
            (Callable<?>) () -> directory.signIn(ISSUER, subject, null, false, null, null)));
        calls.add(change);
        AtOnce.all(calls);
    }

    @Test
    void anAccountDisabledWhileItsPersonSignsInStaysDisabled() throws Exception {
        String subject = "race-" + UUID.randomUUID();
        String id = bound(subject);
        for (int round = 0; round < ROUNDS; round++) {
            accounts.setDisabled(id, false, null);
            whileSigningIn(subject, () -> accounts.setDisabled(id, true, null));
            assertThat(accounts.find(id).orElseThrow().disabled()).as("round " + round + ": still disabled").isTrue();
            assertThat(directory.signIn(ISSUER, subject, null, false, null, null).signedIn()).as("and signs nobody in")
                .isEmpty();
        }
    }

    /** The two accounts as the network's only active admins while {@code test} runs; the others are disabled until then. */
    private void asTheOnlyAdmins(String first, String second, Callable<?> test) throws Exception {
        List<String> others = accounts.ofRole(Role.NETWORK_ADMIN).stream()
            .filter(a -> !a.disabled() && !a.id().equals(first) && !a.id().equals(second)).map(Account::id).toList();
        others.forEach(id -> accounts.setDisabled(id, true, null));
        try {
            test.call();
        } finally {
            others.forEach(id -> accounts.setDisabled(id, false, null));
        }
    }

    private String admin(String name) {
        String email = name.toLowerCase(java.util.Locale.ROOT) + "-" + UUID.randomUUID() + "@races.example.org";
        accounts.addUnlessPresent(List.of(new Accounts.NewAccount(email, name, Role.NETWORK_ADMIN, null)));
        return accounts.byEmail(email).orElseThrow().id();
    }

    private long activeAdmins() {
        return accounts.ofRole(Role.NETWORK_ADMIN).stream().filter(a -> !a.disabled()).count();
    }

    @Test
    void theLastActiveAdminIsNeitherDisabledNorDemoted() throws Exception {
        String ada = admin("Ada");
        String bea = admin("Bea");
        asTheOnlyAdmins(ada, bea, () -> {
            accounts.setDisabled(bea, true, null); // one of two: fine
            assertThatThrownBy(() -> accounts.setDisabled(ada, true, null)).isInstanceOf(LastAdmin.class);
            assertThatThrownBy(() -> accounts.changeRole(ada, "AGENCY_STAFF", "en-agentur")).isInstanceOf(LastAdmin.class);
            Account kept = accounts.find(ada).orElseThrow();
            assertThat(kept.disabled()).isFalse();
            assertThat(kept.role()).isEqualTo(Role.NETWORK_ADMIN);
            assertThat(accounts.changeRole(ada, "NETWORK_ADMIN", null).role()).as("the same role again: no loss")
                .isEqualTo(Role.NETWORK_ADMIN);
            accounts.setDisabled(bea, false, null);
            assertThat(accounts.changeRole(ada, "COACH", "en-agentur").role()).as("with another admin: fine")
                .isEqualTo(Role.COACH);
            return null;
        });
    }

    @Test
    void twoAdminsDisablingOrDemotingEachOtherAtOnceLeaveOne() throws Exception {
        String ada = admin("Ada");
        String bea = admin("Bea");
        asTheOnlyAdmins(ada, bea, () -> {
            for (int round = 0; round < ROUNDS; round++) {
                boolean demote = round % 2 == 1;
                List<Object> outcomes = AtOnce.all(List.of(
                    refusedOrDone(() -> demote ? accounts.changeRole(bea, "COACH", "en-agentur") : accounts.setDisabled(bea, true, null)),
                    refusedOrDone(() -> demote ? accounts.changeRole(ada, "COACH", "en-agentur") : accounts.setDisabled(ada, true, null))));
                assertThat(outcomes).as("round " + round + ": one done, one refused").containsExactlyInAnyOrder("done", "refused");
                assertThat(accounts.ofRole(Role.NETWORK_ADMIN).stream().filter(a -> !a.disabled())
                    .filter(a -> a.id().equals(ada) || a.id().equals(bea)).count()).as("round " + round).isEqualTo(1);
                // both admins again for the next round
                for (String id : List.of(ada, bea)) {
                    accounts.changeRole(id, "NETWORK_ADMIN", null);
                    accounts.setDisabled(id, false, null);
                }
            }
            return null;
        });
        assertThat(activeAdmins()).isGreaterThanOrEqualTo(1);
    }

    private static Callable<Object> refusedOrDone(Callable<?> change) {
        return () -> {
            try {
                change.call();
                return "done";
            } catch (LastAdmin refused) {
                return "refused";
            }
        };
    }

    @Test
    void aRoleChangedWhileItsPersonSignsInStays() throws Exception {
        String subject = "race-" + UUID.randomUUID();
        String id = bound(subject);
        for (int round = 0; round < ROUNDS; round++) {
            boolean toStaff = round % 2 == 0;
            whileSigningIn(subject, () -> accounts.changeRole(id, toStaff ? "AGENCY_STAFF" : "COACH", "en-agentur"));
            assertThat(accounts.find(id).orElseThrow().role()).as("round " + round)
                .isEqualTo(toStaff ? Role.AGENCY_STAFF : Role.COACH);
        }
    }
}
