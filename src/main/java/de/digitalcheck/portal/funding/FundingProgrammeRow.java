package de.digitalcheck.portal.funding;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

import java.time.LocalDate;

/**
 * A row of {@code funding_programme}; other modules see it as {@link FundingProgramme}. {@code region_ags} holds the
 * region's AGS prefixes, comma-separated ("" for all of Germany).
 */
@MappedEntity("funding_programme")
record FundingProgrammeRow(
    @Id String id,
    String nameDe,
    String nameEn,
    String provider,
    @Nullable String providerEn,
    String summaryDe,
    String summaryEn,
    String url,
    String regionAgs,
    String dimensions,
    int maxLevel,
    boolean smeOnly,
    LocalDate validFrom,
    @Nullable LocalDate validUntil) {

    static FundingProgrammeRow of(FundingProgramme p) {
        return new FundingProgrammeRow(p.id(), p.nameDe(), p.nameEn(), p.provider(), p.providerEn(), p.summaryDe(), p.summaryEn(),
            p.url(), p.regionColumn(), p.dimensions(), p.maxLevel(), p.smeOnly(), p.validFrom(), p.validUntil());
    }

    FundingProgramme programme() {
        return new FundingProgramme(id, nameDe, nameEn, provider, providerEn, summaryDe, summaryEn, url,
            FundingProgramme.regionsOf(regionAgs), dimensions,
            maxLevel, smeOnly, validFrom, validUntil);
    }
}
