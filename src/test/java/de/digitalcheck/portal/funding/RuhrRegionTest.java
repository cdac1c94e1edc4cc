package de.digitalcheck.portal.funding;

import de.digitalcheck.portal.routing.PostalCodeDirectory;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * InnoScheck.Ruhr's region as the migration sets it: the 15 cities and districts of the Ruhr region, each a prefix the
 * postal-code table knows under that name, and Ratingen (Kreis Mettmann) outside it.
 */
class RuhrRegionTest {

    static final Map<String, String> RUHR = new LinkedHashMap<>();

    static {
        RUHR.put("05112", "Duisburg");
        RUHR.put("05113", "Essen");
        RUHR.put("05117", "Mülheim an der Ruhr");
        RUHR.put("05119", "Oberhausen");
        RUHR.put("05170", "Kreis Wesel");
        RUHR.put("05512", "Bottrop");
        RUHR.put("05513", "Gelsenkirchen");
        RUHR.put("05562", "Kreis Recklinghausen");
        RUHR.put("05911", "Bochum");
        RUHR.put("05913", "Dortmund");
        RUHR.put("05914", "Hagen");
        RUHR.put("05915", "Hamm");
        RUHR.put("05916", "Herne");
        RUHR.put("05954", "Ennepe-Ruhr-Kreis");
        RUHR.put("05978", "Kreis Unna");
    }

    static List<String> migratedRegion() throws IOException {
        try (InputStream in = RuhrRegionTest.class.getResourceAsStream("/db/migration/V11__innoscheck_ruhr_region.sql")) {
            String sql = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            Matcher m = Pattern.compile("SET region_ags = '([0-9,]+)'").matcher(sql);
            assertThat(m.find()).as("the migration sets the region").isTrue();
            return Arrays.asList(m.group(1).split(","));
        }
    }

    @Test
    void theMigrationGivesInnoScheckRuhrTheFifteenCitiesAndDistrictsOfTheRuhrRegion() throws IOException {
        List<String> region = migratedRegion();
        assertThat(region).containsExactlyInAnyOrderElementsOf(RUHR.keySet()).hasSize(15).doesNotHaveDuplicates();
        PostalCodeDirectory directory = new PostalCodeDirectory();
        RUHR.forEach((prefix, name) -> assertThat(directory.regionName(prefix)).as(prefix).contains(name));
        FundingProgramme ruhr = FundingRankingTest.programme("innoscheck-ruhr", region, "strategy", 2, true,
            java.time.LocalDate.of(2016, 4, 1), null);
        assertThat(directory.municipality("05158028")).get().satisfies(m -> {
            assertThat(m.name()).isEqualTo("Ratingen");
            assertThat(ruhr.covers(m.ags())).isFalse();
        });
        for (String inside : List.of("05914000", "05913000", "05954036", "05562004", "05170008")) {
            assertThat(directory.municipality(inside)).as(inside).isPresent();
            assertThat(ruhr.covers(inside)).as(inside).isTrue();
        }
    }
}
