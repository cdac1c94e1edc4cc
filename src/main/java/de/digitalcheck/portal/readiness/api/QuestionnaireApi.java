package de.digitalcheck.portal.readiness.api;

import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import com.fasterxml.jackson.annotation.JsonInclude;
import de.digitalcheck.portal.readiness.Questionnaire;
import de.digitalcheck.portal.readiness.Questionnaires;
import de.digitalcheck.portal.shared.i18n.Language;
import de.digitalcheck.portal.shared.web.ApiProblems;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.serde.annotation.Serdeable;

import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code GET /api/v1/questionnaire?lang=de|en}: the current questionnaire (the one new checks start with, which a
 * network admin may change) in one language. The documents of every version are built once.
 */
@Secured(SecurityRule.IS_ANONYMOUS)
@Controller("/api/v1/questionnaire")
@ExecuteOn(TaskExecutors.BLOCKING)
class QuestionnaireApi {

    private final Questionnaires questionnaires;
    private final Map<String, Map<Language, Document>> documents = new HashMap<>();

    QuestionnaireApi(Questionnaires questionnaires) {
        this.questionnaires = questionnaires;
        for (Questionnaire q : questionnaires.all()) {
            Map<Language, Document> byLanguage = new EnumMap<>(Language.class);
            for (Language language : Language.values()) {
                byLanguage.put(language, document(q, language));
            }
            documents.put(q.version(), byLanguage);
        }
    }

    @Get
    HttpResponse<?> questionnaire(HttpRequest<?> request) {
        // a lang other than de or en never reaches here: ApiLanguageFilter answers it with 422 for every operation
        Language language = ApiProblems.chosenLanguage(request).orElse(Language.DE);
        return HttpResponse.ok(documents.get(questionnaires.current().version()).get(language));
    }

    private static Document document(Questionnaire q, Language l) {
        return new Document(q.version(), q.scoringVersion(), l.code(),
            q.dimensions().stream().map(d -> new DimensionDoc(d.id(), d.title().in(l), d.weight(),
                d.fields().stream().map(f -> new FieldDoc(f.id(), f.title().in(l))).toList())).toList(),
            q.questions().stream().map(x -> new QuestionDoc(x.id(), x.dimension(), x.field(), x.text().in(l),
                x.hint() == null ? null : x.hint().in(l),
                x.appliesTo().stream().map(Enum::name).sorted().toList(),
                x.notApplicableFor().stream().map(Enum::name).sorted().toList(),
                x.options().stream().map(o -> new OptionDoc(o.id(), o.text().in(l), o.level())).toList())).toList());
    }

    @Serdeable
    record Document(String version, String scoringVersion, String language, List<DimensionDoc> dimensions,
                    List<QuestionDoc> questions) {
    }

    @Serdeable
    record DimensionDoc(String id, String title, int weight, List<FieldDoc> fields) {
    }

    @Serdeable
    record FieldDoc(String id, String title) {
    }

    @Serdeable
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record QuestionDoc(String id, String dimension, String field, String text, String hint, List<String> appliesTo,
                       List<String> notApplicableFor, List<OptionDoc> options) {
    }

    @Serdeable
    @JsonInclude(JsonInclude.Include.ALWAYS)
    record OptionDoc(String id, String text, Integer level) {
    }
}
