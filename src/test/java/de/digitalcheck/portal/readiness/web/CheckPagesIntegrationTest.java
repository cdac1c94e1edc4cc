package de.digitalcheck.portal.readiness.web;

import de.digitalcheck.portal.readiness.internal.AssessmentRow;
import de.digitalcheck.portal.readiness.CheckPaths;
import de.digitalcheck.portal.readiness.CompanyType;
import de.digitalcheck.portal.readiness.Questionnaire;
import de.digitalcheck.portal.readiness.internal.SelfCheck;
import de.digitalcheck.portal.shared.i18n.Language;
import de.digitalcheck.portal.shared.web.PageTemplates;
import de.digitalcheck.portal.support.Answers;
import io.micronaut.http.HttpRequest;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The self-check pages against the embedded H2 database (MySQL mode). */
@MicronautTest(transactional = false)
class CheckPagesIntegrationTest extends CheckPagesContract {

    @Inject
    SelfCheck selfCheck;
    @Inject
    CheckViews views;
    @Inject
    PageTemplates pages;

    /**
     * The compiled start page (an empty company profile) is what the template engine writes. It is compiled once per
     * language and served to every anonymous visitor, so it is the empty form's state: no error, no question asked,
     * the fields the server refuses empty marked as required (company name, postal code, sector, employees and the
     * company type's radio group), and the contact's name not (needed only once an email address is typed, which app.js
     * marks as it is typed).
     */
    @Test
    void theCompiledStartPageEqualsTheTemplateEnginesPage() {
        for (Language lang : Language.values()) {
            String served = http.get(CheckPaths.START + "?lang=" + lang.code()).body();
            String expected = pages.render(HttpRequest.GET(CheckPaths.START + "?lang=" + lang.code()), CheckPaths.START,
                CheckController.PROFILE, views.profile(lang, ProfileForm.EMPTY, List.of(), CheckPaths.START, null),
                http.csrfToken());
            assertThat(served).as(lang.code()).isEqualTo(expected).contains("<form", "dc-progress")
                .doesNotContain("error-summary", "aria-invalid", "kern-error", "data-dc-ask");
            assertThat(controls(served, "aria-required=\"true\"", "id")).as(lang.code())
                .containsExactly("name", "postalCode", "sector", "employees", "companyType");
            assertThat(controls(served, "aria-required", "id")).as(lang.code()).doesNotContain("contact-name", "contact-email");
        }
    }

    /** The {@code attribute} of each input, select and fieldset in the page whose tag contains {@code marker}. */
    private static List<String> controls(String html, String marker, String attribute) {
        java.util.regex.Pattern value = java.util.regex.Pattern.compile("\\s" + attribute + "=\"([^\"]*)\"");
        return java.util.regex.Pattern.compile("<(?:input|select|fieldset)\\s[^>]*>").matcher(html).results()
            .map(java.util.regex.MatchResult::group).filter(tag -> tag.contains(marker))
            .map(tag -> value.matcher(tag).results().map(m -> m.group(1)).findFirst().orElse("?")).toList();
    }

    /** The compiled question pages are byte for byte what the template engine writes for the same check. */
    @Test
    void compiledQuestionPagesEqualTheTemplateEnginesPages() {
        for (CompanyType type : CompanyType.values()) {
            String first = start(profile("Vergleich & <Söhne> " + type, "44135", type.name()));
            String token = first.split("/")[2];
            // some answers on the first page, then "back" to keep them without answering everything
            List<Questionnaire.Question> firstQuestions = q.questionsOf(first.substring(first.lastIndexOf('/') + 1), type);
            Map<String, String> answers = Answers.atLevel(q, type, type.ordinal() % 5 + 1);
            http.postForm(first, stepForm(Map.of(firstQuestions.get(0).id(), answers.get(firstQuestions.get(0).id())),
                firstQuestions, "back"));
            AssessmentRow a = selfCheck.byToken(token).orElseThrow();
            for (Questionnaire.Dimension d : q.dimensionsFor(type)) {
                for (Language lang : Language.values()) {
                    String path = CheckPaths.step(token, d.id());
                    String served = http.get(path + "?lang=" + lang.code()).body();
                    String expected = pages.render(HttpRequest.GET(path + "?lang=" + lang.code()), path,
                        CheckController.STEP, views.step(lang, a, token, d.id(), selfCheck.answers(a), List.of()),
                        http.csrfToken());
                    assertThat(served).as(type + " " + d.id() + " " + lang).isEqualTo(expected)
                        .contains(lang == Language.DE ? ">Frage 1 von " : ">Question 1 of ")
                        .doesNotContain("error-summary", "aria-invalid", "kern-error");
                }
            }
            assertThat(http.get(first).body()).contains("value=\"" + answers.get(firstQuestions.get(0).id())
                + "\" checked=\"checked\"");
        }
    }
}
