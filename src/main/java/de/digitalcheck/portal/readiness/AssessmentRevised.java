package de.digitalcheck.portal.readiness;

/**
 * A complete self-check was changed and is complete still, with another result or company profile than before (its
 * company changed answers or profile after finishing it). Published inside the transaction of the change, so that
 * what was made of the check (a lead's copy of its result) follows in that transaction.
 */
public record AssessmentRevised(AssessmentId assessmentId) {
}
