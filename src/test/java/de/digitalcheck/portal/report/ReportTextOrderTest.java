package de.digitalcheck.portal.report;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Hebrew is drawn in visual order (iText orders Arabic itself; other text is left alone). */
class ReportTextOrderTest {

    @Test
    void hebrewRunsAreDrawnRightToLeftAndMixedTextKeepsItsLatinWords() {
        assertThat(ReportFonts.visual("שלום")).isEqualTo("םולש");
        // an RTL paragraph: the Latin word ends up on the left, read left to right
        assertThat(ReportFonts.visual("חברת בדיקה GmbH")).isEqualTo("GmbH הקידב תרבח");
        // an LTR paragraph with a Hebrew name inside: only the name is turned
        assertThat(ReportFonts.visual("Bericht für שלום בע\"מ, Seite 1")).isEqualTo("Bericht für מ\"עב םולש, Seite 1");
        assertThat(ReportFonts.visual("(שלום)")).isEqualTo("(םולש)");
    }

    @Test
    void textWithoutHebrewOrWithArabicStaysAsItIs() {
        for (String text : new String[] {"Müller & Söhne GmbH", "شركة الاختبار GmbH", "שלום شركة", "", "123 ()"}) {
            assertThat(ReportFonts.visual(text)).isEqualTo(text);
        }
        assertThat(ReportFonts.visual(null)).isNull();
    }
}
