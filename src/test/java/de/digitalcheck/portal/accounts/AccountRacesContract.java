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

/**
 * An admin's change of an account and that person's sign-ins at the same moment, on H2 and MySQL/MariaDB
 * (subclasses): they take turns on the account's row, so a sign-in never carries the account's state from before the
 * change back into it — a disabled person stays disabled, a new role stays.
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
        assertThat(directory.signIn(ISSUER, subject, email, true, "Rita Race", null)).as("first sign-in binds").isPresent();
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
            assertThat(directory.signIn(ISSUER, subject, null, false, null, null)).as("and signs nobody in").isEmpty();
        }
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
