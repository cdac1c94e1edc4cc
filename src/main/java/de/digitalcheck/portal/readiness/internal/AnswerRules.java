package de.digitalcheck.portal.readiness.internal;

import de.digitalcheck.portal.readiness.CompanyType;
import de.digitalcheck.portal.readiness.Questionnaire;
import de.digitalcheck.portal.readiness.Questionnaire.Option;
import de.digitalcheck.portal.readiness.Questionnaire.Question;
import de.digitalcheck.portal.shared.validation.Errors;

import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * The rules of answers: known questions and options, skip rules, "not applicable" only for the company types the
 * question allows it for, and every applicable question answered.
 */
public final class AnswerRules {

    private AnswerRules() {
    }

    /**
     * Checks the given answers. Answers to questions outside {@code scope} are refused; every applicable
     * question inside {@code scope} must be answered when {@code complete} is set.
     */
    public static void check(Questionnaire questionnaire, CompanyType type, Map<String, String> answers,
                             Predicate<Question> scope, boolean complete, String prefix, Errors errors) {
        answers.forEach((questionId, optionId) -> {
            String field = prefix + questionId;
            Optional<Question> question = questionnaire.question(questionId).filter(scope);
            if (question.isEmpty()) {
                errors.add(field, "error.answer.unknownQuestion");
                return;
            }
            Optional<Option> option = question.get().option(optionId == null ? "" : optionId);
            if (option.isEmpty()) {
                errors.add(field, "error.answer.unknownOption");
            } else if (type != null && !question.get().appliesTo(type) && !option.get().notApplicable()) {
                errors.add(field, "error.answer.skipped");
            } else if (!question.get().allows(type, option.get())) {
                errors.add(field, "error.answer.notApplicableForType");
            }
        });
        if (complete && type != null) {
            questionnaire.questions().stream()
                .filter(scope)
                .filter(q -> q.appliesTo(type))
                .filter(q -> !answers.containsKey(q.id()))
                .forEach(q -> errors.add(prefix + q.id(), "error.answer.missing"));
        }
    }
}
