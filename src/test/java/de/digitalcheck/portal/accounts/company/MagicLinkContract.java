package de.digitalcheck.portal.accounts.company;

import de.digitalcheck.portal.shared.security.Tokens;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Magic links against the database: a link opens once even when it is redeemed several times at the same moment,
 * and expired links are deleted. Run against H2 and MySQL/MariaDB by the subclasses.
 */
abstract class MagicLinkContract {

    @Inject
    CompanyAccess access;
    @Inject
    CompanyLinks links;

    String storedLink(String email, Instant createdAt, Duration valid) {
        String token = Tokens.newToken();
        links.save(new CompanyLink(Tokens.hash(token), email, createdAt, createdAt.plus(valid), null));
        return token;
    }

    @Test
    void aLinkRedeemedManyTimesAtOnceOpensExactlyOnce() throws Exception {
        for (int round = 0; round < 5; round++) {
            String token = storedLink("race" + round + "@example.org", Instant.now(), Duration.ofMinutes(15));
            int parallel = 8;
            CyclicBarrier start = new CyclicBarrier(parallel);
            ExecutorService pool = Executors.newFixedThreadPool(parallel);
            try {
                List<Future<Optional<String>>> redemptions = new ArrayList<>();
                for (int i = 0; i < parallel; i++) {
                    redemptions.add(pool.submit(() -> {
                        start.await();
                        return access.redeem(token);
                    }));
                }
                List<String> opened = new ArrayList<>();
                for (Future<Optional<String>> r : redemptions) {
                    r.get().ifPresent(opened::add);
                }
                assertThat(opened).as("round " + round).containsExactly("race" + round + "@example.org");
            } finally {
                pool.shutdownNow();
            }
            assertThat(access.redeem(token)).as("a used link opens nothing").isEmpty();
        }
    }

    @Test
    void anExpiredLinkOpensNothingAndIsDeletedLater() {
        Instant now = Instant.now();
        String expiredLongAgo = storedLink("gone@example.org", now.minus(Duration.ofDays(3)), Duration.ofMinutes(15));
        String expiredJustNow = storedLink("recent@example.org", now.minus(Duration.ofMinutes(20)), Duration.ofMinutes(15));
        String usable = storedLink("fresh@example.org", now, Duration.ofMinutes(15));

        assertThat(access.redeem(expiredLongAgo)).isEmpty();
        assertThat(access.redeem(expiredJustNow)).isEmpty();
        assertThat(access.deleteExpiredLinks()).isGreaterThanOrEqualTo(1);

        assertThat(links.findById(Tokens.hash(expiredLongAgo))).as("expired for more than a day: deleted").isEmpty();
        assertThat(links.findById(Tokens.hash(expiredJustNow))).as("expired minutes ago: kept for now").isPresent();
        assertThat(links.findById(Tokens.hash(usable))).isPresent();
        assertThat(access.redeem(usable)).contains("fresh@example.org");
    }
}
