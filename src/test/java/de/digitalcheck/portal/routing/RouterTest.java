package de.digitalcheck.portal.routing;

import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;

/** The router on its own: the longest AGS prefix wins, no prefix is the fallback queue, a postal code may split. */
class RouterTest {

    static final PostalCodeDirectory DIRECTORY = new PostalCodeDirectory();

    static Agency agency(String id) {
        return new Agency(id, "Agentur " + id, id, id + "@example.org", null, null, null, 2);
    }

    static final List<Agency> AGENCIES = List.of(agency("nrw"), agency("en"), agency("witten"), agency("dortmund"));

    static Router router(Map<String, String> territories) {
        return new Router(() -> TerritoryMap.of(AGENCIES, territories), () -> DIRECTORY, Clock.systemUTC());
    }

    static Optional<String> routed(Router router, String ags) {
        return router.agencyFor(ags).map(Agency::id);
    }

    @Test
    void theLongestPrefixWins() {
        Router district = router(Map.of("05", "nrw", "05954", "en"));
        assertThat(routed(district, "05954036")).as("Witten: the district beats the state").contains("en");
        assertThat(routed(district, "05913000")).as("Dortmund: only the state").contains("nrw");

        Router municipality = router(Map.of("05", "nrw", "05954", "en", "05954036", "witten"));
        assertThat(routed(municipality, "05954036")).as("the municipality beats its district").contains("witten");
        assertThat(routed(municipality, "05954008")).as("Ennepetal stays with the district").contains("en");
    }

    @Test
    void aLocationNoTerritoryCoversGoesToTheFallbackQueue() {
        Router router = router(Map.of("05", "nrw"));
        assertThat(router.agencyFor("02000000")).as("Hamburg").isEmpty();
        assertThat(router.agencyFor("")).isEmpty();
        assertThat(router.agencyFor(null)).isEmpty();
        assertThat(router(Map.of()).agencyFor("05913000")).isEmpty();
    }

    @Test
    void aTerritoryOfAnUnknownAgencyRoutesNowhere() {
        assertThat(router(Map.of("05913000", "gone", "05", "nrw")).agencyFor("05913000")).map(Agency::id).contains("nrw");
    }

    @Test
    void aPostalCodeAcrossABorderIsRoutedPerMunicipality() {
        List<Router.Located> located = router(Map.of("05", "nrw")).locate("59969");
        assertThat(located).extracting(l -> l.municipality().ags()).containsExactlyInAnyOrder("05958020", "06635005");
        assertThat(located).filteredOn(l -> l.municipality().ags().equals("05958020")).singleElement()
            .satisfies(l -> assertThat(l.agency()).map(Agency::id).as("Hallenberg, NRW").contains("nrw"));
        assertThat(located).filteredOn(l -> l.municipality().ags().equals("06635005")).singleElement()
            .satisfies(l -> assertThat(l.agency()).as("Bromskirchen, Hesse: the fallback queue").isEmpty());
        assertThat(router(Map.of("05", "nrw")).locate("00000")).isEmpty();
        assertThat(router(Map.of("05", "nrw")).locate("kaputt")).isEmpty();
    }

    @Test
    void territoriesAreReadAgainAfterTheirTimeOrAtOnceAfterARefresh() {
        AtomicReference<Map<String, String>> table = new AtomicReference<>(Map.of("05", "nrw"));
        AtomicInteger reads = new AtomicInteger();
        MutableClock clock = new MutableClock(Instant.parse("2026-11-30T10:00:00Z"));
        Router router = new Router(() -> {
            reads.incrementAndGet();
            return TerritoryMap.of(AGENCIES, new HashMap<>(table.get()));
        }, () -> DIRECTORY, clock);

        assertThat(routed(router, "05913000")).contains("nrw");
        table.set(Map.of("05", "nrw", "05913000", "dortmund"));
        assertThat(routed(router, "05913000")).as("cached").contains("nrw");
        clock.advance(Router.TTL.plusSeconds(1));
        assertThat(routed(router, "05913000")).as("read again after the TTL").contains("dortmund");
        table.set(Map.of("05", "nrw"));
        router.refresh();
        assertThat(routed(router, "05913000")).as("read again after a refresh").contains("nrw");
        assertThat(reads).hasValue(3);
    }

    static final class MutableClock extends Clock {
        private Instant now;

        MutableClock(Instant now) {
            this.now = now;
        }

        void advance(Duration duration) {
            now = now.plus(duration);
        }

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public java.time.ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }
    }
}
