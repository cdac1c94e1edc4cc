package de.digitalcheck.portal.shared.web;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The Accept header's weights as RFC 9110 §12.5.1 reads them. */
class MediaRangesTest {

    private static final List<String> JSON_OR_PDF = List.of("application/json", "application/pdf");

    private static String choose(String header, List<String> offered) {
        return MediaRanges.parse(header).orElseThrow().choose(offered);
    }

    @Test
    void aWeightOfZeroExcludesAType() {
        assertThat(choose("application/pdf;q=0", List.of("application/pdf"))).isNull();
        assertThat(choose("application/pdf; Q=0.000", List.of("application/pdf"))).isNull();
        assertThat(choose("application/json;q=0, application/problem+json", List.of("application/json"))).isNull();
        assertThat(choose("*/*;q=0", List.of("application/json"))).isNull();
        assertThat(choose("application/*;q=0", List.of("application/pdf"))).isNull();
    }

    @Test
    void theMostSpecificRangeGivesTheWeight() {
        assertThat(choose("*/*, application/pdf;q=0", List.of("application/pdf"))).isNull();
        assertThat(choose("*/*;q=0, application/pdf", List.of("application/pdf"))).isEqualTo("application/pdf");
        assertThat(choose("application/*;q=0, application/json;q=0.1", JSON_OR_PDF)).isEqualTo("application/json");
        assertThat(choose("application/json;q=0, application/json;charset=utf-8", List.of("application/json")))
            .isEqualTo("application/json");
        assertThat(choose("text/*", List.of("application/json"))).isNull();
    }

    @Test
    void theHigherWeightWinsWhereSeveralTypesAreOffered() {
        assertThat(choose("application/json;q=0.5, application/pdf;q=0.9", JSON_OR_PDF)).isEqualTo("application/pdf");
        assertThat(choose("application/json;q=0.901, application/pdf;q=0.9", JSON_OR_PDF)).isEqualTo("application/json");
        assertThat(choose("application/pdf;q=0.001, application/json;q=0", JSON_OR_PDF)).isEqualTo("application/pdf");
        // equal weights: the route's order
        assertThat(choose("*/*", JSON_OR_PDF)).isEqualTo("application/json");
        assertThat(choose("application/pdf;q=1.000, application/json", JSON_OR_PDF)).isEqualTo("application/json");
    }

    @Test
    void aHeaderOutsideTheGrammarIsMalformed() {
        for (String header : List.of("garbage", "application/pdf;q=oops", "application/pdf;q=0,5", "*/*;q=1.5",
            "*/*;q=-1", "*/*;q=0.1234", "*/*;q=.5", "*/*;q=", "*/json", "application/", "text/html;level",
            "application/json;x=\"open")) {
            assertThat(MediaRanges.parse(header)).as(header).isEmpty();
        }
        // what the grammar allows: empty elements, quoted parameters with separators, extensions after the weight
        assertThat(MediaRanges.parse(" , application/json;x=\"a,b;c\";q=0.5;ext=1 ,")).isPresent();
        assertThat(MediaRanges.parse("APPLICATION/PDF;Q=1").orElseThrow().weight("application/pdf")).isEqualTo(1000);
    }
}
