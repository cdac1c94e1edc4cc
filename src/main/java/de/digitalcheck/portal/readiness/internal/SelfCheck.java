package de.digitalcheck.portal.readiness.internal;

import de.digitalcheck.portal.readiness.Assessment;
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
import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.type.Argument;
import io.micronaut.json.JsonMapper;
import jakarta.inject.Singleton;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Predicate;

/**
 * The self-check's use cases: start a draft, save a profile or a dimension's answers (scoring as soon as every
 * applicable question is answered), submit a whole check at once, check again, erase, and find a check by its
 * private token. Every input is validated before anything is written; a
 * {@link de.digitalcheck.portal.shared.validation.ValidationException} means nothing changed.
 *
 * <p>The one way to change an assessment (see the package note): its {@link AssessmentStore} writes each change in one
 * transaction that publishes {@link de.digitalcheck.portal.readiness.AssessmentCompleted} or
 * {@link de.digitalcheck.portal.readiness.AssessmentErased} inside it and tells the check cache after the commit.
 */
@Singleton
public class SelfCheck {

    private static final Argument<Map<String, String>> ANSWERS = Argument.mapOf(String.class, String.class);

    private final Questionnaires questionnaires;
    private final ProfileRules rules;
    private final Router router;
    private final AssessmentStore store;
    private final JsonMapper json;
    private final Clock clock;

    SelfCheck(Questionnaires questionnaires, ProfileRules rules, Router router, AssessmentStore store, JsonMapper json,
              Clock clock) {
        this.questionnaires = questionnaires;
        this.rules = rules;
        this.router = router;
        this.store = store;
        this.json = json;
        this.clock = clock;
    }

    /** A check with the private token that reaches it; the token is known only here, at creation. */
    public record Started(AssessmentRow assessment, String token) {
    }

    /**
     * Starts a draft from the profile page's form, whose own checks (the shape of each value) found
     * {@code formErrors}; these and the profile's other problems are reported together.
     */
    public Started start(CompanyInput companyInput, ContactInput contact, Language language, List<FieldError> formErrors) {
        CompanyProfile company = checkedForm(companyInput, contact, formErrors);
        return insert(questionnaires.current(), company, ContactInput.clean(contact), null, language, null);
    }

    /** Creates a completed check from a whole submission (the API). */
    public Started submit(CompanyInput companyInput, ContactInput contact, Map<String, String> answers, Language language) {
        return submitChecked(companyInput, contact, answers, language, List.of());
    }

    /** As {@link #submit}, reporting {@code earlier} errors (e.g. of the request's form) together with its own. */
    public Started submitChecked(CompanyInput companyInput, ContactInput contact, Map<String, String> answers,
                                 Language language, List<FieldError> earlier) {
        Errors errors = new Errors().addAll(earlier);
        CompanyProfile company = rules.company(companyInput, "company.", errors);
        rules.contact(contact, "contact.", errors);
        // one version for checking and scoring, even if an admin chooses another one meanwhile
        Questionnaire questionnaire = questionnaires.current();
        AnswerRules.check(questionnaire, company == null ? null : company.type(), answers,
            q -> true, true, "answers.", errors);
        errors.throwIfAny();
        return insert(questionnaire, company, ContactInput.clean(contact), answers, language, null);
    }

    private CompanyProfile checkedForm(CompanyInput companyInput, ContactInput contact, List<FieldError> formErrors) {
        Errors errors = new Errors().addAll(formErrors);
        CompanyProfile company = rules.known(companyInput, "", errors);
        rules.complete(contact, "contact.", errors);
        errors.throwIfAny();
        return company;
    }

    /** A new check for the same company, linked to the previous one so that its result shows the progress. */
    public Started again(AssessmentRow previous) {
        return insert(questionnaires.current(), previous.company(), previous.contact(), null,
            Language.fromCode(previous.language()).orElse(Language.DE), previous.id());
    }

    /**
     * Inserts a check: a draft, or with {@code answers} a completed one. It keeps {@code questionnaire}'s version for
     * good, whichever version is current later.
     */
    private Started insert(Questionnaire questionnaire, CompanyProfile company, Contact contact,
                           @Nullable Map<String, String> answers, Language language, @Nullable String previousId) {
        String token = Tokens.newToken();
        Instant now = clock.instant();
        AssessmentRow draft = AssessmentRow.draft(UUID.randomUUID().toString(), Tokens.hash(token),
            questionnaire.version(), language, company, contact, agencyIdFor(company.ags()), previousId, now);
        AssessmentRow check = answers == null ? draft : draft.withAnswers(write(answers),
            Result.of(Scoring.score(questionnaire, company.type(), answers)), now);
        return new Started(store.insert(check), token);
    }

