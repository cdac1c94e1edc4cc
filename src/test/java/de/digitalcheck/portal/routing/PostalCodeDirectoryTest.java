package de.digitalcheck.portal.routing;

import org.junit.jupiter.api.Test;

import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

/** Facts read from the postal-code table (see plz/SOURCE facts in the project docs). */
class PostalCodeDirectoryTest {

    static final PostalCodeDirectory DIRECTORY = new PostalCodeDirectory();

    @Test
    void wittenAndHattingenBelongToTheEnnepeRuhrKreis() {
        assertThat(DIRECTORY.municipalities("58452")).extracting(Municipality::ags).containsExactly("05954036");
        assertThat(DIRECTORY.municipalities("58456")).extracting(Municipality::name).containsExactly("Witten");
        assertThat(DIRECTORY.municipalities("45525")).extracting(Municipality::ags).containsExactly("05954016");
    }

    @Test
    void dortmundHasTwentySevenPostalCodes() {
        long codes = IntStream.rangeClosed(44000, 44999).mapToObj(String::valueOf)
            .filter(code -> DIRECTORY.municipalities(code).stream().anyMatch(m -> m.ags().equals("05913000")))
            .count();
        assertThat(codes).isEqualTo(27);
    }

    @Test
    void aPostalCodeMaySpanSeveralMunicipalitiesAndStates() {
        assertThat(DIRECTORY.municipalities("40472")).extracting(Municipality::name).containsExactlyInAnyOrder("Düsseldorf", "Ratingen");
        assertThat(DIRECTORY.municipalities("59969")).extracting(Municipality::state)
            .containsExactlyInAnyOrder("Nordrhein-Westfalen", "Hessen");
    }

    @Test
    void placeNamesRepeatSoMunicipalitiesAreKeyedByAgs() {
        assertThat(DIRECTORY.municipality("05914000")).get().extracting(Municipality::name).isEqualTo("Hagen");
        assertThat(DIRECTORY.municipality("05914000").get().label()).contains("Nordrhein-Westfalen");
    }

    @Test
    void unknownAndMalformedCodesHaveNoMunicipality() {
        assertThat(DIRECTORY.municipalities("00000")).isEmpty();
        assertThat(DIRECTORY.municipalities(null)).isEmpty();
        assertThat(PostalCodeDirectory.isWellFormed("4413")).isFalse();
        assertThat(PostalCodeDirectory.isWellFormed("44135")).isTrue();
        assertThat(PostalCodeDirectory.isWellFormed("4413a")).isFalse();
    }

    @Test
    void territoriesAreValidatedAgainstTheTable() {
        assertThat(DIRECTORY.coversPrefix("05954")).isTrue();
        assertThat(DIRECTORY.coversPrefix("05999")).isFalse();
    }

    @Test
    void aPrefixIsNamedByItsMunicipalityDistrictOrState() {
        assertThat(DIRECTORY.regionName("05")).contains("Nordrhein-Westfalen");
        assertThat(DIRECTORY.regionName("05914")).contains("Hagen");
        assertThat(DIRECTORY.regionName("05158")).contains("Kreis Mettmann");
        assertThat(DIRECTORY.regionName("05158028")).contains("Ratingen");
        assertThat(DIRECTORY.regionName("051")).as("a government region has no name in the table").isEmpty();
        assertThat(DIRECTORY.regionName("05999")).isEmpty();
        assertThat(DIRECTORY.regionName("")).isEmpty();
    }

    @Test
    void placesAreFoundByNameIgnoringCaseAndUmlauts() {
        assertThat(DIRECTORY.search("ennepe")).extracting(Place::prefix).contains("05954", "05954008");
        Place district = DIRECTORY.search("Ennepe-Ruhr-Kreis").get(0);
        assertThat(district).isEqualTo(new Place("05954", "Ennepe-Ruhr-Kreis", "Nordrhein-Westfalen", Place.Kind.DISTRICT));
        assertThat(DIRECTORY.search("WITTEN")).first().isEqualTo(new Place("05954036", "Witten", "Ennepe-Ruhr-Kreis",
            Place.Kind.MUNICIPALITY));
        assertThat(DIRECTORY.search("dusseldorf")).extracting(Place::prefix).contains("05111000");
        assertThat(DIRECTORY.search("Nordrhein-Westfalen")).first()
            .isEqualTo(new Place("05", "Nordrhein-Westfalen", null, Place.Kind.STATE));
        // exact names first: "Unna" the town before "Kreis Unna" before names merely containing it
        assertThat(DIRECTORY.search("Unna")).extracting(Place::prefix).startsWith("05978036", "05978");
    }

    @Test
    void aTerritoryIsDescribedByItsPlacesName() {
        assertThat(DIRECTORY.describe("05954")).isEqualTo("05954 Ennepe-Ruhr-Kreis");
        assertThat(DIRECTORY.describe("05914000")).isEqualTo("05914000 Hagen");
        assertThat(DIRECTORY.describe("05")).isEqualTo("05 Nordrhein-Westfalen");
        // a government district (3 digits) has no name in the table: the prefix alone
        assertThat(DIRECTORY.describe("059")).isEqualTo("059");
        assertThat(DIRECTORY.place("99999")).isEmpty();
    }

    @Test
    void aSearchFindsNothingForTooLittleOrNothingKnownAndIsBounded() {
        assertThat(DIRECTORY.search("a")).isEmpty();
        assertThat(DIRECTORY.search("  ")).isEmpty();
        assertThat(DIRECTORY.search(null)).isEmpty();
        assertThat(DIRECTORY.search("Xyzzyhausen")).isEmpty();
        assertThat(DIRECTORY.search("en")).hasSize(PostalCodeDirectory.MAX_RESULTS);
    }
}
