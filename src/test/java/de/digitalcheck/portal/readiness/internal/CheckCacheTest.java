package de.digitalcheck.portal.readiness.internal;

import de.digitalcheck.portal.readiness.Assessment;
import de.digitalcheck.portal.readiness.CompanyProfile;
import de.digitalcheck.portal.readiness.CompanyType;
import de.digitalcheck.portal.readiness.Contact;
import de.digitalcheck.portal.readiness.SizeClass;
import org.junit.jupiter.api.Test;

import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

class CheckCacheTest {

    private static AssessmentRow check(String tokenHash, int revision) {
        Instant t = Instant.parse("2026-11-26T10:00:00Z");
        CompanyProfile company = new CompanyProfile("Firma", "44135", "05913000", "Dortmund", "C", 42, SizeClass.SMALL,
            CompanyType.OWN_PRODUCTS);
        return new AssessmentRow("id-" + tokenHash, tokenHash, "1", Assessment.Status.DRAFT, "de", company, Contact.NONE,
            "{\"r\":\"" + revision + "\"}", null, null, null, t, t, null, revision);
    }

    @Test
    void aCheckIsHandedOutOnlyForTheRevisionAsked() {
        CheckCache cache = new CheckCache(60, 100);
        cache.remember(check("h", 3));
        assertThat(cache.at("h", 3)).isNotNull().extracting(AssessmentRow::revision).isEqualTo(3);
        assertThat(cache.at("h", 2)).isNull();
        assertThat(cache.at("h", 4)).isNull();
        assertThat(cache.at("other", 3)).isNull();
    }

    @Test
    void anOlderRevisionNeverReplacesANewerOne() {
        CheckCache cache = new CheckCache(60, 100);
        cache.remember(check("h", 5));
        cache.remember(check("h", 4));
        assertThat(cache.at("h", 5)).isNotNull();
        assertThat(cache.at("h", 4)).isNull();
        cache.remember(check("h", 6));
        assertThat(cache.at("h", 6)).isNotNull();
    }

    @Test
    void aForgottenCheckIsNotBroughtBackByALateRead() {
        CheckCache cache = new CheckCache(60, 100);
        cache.remember(check("h", 1));
        cache.forget("h");
        cache.remember(check("h", 1));
        cache.remember(check("h", 2));
        assertThat(cache.at("h", 1)).isNull();
        assertThat(cache.at("h", 2)).isNull();
        cache.remember(check("other", 1));
        assertThat(cache.at("other", 1)).isNotNull();
    }

    @Test
    void forgetRemovesAndZeroSecondsTurnsTheCacheOff() {
        CheckCache cache = new CheckCache(60, 100);
        cache.remember(check("h", 1));
        cache.forget("h");
        assertThat(cache.at("h", 1)).isNull();
        CheckCache off = new CheckCache(0, 100);
        off.remember(check("h", 1));
        assertThat(off.at("h", 1)).isNull();
    }

    @Test
    void itHoldsNoMoreThanItsBound() {
        CheckCache cache = new CheckCache(60, 50);
        for (int i = 0; i < 1_000; i++) {
            cache.remember(check("h" + i, 0));
        }
        long held = java.util.stream.IntStream.range(0, 1_000).filter(i -> cache.at("h" + i, 0) != null).count();
        assertThat(held).isBetween(1L, 50L);
    }
}
