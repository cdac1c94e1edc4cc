package de.digitalcheck.portal.readiness;

import de.digitalcheck.portal.shared.i18n.Language;
import io.micronaut.core.annotation.Nullable;

import java.time.Instant;
import java.util.Map;

/**
 * A company's self-check as other modules see it: its profile, contact, answers (option id by question id) and,
 * once complete, its result. {@code revision} grows with every change: one revision's content never changes (what
 * caches of things made from a check, like the PDF report, are keyed by). Read it through {@link Assessments}; only the self-check itself changes it.
 */
public record Assessment(
    AssessmentId id,
    Status status,
    String questionnaireVersion,
    Language language,
    CompanyProfile company,
    Contact contact,
    Map<String, String> answers,
    @Nullable Result result,
    @Nullable String agencyId,
    @Nullable AssessmentId previousId,
    Instant createdAt,
    Instant updatedAt,
    @Nullable Instant completedAt,
    int revision) {

    /** A draft is being answered; a completed check has a result. */
    public enum Status { DRAFT, COMPLETED }

    public Assessment {
        answers = Map.copyOf(answers);
    }

    public boolean completed() {
        return status == Status.COMPLETED;
    }
}
