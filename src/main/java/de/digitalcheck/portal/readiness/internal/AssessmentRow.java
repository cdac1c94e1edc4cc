package de.digitalcheck.portal.readiness.internal;

import de.digitalcheck.portal.readiness.Assessment;
import de.digitalcheck.portal.readiness.Assessment.Status;
import de.digitalcheck.portal.readiness.AssessmentId;
import de.digitalcheck.portal.readiness.CompanyProfile;
import de.digitalcheck.portal.readiness.CompanyType;
import de.digitalcheck.portal.readiness.Contact;
import de.digitalcheck.portal.readiness.Result;
import de.digitalcheck.portal.shared.i18n.Language;
import de.digitalcheck.portal.shared.time.PortalTime;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import io.micronaut.data.annotation.Relation;
import io.micronaut.data.annotation.Version;

import java.time.Instant;
import java.util.Map;

/**
 * A row of the {@code assessment} table: a self-check with its private token's SHA-256 hash, its answers as JSON
 * (option id by question id) and, once complete, its result. {@code revision} grows with every change (optimistic
 * locking: an update of an older revision fails), so one revision's content never changes. Other modules see a
 * self-check as {@link Assessment}, without hash and JSON.
 */
@MappedEntity("assessment")
public record AssessmentRow(
    @Id String id,
    String tokenHash,
    String questionnaireVersion,
    Status status,
    String language,
    @Relation(Relation.Kind.EMBEDDED) CompanyProfile company,
    @Relation(Relation.Kind.EMBEDDED) Contact contact,
    String answers,
    @Relation(Relation.Kind.EMBEDDED) Result result,
    @Nullable String agencyId,
    @Nullable String previousId,
    Instant createdAt,
    Instant updatedAt,
    @Nullable Instant completedAt,
    @Version int revision) {

    static final String NO_ANSWERS = "{}";

    public AssessmentRow {
        contact = contact == null ? Contact.NONE : contact;
        // never null: Micronaut Data would try (and fail, loudly) to instantiate a missing embedded record on every write
        result = result == null ? Result.NONE : result;
    }

    /** A new draft without answers. */
    static AssessmentRow draft(String id, String tokenHash, String questionnaireVersion, Language language,
                               CompanyProfile company, Contact contact, @Nullable String agencyId,
                               @Nullable String previousId, Instant now) {
        return new AssessmentRow(id, tokenHash, questionnaireVersion, Status.DRAFT, language.code(), company, contact,
            NO_ANSWERS, Result.NONE, agencyId, previousId, now, now, null, 0);
    }

    public boolean completed() {
        return status == Status.COMPLETED;
    }

    public CompanyType type() {
        return company.type();
    }

    /** This check with another company profile (and the agency responsible for its location). */
    AssessmentRow withCompany(CompanyProfile newCompany, @Nullable String newAgencyId, Instant now) {
        return new AssessmentRow(id, tokenHash, questionnaireVersion, status, language, newCompany, contact, answers,
            result, newAgencyId, previousId, createdAt, now, completedAt, revision);
    }

    /** This check reached by another private link (the old one stops working). */
    AssessmentRow withTokenHash(String newTokenHash, Instant now) {
        return new AssessmentRow(id, newTokenHash, questionnaireVersion, status, language, company, contact, answers,
            result, agencyId, previousId, createdAt, now, completedAt, revision);
    }

    /** This check with another contact. */
    AssessmentRow withContact(Contact newContact) {
        return new AssessmentRow(id, tokenHash, questionnaireVersion, status, language, company, newContact, answers,
            result, agencyId, previousId, createdAt, updatedAt, completedAt, revision);
    }

    /**
     * This check with other answers and, where they are complete, their result: with a result it is completed (its
     * first completion time kept), without it is a draft again.
     */
    AssessmentRow withAnswers(String answersJson, @Nullable Result newResult, Instant now) {
        Status newStatus = newResult == null ? Status.DRAFT : Status.COMPLETED;
        Instant completed = newResult == null ? null : completedAt == null ? now : completedAt;
        return new AssessmentRow(id, tokenHash, questionnaireVersion, newStatus, language, company, contact,
            answersJson, newResult == null ? Result.NONE : newResult, agencyId, previousId, createdAt, now, completed,
            revision);
    }

    /**
     * This check without personal data (GDPR erasure): the company profile keeps only what the anonymous benchmarks
     * need, the contact goes, and the private link stops working (a new, unknown token hash). Answers and result stay;
     * its times keep only their month.
     */
    AssessmentRow anonymised(String unusableTokenHash, Instant now) {
        return new AssessmentRow(id, unusableTokenHash, questionnaireVersion, status, language,
            company.anonymised(), Contact.NONE, answers, result, agencyId, previousId, monthOf(createdAt), monthOf(now),
            completedAt == null ? null : monthOf(completedAt), revision);
    }

    /**
     * The first instant of the instant's month in the portal's time zone ({@link PortalTime#ZONE}, as every figure
     * is): the statistics need the month, not the moment. A check of 00:30 on 1 December in Berlin (23:30 UTC the day
     * before) is December's.
     */
    static Instant monthOf(Instant instant) {
        return PortalTime.local(instant).toLocalDate().withDayOfMonth(1).atStartOfDay(PortalTime.ZONE).toInstant();
    }

    /** This check as other modules see it, with its answers already read. */
    Assessment view(Map<String, String> parsedAnswers) {
        return new Assessment(new AssessmentId(id), status, questionnaireVersion,
            Language.fromCode(language).orElse(Language.DE), company, contact, parsedAnswers,
            result.isNone() ? null : result, agencyId,
            previousId == null ? null : new AssessmentId(previousId), createdAt, updatedAt, completedAt, revision);
    }
}
