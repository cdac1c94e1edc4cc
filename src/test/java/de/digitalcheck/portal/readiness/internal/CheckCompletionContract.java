package de.digitalcheck.portal.readiness.internal;

import de.digitalcheck.portal.readiness.Assessment;
import de.digitalcheck.portal.readiness.AssessmentId;
import de.digitalcheck.portal.readiness.CompanyType;
import de.digitalcheck.portal.readiness.Questionnaire;
import de.digitalcheck.portal.readiness.Questionnaires;
import de.digitalcheck.portal.shared.i18n.Language;
import de.digitalcheck.portal.shared.security.Tokens;
import de.digitalcheck.portal.support.Answers;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The self-check's one write path: every write is one transaction, completing a check is announced inside it and
 * after its commit, and the cache learns a revision only once it is committed. Run on H2 and MySQL/MariaDB.
 */
abstract class CheckCompletionContract {

    @Inject
    SelfCheck selfCheck;
    @Inject
    Questionnaires questionnaires;
    @Inject
    AssessmentRows rows;
    @Inject
    CompletionListeners listeners;

    @BeforeEach
    void reset() {
        listeners.reset();
    }

    private SelfCheck.Started draft(String name) {
        return selfCheck.start(new CompanyInput(name, "44135", null, "C", "12", "TRADE"),
            new ContactInput(null, null, null), Language.DE, List.of());
    }

    /** Saves every dimension's answers at this level but the last; returns the last dimension's id. */
    private String answerAllButLast(SelfCheck.Started started, Map<String, String> answers) {
        Questionnaire q = questionnaires.current();
        List<String> dimensions = q.dimensionsFor(CompanyType.TRADE).stream().map(Questionnaire.Dimension::id).toList();
        AssessmentRow check = started.assessment();
        for (String d : dimensions.subList(0, dimensions.size() - 1)) {
            check = selfCheck.saveDimension(check, d, only(q, d, answers), true);
        }
        return dimensions.get(dimensions.size() - 1);
    }

    private static Map<String, String> only(Questionnaire q, String dimension, Map<String, String> answers) {
        return q.questionsOf(dimension, CompanyType.TRADE).stream().filter(x -> answers.containsKey(x.id()))
            .collect(Collectors.toMap(Questionnaire.Question::id, x -> answers.get(x.id())));
    }

    private AssessmentRow stored(SelfCheck.Started started) {
        return rows.findByTokenHash(Tokens.hash(started.token())).orElseThrow();
    }

    @Test
    void completingACheckIsAnnouncedOnceInsideItsTransactionAndOnceAfterItsCommit() {
        Map<String, String> answers = Answers.atLevel(questionnaires.current(), CompanyType.TRADE, 2);
        SelfCheck.Started started = draft("Ereignis GmbH");
        String last = answerAllButLast(started, answers);
        assertThat(listeners.inside).as("a draft announces nothing").isEmpty();

        AssessmentRow completed = selfCheck.saveDimension(stored(started), last,
            only(questionnaires.current(), last, answers), true);
        assertThat(completed.completed()).isTrue();
        AssessmentId id = new AssessmentId(completed.id());
        assertThat(listeners.inside).containsExactly(
            new CompletionListeners.Seen(id, true, Assessment.Status.COMPLETED));
        assertThat(listeners.afterCommit).extracting(CompletionListeners.Seen::id, CompletionListeners.Seen::status)
            .containsExactly(org.assertj.core.groups.Tuple.tuple(id, Assessment.Status.COMPLETED));

        // saving a completed check again changes its answers but announces nothing new
        selfCheck.saveDimension(completed, last, only(questionnaires.current(), last,
            Answers.atLevel(questionnaires.current(), CompanyType.TRADE, 3)), true);
        assertThat(listeners.inside).hasSize(1);
        assertThat(listeners.afterCommit).hasSize(1);
    }

    @Test
    void aWholeSubmissionIsAnnouncedInsideItsTransaction() {
        SelfCheck.Started started = selfCheck.submit(new CompanyInput("Ganz GmbH", "44135", null, "C", "12", "TRADE"),
            new ContactInput(null, null, null), Answers.atLevel(questionnaires.current(), CompanyType.TRADE, 1),
            Language.DE);
        AssessmentId id = new AssessmentId(started.assessment().id());
        assertThat(listeners.inside).containsExactly(new CompletionListeners.Seen(id, true, Assessment.Status.COMPLETED));
        assertThat(listeners.afterCommit).extracting(CompletionListeners.Seen::id).containsExactly(id);
    }

    @Test
    void whenAListenerInsideTheTransactionFailsTheCheckIsNotCompletedAndNotCached() {
        Map<String, String> answers = Answers.atLevel(questionnaires.current(), CompanyType.TRADE, 2);
        SelfCheck.Started started = draft("Rückroll GmbH");
        String last = answerAllButLast(started, answers);
        AssessmentRow before = stored(started);

        listeners.failInside = true;
        assertThatThrownBy(() -> selfCheck.saveDimension(before, last, only(questionnaires.current(), last, answers), true))
            .hasMessageContaining("the outbox is full");

        AssessmentRow after = stored(started);
        assertThat(after.status()).isEqualTo(Assessment.Status.DRAFT);
        assertThat(after.revision()).isEqualTo(before.revision());
        assertThat(after.answers()).isEqualTo(before.answers());
        assertThat(listeners.afterCommit).as("nothing committed, nothing announced after commit").isEmpty();
        assertThat(selfCheck.remembered(started.token(), before.revision() + 1))
            .as("the cache never learns a revision that was rolled back").isEmpty();
        assertThat(selfCheck.remembered(started.token(), before.revision())).isPresent();

        // the same save succeeds once the listener does
        listeners.failInside = false;
        assertThat(selfCheck.saveDimension(before, last, only(questionnaires.current(), last, answers), true).completed())
            .isTrue();
        assertThat(listeners.afterCommit).hasSize(1);
    }

    @Test
    void aFailedSubmissionLeavesNoCheckBehind() {
        listeners.failInside = true;
        String email = "nie-gespeichert@example.org";
        assertThatThrownBy(() -> selfCheck.submit(new CompanyInput("Nie GmbH", "44135", null, "C", "12", "TRADE"),
            new ContactInput("Nie", email, null), Answers.atLevel(questionnaires.current(), CompanyType.TRADE, 1),
            Language.DE)).hasMessageContaining("the outbox is full");
        assertThat(rows.findByContactEmailOrderByCreatedAtDesc(email)).isEmpty();
    }

    @Test
    void erasingThroughTheLinkIsAnnouncedInsideItsTransactionAndRolledBackWithIt() {
        SelfCheck.Started started = draft("Vergessen GmbH");
        listeners.failInside = true;
        assertThatThrownBy(() -> selfCheck.eraseByLink(started.token())).hasMessageContaining("the outbox is full");
        assertThat(stored(started).company().name()).as("rolled back with the listener").isEqualTo("Vergessen GmbH");

        listeners.failInside = false;
        listeners.erased.clear();
        selfCheck.eraseByLink(started.token());
        assertThat(listeners.erased).containsExactly(
            new CompletionListeners.Seen(new AssessmentId(started.assessment().id()), true, Assessment.Status.DRAFT));
        assertThat(rows.findById(started.assessment().id()).orElseThrow().company().name()).isEmpty();
        assertThat(selfCheck.byToken(started.token())).isEmpty();
        assertThatThrownBy(() -> selfCheck.eraseByLink(started.token()))
            .isInstanceOf(de.digitalcheck.portal.readiness.UnknownAssessment.class);
    }
}
