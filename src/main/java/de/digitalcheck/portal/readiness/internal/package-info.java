/**
 * The self-check's own implementation: the use cases ({@link de.digitalcheck.portal.readiness.internal.SelfCheck}),
 * the {@code assessment} table ({@code AssessmentRow}, {@code AssessmentRows}) and the one class that reads and writes
 * it ({@code AssessmentStore}), the rules of profiles and answers, the per-replica check cache and the personal-data
 * part of the self-check.
 *
 * <p>Rules: only {@code AssessmentStore} touches {@code AssessmentRows}, and only {@code SelfCheck} uses the store
 * (both package-private; checked by {@code ModuleArchitectureTest}); each write is one transaction that publishes its
 * events inside it and tells the cache after its commit; other modules never see this package — they read {@link de.digitalcheck.portal.readiness.Assessments}
 * and listen to {@link de.digitalcheck.portal.readiness.AssessmentCompleted} and
 * {@link de.digitalcheck.portal.readiness.AssessmentErased}. The self-check's own web and API packages use it.
 */
package de.digitalcheck.portal.readiness.internal;
