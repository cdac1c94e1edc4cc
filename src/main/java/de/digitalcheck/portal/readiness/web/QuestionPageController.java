package de.digitalcheck.portal.readiness.web;

import de.digitalcheck.portal.readiness.internal.AssessmentRow;
import de.digitalcheck.portal.readiness.internal.SelfCheck;
import de.digitalcheck.portal.shared.i18n.Language;
import de.digitalcheck.portal.shared.web.PortalLocaleResolver;
import io.micronaut.core.propagation.PropagatedContext;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Produces;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.micronaut.views.ModelAndView;
import jakarta.inject.Named;

import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;

/**
 * A question page of the self-check (saving it is {@link CheckController}'s). The check is the revision the
 * browser last saw (its revision cookie): where this replica knows that revision, the page is made at once on the
 * request's own thread without a database read — the page a browser reaches after saving, or by going back.
 * Otherwise the check is read from the database on the blocking executor.
 */
@Secured(SecurityRule.IS_ANONYMOUS)
@Controller
@Produces(MediaType.TEXT_HTML)
class QuestionPageController {

    private final SelfCheck selfCheck;
    private final CheckViews views;
    private final QuestionnairePageTemplates pages;
    private final RevisionCookie revisions;
    private final CheckLookup lookup;
    private final Executor blocking;

    QuestionPageController(SelfCheck selfCheck, CheckViews views, QuestionnairePageTemplates pages, RevisionCookie revisions,
                           CheckLookup lookup, @Named(TaskExecutors.BLOCKING) Executor blocking) {
        this.selfCheck = selfCheck;
        this.views = views;
        this.pages = pages;
        this.revisions = revisions;
        this.lookup = lookup;
        this.blocking = blocking;
    }

    @Get("/check/{token}/step/{dimension}")
    CompletableFuture<HttpResponse<?>> showStep(HttpRequest<?> request, @PathVariable String token,
                                                @PathVariable String dimension) {
        OptionalInt seen = revisions.of(request);
        Optional<AssessmentRow> known = seen.isPresent() ? selfCheck.remembered(token, seen.getAsInt()) : Optional.empty();
        if (known.isPresent()) {
            return CompletableFuture.completedFuture(page(request, known, token, dimension));
        }
        CompletableFuture<HttpResponse<?>> answer = new CompletableFuture<>();
        blocking.execute(PropagatedContext.wrapCurrent(() -> {
            try {
                answer.complete(page(request, selfCheck.byToken(token), token, dimension));
            } catch (RuntimeException | Error e) {
                answer.completeExceptionally(e);
            }
        }));
        return answer;
    }

    private HttpResponse<?> page(HttpRequest<?> request, Optional<AssessmentRow> check, String token, String dimension) {
        Language lang = PortalLocaleResolver.language(request);
        return lookup.withStep(check, dimension, (a, steps) -> revisions.keep(request, pages.fit(request)
            ? pages.step(request, lang, a, token, dimension, selfCheck.answers(a))
            : HttpResponse.ok(new ModelAndView<>(CheckController.STEP,
                views.step(lang, a, token, dimension, selfCheck.answers(a), List.of()))), token, a));
    }
}
