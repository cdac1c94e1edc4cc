package de.digitalcheck.portal.admin.web;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** A "not applicable" option's text on a version's page, after its label ({@link QuestionnaireAdminPages#withoutLeading}). */
class NotApplicableLabelTest {

    @Test
    void theLabelsWordsAtTheBeginningAreLeftOutOnce() {
        assertThat(QuestionnaireAdminPages.withoutLeading("Trifft nicht zu: Wir fertigen nur nach Zeichnung.",
            "Trifft nicht zu")).isEqualTo("Wir fertigen nur nach Zeichnung.");
        assertThat(QuestionnaireAdminPages.withoutLeading("Not applicable: we manufacture to drawings.", "Not applicable"))
            .isEqualTo("we manufacture to drawings.");
        assertThat(QuestionnaireAdminPages.withoutLeading("trifft nicht zu – wir handeln nur.", "Trifft nicht zu"))
            .isEqualTo("wir handeln nur.");
        assertThat(QuestionnaireAdminPages.withoutLeading("Trifft nicht zu", "Trifft nicht zu")).isEmpty();
    }

    @Test
    void anyOtherTextStaysAsItIs() {
        assertThat(QuestionnaireAdminPages.withoutLeading("Wir fertigen nur nach Zeichnung.", "Trifft nicht zu"))
            .isEqualTo("Wir fertigen nur nach Zeichnung.");
        assertThat(QuestionnaireAdminPages.withoutLeading("Not applicableness aside: we trade.", "Not applicable"))
            .isEqualTo("Not applicableness aside: we trade.");
        assertThat(QuestionnaireAdminPages.withoutLeading("Das trifft nicht zu: wir handeln.", "Trifft nicht zu"))
            .isEqualTo("Das trifft nicht zu: wir handeln.");
    }
}
