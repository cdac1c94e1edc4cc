package de.digitalcheck.portal.funding;

import java.util.List;

/**
 * A funding programme as the network admin typed it into a form, whose own checks hold the texts to their shapes
 * (required, length, an http(s) address) and want at least one dimension; the region (AGS prefixes), dimensions,
 * level and dates are {@link FundingAdministration}'s to check.
 */
public record ProgrammeInput(String nameDe, String nameEn, String provider, String providerEn, String summaryDe, String summaryEn,
                             String url, String regionAgs, List<String> dimensions, String maxLevel, boolean smeOnly,
                             String validFrom, String validUntil) {
}
