package de.digitalcheck.portal.readiness;

import de.digitalcheck.portal.routing.Agency;
import de.digitalcheck.portal.routing.Router;
import de.digitalcheck.portal.shared.i18n.Language;
import de.digitalcheck.portal.shared.security.Tokens;
import de.digitalcheck.portal.shared.validation.Errors;
import de.digitalcheck.portal.shared.validation.FieldError;
import io.micronaut.context.event.ApplicationEventPublisher;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.type.Argument;
import io.micronaut.data.exceptions.OptimisticLockException;
import io.micronaut.json.JsonMapper;
import io.micronaut.transaction.TransactionOperations;
import io.micronaut.transaction.TransactionStatus;
import io.micronaut.transaction.support.TransactionSynchronization;
import jakarta.inject.Singleton;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.UnaryOperator;

/**
 * The self-check's use cases: start a draft, save a profile or a dimension's answers (scoring as soon as
 * every applicable question is answered), submit a whole check at once, and find a check by its private token.
 * Every input is validated before anything is written; a {@link de.digitalcheck.portal.shared.validation.ValidationException}
 * means nothing changed.
 *
 * <p>The one place that writes checks. Every write is one transaction: a check that becomes complete publishes
 * {@link AssessmentCompleted} inside it, and the check cache learns the new revision only after the commit. A write
 * that loses an optimistic-lock race is applied again, in a new transaction, to the check as it is now.
 */
@Singleton
public class SelfCheck {

    private static final int MAX_ATTEMPTS = 10;
    private static final Argument<Map<String, String>> ANSWERS = Argument.mapOf(String.class, String.class);

    private final Questionnaires questionnaires;
    private final ProfileRules rules;
    private final Router router;
    private final Assessments assessments;
    private final JsonMapper json;
    private final Clock clock;
    private final CheckCache cache;
    private final TransactionOperations<Connection> transactions;
    private final ApplicationEventPublisher<AssessmentCompleted> completions;

    SelfCheck(Questionnaires questionnaires, ProfileRules rules, Router router, Assessments assessments,
              JsonMapper json, Clock clock, CheckCache cache, TransactionOperations<Connection> transactions,
              ApplicationEventPublisher<AssessmentCompleted> completions) {
        this.cache = cache;
        this.transactions = transactions;
        this.completions = completions;
        this.questionnaires = questionnaires;
        this.rules = rules;
        this.router = router;
        this.assessments = assessments;
        this.json = json;
        this.clock = clock;
    }

    /** The check's link stopped working (its personal data was erased) while it was being changed: nothing was saved. */
    public static final class Gone extends RuntimeException {
        Gone() {
            super("the check's link stopped working while it was being changed", null, false, false);
        }
    }

    /** A check with the private token that reaches it; the token is known only here, at creation. */
    public record Started(Assessment assessment, String token) {
    }

    public Started start(CompanyInput companyInput, ContactInput contact, Language language) {
        Errors errors = new Errors();
        Company company = rules.company(companyInput, "", errors);
        rules.contact(contact, "contact.", errors);
        errors.throwIfAny();
        return insert(company, contact, Map.of(), null, language);
    }

    /** Creates a completed check from a whole submission (the API). */
    public Started submit(CompanyInput companyInput, ContactInput contact, Map<String, String> answers, Language language) {
        return submitChecked(companyInput, contact, answers, language, List.of());
    }

    /** As {@link #submit}, reporting {@code earlier} errors (e.g. of the request's form) together with its own. */
    public Started submitChecked(CompanyInput companyInput, ContactInput contact, Map<String, String> answers,
                                 Language language, List<FieldError> earlier) {
        Errors errors = new Errors();
        earlier.forEach(e -> errors.add(e.field(), e.key(), e.args().toArray()));
        Company company = rules.company(companyInput, "company.", errors);
        rules.contact(contact, "contact.", errors);
        AnswerRules.check(questionnaires.current(), company == null ? null : company.type(), answers,
            q -> true, true, "answers.", errors);
        errors.throwIfAny();
        Scoring.Score score = Scoring.score(questionnaires.current(), company.type(), answers);
        return insert(company, contact, answers, score, language);
    }

    private Started insert(Company company, ContactInput contact, Map<String, String> answers, Scoring.Score score,
                           Language language) {
        String token = Tokens.newToken();
        Instant now = clock.instant();
        ContactInput clean = ContactInput.clean(contact);
        Assessment draft = new Assessment(UUID.randomUUID().toString(), Tokens.hash(token),
            questionnaires.current().version(), Assessment.Status.DRAFT, language.code(), company.name(),
            company.postalCode(), company.municipality().ags(), company.municipality().name(), company.sector(),
            company.employees(), company.sizeClass().name(), company.type().name(),
            clean.name(), clean.email(), clean.phone(),
            "{}", null, null, null, null, null, null, null, null,
            agencyIdFor(company), null, now, now, null, 0);
        Assessment assessment = score == null ? draft : draft.withAnswers(write(answers), score, now);
        return new Started(insert(assessment), token);
    }

    /** A new check for the same company, linked to the previous one so that its result shows the progress. */
    public Started again(Assessment previous) {
        String token = Tokens.newToken();
        Instant now = clock.instant();
        Assessment next = new Assessment(UUID.randomUUID().toString(), Tokens.hash(token),
            questionnaires.current().version(), Assessment.Status.DRAFT, previous.language(), previous.companyName(),
            previous.postalCode(), previous.ags(), previous.municipality(), previous.sector(), previous.employees(),
            previous.sizeClass(), previous.companyType(), previous.contactName(), previous.contactEmail(),
            previous.contactPhone(), "{}", null, null, null, null, null, null, null, null,
            router.agencyFor(previous.ags()).map(Agency::id).orElse(null), previous.id(), now, now, null, 0);
        return new Started(insert(next), token);
    }

