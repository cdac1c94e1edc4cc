package de.digitalcheck.portal.shared.web;

import de.digitalcheck.portal.support.OnMariaDb;
import io.micronaut.context.annotation.Property;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

/** The rate limits' ledger against MySQL/MariaDB: counting, refusing with the wait, forgetting. */
@OnMariaDb
@MicronautTest(environments = "mariadb", transactional = false)
@Property(name = "portal.rate-limits.public-posts.enabled", value = "true")
@Property(name = "portal.rate-limits.public-posts.requests", value = "2")
@Property(name = "portal.rate-limits.public-posts.window", value = "10m")
class RateLimitLedgerMariaDbIntegrationTest {

    @Inject
    RateLimitLedger ledger;
    @Inject
    RateLimitHits hits;

    @Test
    void admitsUpToTheLimitThenNamesTheWaitAndForgetsOldPosts() {
        String client = "mariadb-" + System.nanoTime();
        assertThat(ledger.admit(client)).isZero();
        assertThat(ledger.admit(client)).isZero();
        assertThat(ledger.admit(client)).isBetween(590L, 601L);
        assertThat(ledger.admit("other-" + client)).isZero();
        assertThat(hits.countByClientAndHitAtGreaterThan(client, Instant.EPOCH)).isEqualTo(2);
        // a client address longer than the column (e.g. a forwarded header's list) is cut, not refused
        assertThat(ledger.admit("x".repeat(300))).isZero();
        ledger.forgetOld();
        assertThat(hits.countByClientAndHitAtGreaterThan(client, Instant.EPOCH)).isEqualTo(2);
        hits.deleteByHitAtLessThan(Instant.now().plusSeconds(60));
        assertThat(hits.countByClientAndHitAtGreaterThan(client, Instant.EPOCH)).isZero();
    }
}
