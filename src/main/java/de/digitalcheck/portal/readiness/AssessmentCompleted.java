package de.digitalcheck.portal.readiness;

/**
 * A self-check became complete: every applicable question is answered and it has a result. Published inside the
 * transaction that completes it, so an {@code @EventListener} runs in that transaction (what an outbox needs: its
 * writes commit or roll back with the check's) and a {@code @TransactionalEventListener} after the commit.
 * Published again when a check that went back to draft (its company type changed) is completed anew; saving a
 * completed check again does not publish it.
 */
public record AssessmentCompleted(AssessmentId assessmentId) {
}
