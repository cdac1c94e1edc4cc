/**
 * The self-check's pages — and its fast path. Question pages are the pages most often loaded, so three things make
 * them cheap; each has a rule that keeps it right, and a test that fails when the rule is broken.
 *
 * <ol>
 *   <li><b>Precompiled pages</b> ({@link de.digitalcheck.portal.readiness.web.QuestionnairePageTemplates},
 *   {@link de.digitalcheck.portal.shared.web.PageTemplate}): the empty profile and every question page are rendered
 *   once per language (and questionnaire version, dimension, company type) for an anonymous visitor without errors;
 *   a request only fills in the check's token, the CSRF token and {@code checked} of its answers.
 *   <br>Rule: {@code layout.html} uses no per-request value except those it is filled with (language, the language
 *   switch of the page's own path, network name, CSRF token, the signed-in name — signed-in visitors get
 *   Thymeleaf's page). Pages with errors or for signed-in people are rendered by Thymeleaf.
 *   <br>Guarded by {@code LayoutFastPathTest} (the layout's model variables are exactly the listed ones) and
 *   {@code CheckPagesIntegrationTest} (the served pages are byte-equal to Thymeleaf's).</li>
 *   <li><b>Question pages from memory</b> ({@link de.digitalcheck.portal.readiness.internal.CheckCache},
 *   {@link de.digitalcheck.portal.readiness.web.RevisionCookie}): a browser names the revision it last saw; a replica
 *   that knows exactly that revision answers without reading the database.
 *   <br>Rule: a revision's content never changes — every write raises {@code assessment.revision} (optimistic
 *   locking), every write goes through {@link de.digitalcheck.portal.readiness.internal.SelfCheck} and its store in one
 *   transaction, and the cache learns a revision only after its commit. Erasure gives the check a new token hash and forgets it.
 *   <br>Guarded by the package's visibility ({@code AssessmentRows} is package-private in {@code readiness.internal}),
 *   {@code ModuleArchitectureTest.onlySelfCheckTouchesTheAssessmentTable}, {@code CheckCompletionContract}
 *   (nothing cached or announced from a rolled-back write) and {@code CheckCacheReplicasIntegrationTest}.</li>
 *   <li><b>No template engine and no blocking hop for a cached page</b>
 *   ({@link de.digitalcheck.portal.readiness.web.QuestionPageController}): such a page is made on the event loop.
 *   <br>Rule: nothing on that path may block (no database, no mail, no file); a miss goes to the blocking executor.</li>
 * </ol>
 *
 * Two start-up costs are handled in code for the same reason, each documented in its class: the postal-code table is
 * read in one pass over its bytes at the first lookup ({@link de.digitalcheck.portal.routing.PostalCodeDirectory}),
 * and logging is configured in code ({@link de.digitalcheck.portal.shared.logging.PortalLogging}). Figures: bench/README.md.
 */
package de.digitalcheck.portal.readiness.web;
