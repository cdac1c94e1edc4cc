package de.digitalcheck.portal.readiness.internal;

import de.digitalcheck.portal.readiness.Assessment;
import de.digitalcheck.portal.readiness.AssessmentCompleted;
import de.digitalcheck.portal.readiness.AssessmentErased;
import de.digitalcheck.portal.readiness.AssessmentId;
import de.digitalcheck.portal.readiness.CompanyProfile;
import de.digitalcheck.portal.readiness.CompanyType;
import de.digitalcheck.portal.readiness.Contact;
import de.digitalcheck.portal.readiness.Questionnaire;
import de.digitalcheck.portal.readiness.Questionnaires;
import de.digitalcheck.portal.readiness.Result;
import de.digitalcheck.portal.readiness.Scoring;
import de.digitalcheck.portal.readiness.UnknownAssessment;
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
 * The self-check's use cases: start a draft, save a profile or a dimension's answers (scoring as soon as every
 * applicable question is answered), submit a whole check at once, check again, erase, and find a check by its
 * private token. Every input is validated before anything is written; a
 * {@link de.digitalcheck.portal.shared.validation.ValidationException} means nothing changed.
 *
 * <p>The one class that reads and writes the {@code assessment} table (see {@code package-info}). Every write is one
 * transaction: a check that becomes complete publishes {@link AssessmentCompleted} inside it, an erased one
 * {@link AssessmentErased}, and the check cache learns a new revision only after the commit. A write that loses an
 * optimistic-lock race is applied again, in a new transaction, to the check as it is now.
 */
@Singleton
public class SelfCheck {

    private static final int MAX_ATTEMPTS = 10;
    private static final Argument<Map<String, String>> ANSWERS = Argument.mapOf(String.class, String.class);

    private final Questionnaires questionnaires;
    private final ProfileRules rules;
    private final Router router;
    private final AssessmentRows rows;
    private final JsonMapper json;
    private final Clock clock;
    private final CheckCache cache;
    private final TransactionOperations<Connection> transactions;
    private final ApplicationEventPublisher<Object> events;

    SelfCheck(Questionnaires questionnaires, ProfileRules rules, Router router, AssessmentRows rows, JsonMapper json,
              Clock clock, CheckCache cache, TransactionOperations<Connection> transactions,
              ApplicationEventPublisher<Object> events) {
        this.questionnaires = questionnaires;
        this.rules = rules;
        this.router = router;
        this.rows = rows;
        this.json = json;
        this.clock = clock;
        this.cache = cache;
        this.transactions = transactions;
        this.events = events;
    }

    /** A check with the private token that reaches it; the token is known only here, at creation. */
    public record Started(AssessmentRow assessment, String token) {
    }

    public Started start(CompanyInput companyInput, ContactInput contact, Language language) {
        Errors errors = new Errors();
        CompanyProfile company = rules.company(companyInput, "", errors);
        rules.contact(contact, "contact.", errors);
        errors.throwIfAny();
        return insert(company, ContactInput.clean(contact), null, language, null);
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
        CompanyProfile company = rules.company(companyInput, "company.", errors);
        rules.contact(contact, "contact.", errors);
        AnswerRules.check(questionnaires.current(), company == null ? null : company.type(), answers,
            q -> true, true, "answers.", errors);
        errors.throwIfAny();
        return insert(company, ContactInput.clean(contact), answers, language, null);
    }

    /** A new check for the same company, linked to the previous one so that its result shows the progress. */
    public Started again(AssessmentRow previous) {
        return insert(previous.company(), previous.contact(), null,
            Language.fromCode(previous.language()).orElse(Language.DE), previous.id());
    }

    /** Inserts a check: a draft, or with {@code answers} a completed one. */
    private Started insert(CompanyProfile company, Contact contact, @Nullable Map<String, String> answers,
                           Language language, @Nullable String previousId) {
        String token = Tokens.newToken();
        Instant now = clock.instant();
        Questionnaire questionnaire = questionnaires.current();
        AssessmentRow draft = AssessmentRow.draft(UUID.randomUUID().toString(), Tokens.hash(token),
            questionnaire.version(), language, company, contact, agencyIdFor(company.ags()), previousId, now);
        AssessmentRow check = answers == null ? draft : draft.withAnswers(write(answers),
            Result.of(Scoring.score(questionnaire, company.type(), answers)), now);
        return new Started(transactions.executeWrite(status -> written(status, null, rows.save(check))), token);
    }

    public AssessmentRow updateProfile(AssessmentRow assessment, CompanyInput companyInput, ContactInput contact) {
        Errors errors = new Errors();
        CompanyProfile company = rules.company(companyInput, "", errors);
        rules.contact(contact, "contact.", errors);
        errors.throwIfAny();
        String agency = agencyIdFor(company.ags());
        Contact clean = ContactInput.clean(contact);
        return update(assessment, current -> {
            AssessmentRow changed = current.withCompany(company, agency, clock.instant()).withContact(clean);
            return rescore(changed, answers(changed));
        });
    }

