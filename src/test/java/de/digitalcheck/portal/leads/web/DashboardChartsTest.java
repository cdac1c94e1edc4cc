package de.digitalcheck.portal.leads.web;

import de.digitalcheck.portal.shared.i18n.Language;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The dashboard's numbers in the page's language: the English dashboard once wrote "2,5" and "1,5 hours". */
class DashboardChartsTest {

    @Test
    void decimalsAreWrittenAsThePagesLanguageWritesThem() {
        assertThat(DashboardCharts.format(1.5, 1, Language.EN)).isEqualTo("1.5");
        assertThat(DashboardCharts.format(1.5, 1, Language.DE)).isEqualTo("1,5");
        assertThat(DashboardCharts.format(12, 0, Language.EN)).isEqualTo("12");
    }

    @Test
    void aChartsBarsAndTableCarryTheValuesInThePagesLanguage() {
        List<DashboardCharts.Input> rows = List.of(new DashboardCharts.Input("Strategy", java.util.Arrays.asList(2.25, null)));
        DashboardCharts.Chart english = DashboardCharts.chart("levels", "t", "d", List.of("a", "b"), rows, 5, 1, Language.EN);
        assertThat(english.rows().get(0).values()).containsExactly("2.3", "–");
        assertThat(english.rows().get(0).bars().get(0).value()).isEqualTo("2.3");
        DashboardCharts.Chart german = DashboardCharts.chart("levels", "t", "d", List.of("a", "b"), rows, 5, 1, Language.DE);
        assertThat(german.rows().get(0).values()).containsExactly("2,3", "–");
        // the drawing's coordinates are numbers for the SVG, with a point in both languages
        assertThat(german.rows().get(0).bars().get(0).width()).isEqualTo("135.0");
    }
}
