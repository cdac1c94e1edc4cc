/**
 * The self-check's own implementation: the {@code assessment} table ({@code AssessmentRow}, {@code AssessmentRows}),
 * the one class that reads and writes it ({@link de.digitalcheck.portal.readiness.internal.SelfCheck}), the rules of
 * profiles and answers, the per-replica check cache and the personal-data part of the self-check.
 *
 * <p>Rules: only {@code SelfCheck} touches {@code AssessmentRows} (package-private; checked by
 * {@code ModuleArchitectureTest}); each write is one transaction that publishes its events inside it and tells the
 * cache after its commit; other modules never see this package — they read {@link de.digitalcheck.portal.readiness.Assessments}
 * and listen to {@link de.digitalcheck.portal.readiness.AssessmentCompleted} and
 * {@link de.digitalcheck.portal.readiness.AssessmentErased}. The self-check's own web and API packages use it.
 */
package de.digitalcheck.portal.readiness.internal;
