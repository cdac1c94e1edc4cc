package de.digitalcheck.portal.readiness;

/**
 * The personal data of a self-check was erased (GDPR): its profile keeps only what the anonymous benchmarks need, its
 * contact is gone and its private link no longer works. Published inside the erasing transaction, so that a module
 * holding personal data about the same check erases it in that transaction too.
 */
public record AssessmentErased(AssessmentId assessmentId) {
}