    /** Changes a check's profile from the profile page's form (see {@link #start}). */
    public AssessmentRow updateProfile(AssessmentRow assessment, CompanyInput companyInput, ContactInput contact,
                                       List<FieldError> formErrors) {
        CompanyProfile company = checkedForm(companyInput, contact, formErrors);
        String agency = agencyIdFor(company.ags());
        Contact clean = ContactInput.clean(contact);
        return store.update(assessment, current -> {
            AssessmentRow changed = current.withCompany(company, agency, clock.instant())
                .withContact(keepingPhone(clean, current.contact()));
            return rescore(changed, storedAnswers(changed));
        });
    }

    /**
     * Whether this profile change would leave questions of the completed check open (another company type brings
     * questions its answers do not cover): the check would be a draft again. False for a check that is no completed one.
     *
     * @throws de.digitalcheck.portal.shared.validation.ValidationException for the form's problems, nothing stored
     */
    public boolean reopens(AssessmentRow assessment, CompanyInput companyInput, ContactInput contact,
                           List<FieldError> formErrors) {
        CompanyProfile company = checkedForm(companyInput, contact, formErrors);
        if (!assessment.completed()) {
            return false;
        }
        return !complete(questionnaireOf(assessment), company.type(), storedAnswers(assessment));
    }

    /**
     * A profile change made as a new check, the check staying as it was (its result may be shared, and an agency's lead
     * of it showed no result any more while the check was a draft again): the changed profile, the check's contact and
     * every answer (in the check's questionnaire version), the questions the change brings open; linked to the check
     * as a check again is ({@link #again}).
     *
     * @throws de.digitalcheck.portal.shared.validation.ValidationException for the form's problems, nothing stored
     */
    public Started changedAsNew(AssessmentRow assessment, CompanyInput companyInput, ContactInput contact,
                                List<FieldError> formErrors) {
        CompanyProfile company = checkedForm(companyInput, contact, formErrors);
        Questionnaire questionnaire = questionnaireOf(assessment);
        String token = Tokens.newToken();
        AssessmentRow draft = AssessmentRow.draft(UUID.randomUUID().toString(), Tokens.hash(token),
            questionnaire.version(), Language.fromCode(assessment.language()).orElse(Language.DE), company,
            keepingPhone(ContactInput.clean(contact), assessment.contact()), agencyIdFor(company.ags()),
            assessment.id(), clock.instant());
        return new Started(store.insert(rescore(draft, storedAnswers(assessment))), token);
    }

    /**
     * Gives the check another contact (its form's errors reported together with the contact rules'), keeping
     * everything else.
     */
    public AssessmentRow updateContact(AssessmentRow assessment, ContactInput contact, List<FieldError> formErrors) {
        Errors errors = new Errors().addAll(formErrors);
        rules.complete(contact, "contact.", errors);
        errors.throwIfAny();
        Contact clean = ContactInput.clean(contact);
        return store.update(assessment, current -> current.withContact(keepingPhone(clean, current.contact())));
    }

    /**
     * The contact a page's form gives, with the phone number stored before where it gives none: the pages have no
     * phone field (only the API takes one), so saving the profile or consenting on the result page erased the number
     * an API client had sent. A contact removed altogether takes its number with it.
     */
    static Contact keepingPhone(Contact given, Contact stored) {
        if (given.phone() != null || given.isEmpty() || stored.phone() == null) {
            return given;
        }
        return new Contact(given.name(), given.email(), stored.phone());
    }

    /**
     * Saves the answers of one dimension, added to those stored (see {@link #store}). A wrong answer (a question of
     * another dimension, an option the question does not have) stores nothing. With {@code requireAll} (going
     * forward), every applicable question of the dimension must then have an answer, given now or before; what was
     * answered is kept all the same (as going back keeps it) and the missing ones are reported.
     */
    public AssessmentRow saveDimension(AssessmentRow assessment, String dimensionId, Map<String, String> given,
                                       boolean requireAll) {
        Questionnaire questionnaire = questionnaireOf(assessment);
        Predicate<Questionnaire.Question> here = q -> q.dimension().equals(dimensionId);
        Errors wrong = new Errors();
        AnswerRules.check(questionnaire, assessment.type(), given, here, false, "", wrong);
        wrong.throwIfAny();
        AssessmentRow saved = store(assessment, given);
        if (requireAll) {
            Map<String, String> ofDimension = new LinkedHashMap<>(answers(saved));
            ofDimension.keySet().removeIf(id -> questionnaire.question(id).filter(here).isEmpty());
            Errors missing = new Errors();
            AnswerRules.check(questionnaire, saved.type(), ofDimension, here, true, "", missing);
            missing.throwIfAny();
        }
        return saved;
    }

