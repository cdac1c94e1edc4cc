package de.digitalcheck.portal.readiness;

import de.digitalcheck.portal.support.CompletedChecks;
import de.digitalcheck.portal.support.Http;
import io.micronaut.json.JsonMapper;
import io.micronaut.runtime.server.EmbeddedServer;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * The peer comparison (issue 11, item 3): each company counts once, with its latest check, so a burst of identical
 * submissions or repeated checks of one company moves another company's comparison by at most one check's weight;
 * the company compared is never its own peer; the figures come from sums cached per replica (the subclasses run with
 * a cache of 300 s, as in production) and subtracted arithmetically.
 */
abstract class PeerBenchmarkContract {

    @Inject
    EmbeddedServer server;
    @Inject
    JsonMapper json;
    @Inject
    Questionnaires questionnaires;
    @Inject
    Assessments assessments;
    @Inject
    PeerBenchmark peers;
    @Inject
    javax.sql.DataSource dataSource;
    VersionRows assessmentRows = new VersionRows();

    /** Sets a stored check's questionnaire version directly in the database. */
    class VersionRows {
        void setVersion(String id, String version) {
            new de.digitalcheck.portal.support.Database(dataSource)
                .execute("UPDATE assessment SET questionnaire_version = ? WHERE id = ?", version, id);
        }
    }

    Http http() {
        return new Http(server, json);
    }

    Assessment submit(String name, String sector, int employees, int level, String email) {
        CompletedChecks check = CompletedChecks.of(questionnaires.current()).named(name).sized(sector, employees)
            .level(level);
        if (email != null) {
            check.contact("Peer", email);
        }
        return assessments.byToken(check.submit(http()).token()).orElseThrow();
    }

    PeerBenchmark.Benchmark compare(Assessment a) {
        return peers.compare(a).orElseThrow();
    }

    @Test
    void aBurstOfIdenticalSubmissionsCountsAsOneCompany() {
        peers.forget();
        for (int i = 0; i < 5; i++) {
            submit("Peer " + i + " GmbH", "Q", 300, 1, i % 2 == 0 ? "peer" + i + "@q.example.org" : null);
        }
        Assessment observer = submit("Beobachter AG", "Q", 300, 3, "beobachter@q.example.org");
        peers.forget();
        PeerBenchmark.Benchmark before = compare(observer);
        assertThat(before.group()).isEqualTo(PeerBenchmark.Group.SECTOR_AND_SIZE);
        assertThat(before.companies()).as("the five peers, not the observer itself").isEqualTo(5);
        Assessment peer = assessments.byToken(CompletedChecks.of(questionnaires.current()).named("Peer 9 GmbH")
            .sized("Q", 300).level(1).submit(http()).token()).orElseThrow();
        peers.forget();
        assertThat(compare(peer).companies()).as("each sees the others: five peers and the observer").isEqualTo(6);

        // 50 identical submissions of one company (no contact) and 20 of another contact under changing names
        Assessment burst = null;
        for (int i = 0; i < 50; i++) {
            burst = submit("Burst GmbH", "Q", 300, 5, null);
        }
        for (int i = 0; i < 20; i++) {
            submit("Kontakt " + i, "Q", 300, 5, "Same@Q.example.org");
        }
        PeerBenchmark.Benchmark cached = compare(observer);
        assertThat(cached.companies()).as("the cached sums, until they expire").isEqualTo(6);
        peers.forget();
        PeerBenchmark.Benchmark after = compare(observer);
        assertThat(after.companies()).as("the 50 count once, the 20 of one address once").isEqualTo(6 + 2);
        double burstScore = burst.result().score();
        assertThat(after.score()).isCloseTo((before.score() * 6 + 2 * burstScore) / 8, within(1e-9));

        // the burst's own company does not compare with its copies
        assertThat(compare(burst).companies()).isEqualTo(8);
    }

    @Test
    void aCompanysLatestCheckCountsAndItsOwnIsSubtracted() {
        for (int i = 0; i < 5; i++) {
            submit("Kreis " + i, "R", 60, 2, "kreis" + i + "@r.example.org");
        }
        Assessment mine = submit("Meine GmbH", "R", 60, 1, "ich@r.example.org");
        peers.forget();
        PeerBenchmark.Benchmark first = compare(mine);
        assertThat(first.companies()).isEqualTo(5);
        // another observer sees my check
        Assessment other = submit("Kreis 9", "R", 60, 2, "kreis9@r.example.org");
        peers.forget();
        assertThat(compare(other).companies()).isEqualTo(6);
        double withMyFirst = compare(other).score();

        // I check again with better answers: only my latest counts for others, and I never count for myself
        // "latest" is by completion time, which MariaDB here keeps to the second: complete the newer one later
        sleep();
        Assessment again = submit("Meine GmbH", "R", 60, 4, "ICH@r.example.org");
        assertThat(again.completedAt()).isAfter(mine.completedAt());
        peers.forget();
        assertThat(compare(other).companies()).isEqualTo(6);
        assertThat(compare(other).score()).isGreaterThan(withMyFirst);
        assertThat(compare(again).companies()).isEqualTo(6);
        assertThat(compare(mine).companies()).as("my older check does not compare with my newer one").isEqualTo(6);
        assertThat(compare(mine).score()).isCloseTo(compare(again).score(), within(1e-9));
    }

    /**
     * Checks of questionnaire versions with the same scoring version are one population (version 2 is version 1 with
     * one rule on "not applicable"; their scores mean the same): a version 2 check compares with version 1 checks, and
     * the other way round.
     */
    @Test
    void checksOfVersionsWithTheSameScoringAreComparedWithEachOther() {
        assertThat(questionnaires.current().version()).isEqualTo("2");
        assertThat(questionnaires.sameScoring("2")).containsExactly("1", "2");
        assertThat(questionnaires.sameScoring("no-such-version")).containsExactly("no-such-version");
        for (int i = 0; i < 5; i++) {
            Assessment old = submit("Alt " + i + " GmbH", "P", 700, 2, "alt" + i + "@p.example.org");
            // as if completed with version 1 (its stored score is what the benchmark reads)
            assessmentRows.setVersion(old.id().value(), "1");
        }
        Assessment current = submit("Neu GmbH", "P", 700, 3, "neu@p.example.org");
        peers.forget();
        PeerBenchmark.Benchmark benchmark = compare(current);
        assertThat(benchmark.group()).isEqualTo(PeerBenchmark.Group.SECTOR_AND_SIZE);
        assertThat(benchmark.companies()).as("the five version 1 checks").isEqualTo(5);
    }

    private static void sleep() {
        try {
            Thread.sleep(1100);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
