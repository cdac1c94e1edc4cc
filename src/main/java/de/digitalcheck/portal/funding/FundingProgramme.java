package de.digitalcheck.portal.funding;

import de.digitalcheck.portal.shared.i18n.Text;
import io.micronaut.core.annotation.Nullable;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;

/**
 * A funding programme offered to companies whose level in one of its dimensions is at most
 * {@code maxLevel}, located in its region (AGS prefix, empty for all of Germany), while it is open.
 */
public record FundingProgramme(
    String id,
    String nameDe,
    String nameEn,
    String provider,
    String summaryDe,
    String summaryEn,
    String url,
    String regionAgs,
    String dimensions,
    int maxLevel,
    boolean smeOnly,
    LocalDate validFrom,
    @Nullable LocalDate validUntil) {

    public Text name() {
        return new Text(nameDe, nameEn);
    }

    public Text summary() {
        return new Text(summaryDe, summaryEn);
    }

    public List<String> dimensionIds() {
        return Arrays.stream(dimensions.split(",")).map(String::trim).filter(s -> !s.isEmpty()).toList();
    }

    public boolean openOn(LocalDate day) {
        return !day.isBefore(validFrom) && (validUntil == null || !day.isAfter(validUntil));
    }
}