    /**
     * Adds the given answers to the stored ones, each replacing the same question's. An answer the form does not carry
     * stays: a question page's radio buttons cannot take an answer back, so a missing one means a form loaded before
     * it was given (a second tab, the back button), which used to erase the dimension's answers and turn a finished,
     * even shared check back into a draft.
     */
    private AssessmentRow store(AssessmentRow assessment, Map<String, String> given) {
        return store.update(assessment, current -> {
            Map<String, String> merged = new LinkedHashMap<>(storedAnswers(current));
            merged.putAll(given);
            return rescore(current, merged);
        });
    }

    /**
     * The check with these answers stored as given, and scored when every applicable question has an answer that its
     * company type may choose (answers it may not choose, e.g. "not applicable" from before the type changed, stay
     * stored but count as unanswered).
     */
    private AssessmentRow rescore(AssessmentRow assessment, Map<String, String> answers) {
        Questionnaire questionnaire = questionnaireOf(assessment);
        CompanyType type = assessment.type();
        Result result = complete(questionnaire, type, answers)
            ? Result.of(Scoring.score(questionnaire, type, questionnaire.usableAnswers(type, answers))) : null;
        return assessment.withAnswers(write(answers), result, clock.instant());
    }

    /** Whether every question that applies to {@code type} has an answer it may choose among {@code answers}. */
    private static boolean complete(Questionnaire questionnaire, CompanyType type, Map<String, String> answers) {
        Map<String, String> usable = questionnaire.usableAnswers(type, answers);
        return questionnaire.questions().stream().filter(q -> q.appliesTo(type)).allMatch(q -> usable.containsKey(q.id()));
    }

    /** Erases the personal data of every check with this contact email, inside the caller's transaction. */
    int eraseContact(String email) {
        return store.eraseContact(email);
    }

    /**
     * Deletes the drafts that nobody changed for {@code unchangedFor} (retention: a draft is never a result, and it may
     * hold contact data), in batches of {@code batch}, each its own transaction; how many.
     */
    public int deleteDraftsUnchangedFor(java.time.Duration unchangedFor, int batch) {
        java.time.Instant before = clock.instant().minus(unchangedFor);
        int total = 0;
        for (int deleted = batch; deleted == batch; total += deleted) {
            deleted = store.deleteDraftsUnchangedSince(before, batch);
        }
        return total;
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
        store.eraseByTokenHash(Tokens.hash(token));
    }

    /**
     * A new private link for the check with this id, if its contact email is {@code email} (the company proved it owns
     * the address with a magic link); the old link stops working.
     */
    public Optional<String> reissueLink(String id, String email) {
        Optional<AssessmentRow> check = store.byId(id).filter(a -> email.equalsIgnoreCase(a.contact().email()));
        if (check.isEmpty()) {
            return Optional.empty();
        }
        String token = Tokens.newToken();
        store.relink(check.get(), Tokens.hash(token));
        return Optional.of(token);
    }

    /** The check {@code read} as it is now in the database, if its link still reaches it (not erased, not relinked). */
    Optional<AssessmentRow> now(AssessmentRow read) {
        return store.now(read);
    }

    /** The check with this private token, read from the database. */
    public Optional<AssessmentRow> byToken(String token) {
        if (!Tokens.isWellFormed(token)) {
            return Optional.empty();
        }
        return store.byTokenHash(Tokens.hash(token));
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
        return store.remembered(Tokens.hash(token), revision);
    }

    public Optional<AssessmentRow> byId(String id, String token) {
        return byToken(token).filter(a -> a.id().equals(id));
    }

    /** A check by its id, as other modules see it (no token needed: they refer to it by id). */
    public Optional<Assessment> find(AssessmentId id) {
        return store.byId(id.value()).map(this::view);
    }

    /** Locks the check's row until the caller's transaction ends; whether there is such a check. */
    public boolean lock(AssessmentId id) {
        return store.lock(id.value());
    }

    /** The checks with this contact email, newest first. */
    public List<AssessmentRow> ofContact(String email) {
        return store.ofContact(email);
    }

    /** The completed check this one repeats, if any. */
    public Optional<AssessmentRow> previousOf(AssessmentRow assessment) {
        return Optional.ofNullable(assessment.previousId()).flatMap(store::byId).filter(AssessmentRow::completed);
    }

    /** The check as other modules see it. */
    public Assessment view(AssessmentRow row) {
        return row.view(answers(row));
    }

    /**
     * The check's answers that count: those its company type may choose under its questionnaire version (see
     * {@link Questionnaire#usableAnswers}); any other stored answer is as if unanswered.
     */
    public Map<String, String> answers(AssessmentRow assessment) {
        return questionnaireOf(assessment).usableAnswers(assessment.type(), storedAnswers(assessment));
    }

    /** The answers as stored, including any that the check's company type may not choose (now). */
    Map<String, String> storedAnswers(AssessmentRow assessment) {
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