    /**
     * Saves the answers of one dimension. With {@code requireAll}, every applicable question of the
     * dimension must be answered (going forward); without, partial answers are kept (going back).
     */
    public AssessmentRow saveDimension(AssessmentRow assessment, String dimensionId, Map<String, String> given,
                                       boolean requireAll) {
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
     *
     * @throws UnknownAssessment when the check's personal data was erased meanwhile (nothing is saved)
     */
    private AssessmentRow update(AssessmentRow read, UnaryOperator<AssessmentRow> change) {
        AssessmentRow current = read;
        for (int attempt = 1; ; attempt++) {
            AssessmentRow before = current;
            try {
                return transactions.executeWrite(status ->
                    written(status, before, rows.update(change.apply(before))));
            } catch (OptimisticLockException e) {
                Optional<AssessmentRow> now = rows.findById(read.id())
                    .filter(a -> a.tokenHash().equals(read.tokenHash()));
                if (now.isEmpty()) {
                    throw new UnknownAssessment();
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
    private AssessmentRow written(TransactionStatus<?> status, @Nullable AssessmentRow before, AssessmentRow after) {
        if (after.completed() && (before == null || !before.completed())) {
            events.publishEvent(new AssessmentCompleted(new AssessmentId(after.id())));
        }
        status.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                cache.remember(after);
            }
        });
        return after;
    }

    private AssessmentRow rescore(AssessmentRow assessment, Map<String, String> answers) {
        Questionnaire questionnaire = questionnaireOf(assessment);
        CompanyType type = assessment.type();
        boolean complete = questionnaire.questions().stream().filter(q -> q.appliesTo(type))
            .allMatch(q -> q.option(answers.getOrDefault(q.id(), "")).isPresent());
        Result result = complete ? Result.of(Scoring.score(questionnaire, type, answers)) : null;
        return assessment.withAnswers(write(answers), result, clock.instant());
    }

    /**
     * Erases the personal data of every check with this contact email, inside the caller's transaction (see
     * {@link AssessmentPersonalData}); returns how many checks were affected. The checks are locked while they are
     * erased: a save at the same moment waits, then finds the link no longer working and saves nothing.
     */
    int eraseContact(String email) {
        List<AssessmentRow> checks = rows.lockByContactEmail(email);
        checks.forEach(this::erase);
        return checks.size();
    }

    /**
     * Erases the personal data of the check with this private link, in one transaction; the link stops working.
     *
     * @throws UnknownAssessment if no check has this link
     */
    public void eraseByLink(String token) {
        if (!Tokens.isWellFormed(token)) {
            throw new UnknownAssessment();
        }
        transactions.executeWrite(status -> {
            erase(rows.lockByTokenHash(Tokens.hash(token)).orElseThrow(UnknownAssessment::new));
            return null;
        });
    }

    private void erase(AssessmentRow check) {
        cache.forget(check.tokenHash());
        rows.update(check.anonymised(Tokens.hash(Tokens.newToken()), clock.instant()));
        events.publishEvent(new AssessmentErased(new AssessmentId(check.id())));
    }

    /** The check with this private token, read from the database. */
    public Optional<AssessmentRow> byToken(String token) {
        if (!Tokens.isWellFormed(token)) {
            return Optional.empty();
        }
        Optional<AssessmentRow> found = rows.findByTokenHash(Tokens.hash(token));
        found.ifPresent(cache::remember);
        return found;
    }

    /**
     * The check with this private token as of {@code revision} (the revision its asker last saw: the browser's
     * revision cookie), if this replica knows exactly that revision; never reads the database. Empty says nothing
     * about whether the check exists: ask {@link #byToken(String)}. See {@link CheckCache}.
     */
    public Optional<AssessmentRow> remembered(String token, int revision) {
        if (!Tokens.isWellFormed(token)) {
            return Optional.empty();
        }
        return Optional.ofNullable(cache.at(Tokens.hash(token), revision));
    }

    public Optional<AssessmentRow> byId(String id, String token) {
        return byToken(token).filter(a -> a.id().equals(id));
    }

    /** A check by its id, as other modules see it (no token needed: they refer to it by id). */
    public Optional<Assessment> find(AssessmentId id) {
        return rows.findById(id.value()).map(this::view);
    }

    /** The checks with this contact email, newest first. */
    public List<AssessmentRow> ofContact(String email) {
        return rows.findByContactEmailOrderByCreatedAtDesc(email);
    }

    /** The completed check this one repeats, if any. */
    public Optional<AssessmentRow> previousOf(AssessmentRow assessment) {
        return Optional.ofNullable(assessment.previousId()).flatMap(rows::findById).filter(AssessmentRow::completed);
    }

    /** The check as other modules see it. */
    public Assessment view(AssessmentRow row) {
        return row.view(answers(row));
    }

    public Map<String, String> answers(AssessmentRow assessment) {
        try {
            return json.readValue(assessment.answers(), ANSWERS);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public Questionnaire questionnaireOf(AssessmentRow assessment) {
        return questionnaires.version(assessment.questionnaireVersion()).orElse(questionnaires.current());
    }

    public Optional<Agency> agencyOf(AssessmentRow assessment) {
        return router.agency(assessment.agencyId());
    }

    private String agencyIdFor(String ags) {
        return router.agencyFor(ags).map(Agency::id).orElse(null);
    }

    private String write(Map<String, String> answers) {
        try {
            return json.writeValueAsString(answers);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