    /** The completed check this one repeats, if any. */
    public Optional<Assessment> previousOf(Assessment assessment) {
        return Optional.ofNullable(assessment.previousId()).flatMap(assessments::findById).filter(Assessment::completed);
    }

    private Assessment insert(Assessment check) {
        return transactions.executeWrite(status -> written(status, null, assessments.save(check)));
    }

    /** The check with this private token, read from the database. */
    public Optional<Assessment> byToken(String token) {
        if (!Tokens.isWellFormed(token)) {
            return Optional.empty();
        }
        return read(Tokens.hash(token));
    }

    /**
     * The check with this private token as of {@code revision} (the revision its asker last saw: the browser's
     * revision cookie), if this replica knows exactly that revision; never reads the database. Empty says nothing
     * about whether the check exists: ask {@link #byToken(String)}. See {@link CheckCache}.
     */
    public Optional<Assessment> remembered(String token, int revision) {
        if (!Tokens.isWellFormed(token)) {
            return Optional.empty();
        }
        return Optional.ofNullable(cache.at(Tokens.hash(token), revision));
    }

    private Optional<Assessment> read(String tokenHash) {
        Optional<Assessment> found = assessments.findByTokenHash(tokenHash);
        found.ifPresent(cache::remember);
        return found;
    }

    public Optional<Assessment> byId(String id, String token) {
        return byToken(token).filter(a -> a.id().equals(id));
    }

    public Assessment updateProfile(Assessment assessment, CompanyInput companyInput, ContactInput contact) {
        Errors errors = new Errors();
        Company company = rules.company(companyInput, "", errors);
        rules.contact(contact, "contact.", errors);
        errors.throwIfAny();
        String agency = agencyIdFor(company);
        ContactInput clean = ContactInput.clean(contact);
        return update(assessment, current -> {
            Assessment changed = current.withCompany(company, agency, clock.instant()).withContact(clean);
            return rescore(changed, answers(changed));
        });
    }

    /**
     * Saves the answers of one dimension. With {@code requireAll}, every applicable question of the
     * dimension must be answered (going forward); without, partial answers are kept (going back).
     */
    public Assessment saveDimension(Assessment assessment, String dimensionId, Map<String, String> given, boolean requireAll) {
        Questionnaire questionnaire = questionnaireOf(assessment);
        Errors errors = new Errors();
        AnswerRules.check(questionnaire, assessment.type(), given, q -> q.dimension().equals(dimensionId),
            requireAll, "", errors);
        errors.throwIfAny();
        return update(assessment, current -> {
            Map<String, String> merged = new LinkedHashMap<>(answers(current));
            questionnaire.questionsOf(dimensionId, null).forEach(q -> merged.remove(q.id()));
            merged.putAll(given);
            return rescore(current, merged);
        });
    }

    /**
     * Writes {@code change} applied to the check as read. When another request changed the check in between
     * (its revision moved on), the change is applied again to the check as it is now, so that neither change is
     * lost — e.g. two tabs saving different dimensions at the same moment.
     */
    private Assessment update(Assessment read, UnaryOperator<Assessment> change) {
        Assessment current = read;
        for (int attempt = 1; ; attempt++) {
            Assessment before = current;
            try {
                return transactions.executeWrite(status ->
                    written(status, before, assessments.update(change.apply(before))));
            } catch (OptimisticLockException e) {
                Optional<Assessment> now = assessments.findById(read.id())
                    .filter(a -> a.tokenHash().equals(read.tokenHash()));
                if (now.isEmpty()) {
                    throw new Gone();
                }
                if (attempt == MAX_ATTEMPTS) {
                    throw e;
                }
                current = now.get();
            }
        }
    }

    /**
     * What follows a write inside its transaction: {@link AssessmentCompleted} where the check became complete (its
     * listeners run in this transaction), and the cache told of the new revision once the transaction has committed.
     */
    private Assessment written(TransactionStatus<?> status, @Nullable Assessment before, Assessment after) {
        if (after.completed() && (before == null || !before.completed())) {
            completions.publishEvent(new AssessmentCompleted(new AssessmentId(after.id())));
        }
        status.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                cache.remember(after);
            }
        });
        return after;
    }

    private Assessment rescore(Assessment assessment, Map<String, String> answers) {
        Questionnaire questionnaire = questionnaireOf(assessment);
        CompanyType type = assessment.type();
        boolean complete = questionnaire.questions().stream().filter(q -> q.appliesTo(type))
            .allMatch(q -> q.option(answers.getOrDefault(q.id(), "")).isPresent());
        Scoring.Score score = complete ? Scoring.score(questionnaire, type, answers) : null;
        return assessment.withAnswers(write(answers), score, clock.instant());
    }

    public Map<String, String> answers(Assessment assessment) {
        try {
            return json.readValue(assessment.answers(), ANSWERS);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public Questionnaire questionnaireOf(Assessment assessment) {
        return questionnaires.version(assessment.questionnaireVersion()).orElse(questionnaires.current());
    }

    public Optional<Agency> agencyOf(Assessment assessment) {
        return router.agency(assessment.agencyId());
    }

    private String agencyIdFor(Company company) {
        return router.agencyFor(company.municipality().ags()).map(Agency::id).orElse(null);
    }

    private String write(Map<String, String> answers) {
        try {
            return json.writeValueAsString(answers);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
