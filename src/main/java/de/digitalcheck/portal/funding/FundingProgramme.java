package de.digitalcheck.portal.funding;

import de.digitalcheck.portal.shared.i18n.Language;
import de.digitalcheck.portal.shared.i18n.Text;
import io.micronaut.core.annotation.Nullable;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * A funding programme offered to companies whose level in one of its dimensions is at most {@code maxLevel}, located
 * in its region, while it is open. The region is a set of AGS prefixes (a state "05", a district "05914", a
 * municipality "05158028", …); no prefix at all means all of Germany. {@code provider} is the provider in German,
 * {@code providerEn} in English ({@code null}: English pages show the German text).
 */
public record FundingProgramme(
    String id,
    String nameDe,
    String nameEn,
    String provider,
    @Nullable String providerEn,
    String summaryDe,
    String summaryEn,
    String url,
    List<String> regions,
    String dimensions,
    int maxLevel,
    boolean smeOnly,
    LocalDate validFrom,
    @Nullable LocalDate validUntil) {

    public FundingProgramme {
        regions = List.copyOf(regions);
    }

    public Text name() {
        return new Text(nameDe, nameEn);
    }

    /** The name in this language: in English the English name where there is one, else the German. */
    public String nameIn(Language language) {
        return nameLanguage(language) == Language.EN ? nameEn : nameDe;
    }

    /** The language {@link #nameIn} is written in for a page in {@code language} (as {@link #providerLanguage}). */
    public Language nameLanguage(Language language) {
        return language == Language.EN && nameEn != null && !nameEn.isBlank() ? Language.EN : Language.DE;
    }

    /** The provider in this language: in English the English text where there is one, else the German. */
    public String providerIn(Language language) {
        return providerLanguage(language) == Language.EN ? providerEn : provider;
    }

    /**
     * The language {@link #providerIn} is written in for a page in {@code language}: German where an English page has
     * no English text (the page marks it as German).
     */
    public Language providerLanguage(Language language) {
        return language == Language.EN && providerEn != null && !providerEn.isBlank() ? Language.EN : Language.DE;
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

    /** Whether the programme is offered all over Germany (its region names no prefix). */
    public boolean nationwide() {
        return regions.isEmpty();
    }

    /** Whether a municipality (its 8-digit AGS) lies in the programme's region. */
    public boolean covers(String ags) {
        return nationwide() || regionOf(ags).isPresent();
    }

    /** The longest of the region's prefixes that the AGS starts with; empty where none does (or for all of Germany). */
    public Optional<String> regionOf(String ags) {
        return regions.stream().filter(ags::startsWith).max(java.util.Comparator.comparingInt(String::length));
    }

    /** The region as its column keeps it: the prefixes, comma-separated ("" for all of Germany). */
    String regionColumn() {
        return String.join(",", regions);
    }

    /** The region from its column. */
    static List<String> regionsOf(String column) {
        return column == null ? List.of()
            : Arrays.stream(column.split(",")).map(String::trim).filter(s -> !s.isEmpty()).toList();
    }
}
