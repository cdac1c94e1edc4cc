package de.digitalcheck.portal.support;

import de.digitalcheck.portal.readiness.CompanyType;
import de.digitalcheck.portal.readiness.Questionnaire;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.function.ToIntFunction;

/** Builds answer sets for tests: every applicable question answered at a chosen level. */
public final class Answers {

    private Answers() {
    }

    public static Map<String, String> atLevel(Questionnaire q, CompanyType type, int level) {
        return choose(q, type, question -> level);
    }

    public static Map<String, String> choose(Questionnaire q, CompanyType type, ToIntFunction<Questionnaire.Question> level) {
        Map<String, String> answers = new LinkedHashMap<>();
        q.questions().stream().filter(x -> x.appliesTo(type)).forEach(x -> {
            int wanted = level.applyAsInt(x);
            answers.put(x.id(), x.options().stream().filter(o -> Objects.equals(o.level(), wanted))
                .findFirst().orElseThrow().id());
        });
        return answers;
    }
}
