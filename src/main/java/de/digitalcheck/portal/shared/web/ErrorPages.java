package de.digitalcheck.portal.shared.web;

import de.digitalcheck.portal.shared.NoSuchThing;
import de.digitalcheck.portal.shared.i18n.Language;
import de.digitalcheck.portal.shared.persistence.DatabaseErrors;
import de.digitalcheck.portal.shared.security.ApiTokens;
import io.micronaut.context.exceptions.DisabledBeanException;
import io.micronaut.http.client.exceptions.HttpClientException;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.micronaut.core.convert.exceptions.ConversionErrorException;
import io.micronaut.http.HttpMethod;
import io.micronaut.data.exceptions.OptimisticLockException;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Error;
import io.micronaut.http.exceptions.ContentLengthExceededException;
import io.micronaut.security.authentication.AuthorizationException;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import io.micronaut.security.oauth2.endpoint.authorization.response.AuthorizationErrorResponseException;
import io.micronaut.security.oauth2.endpoint.token.response.TokenError;
import io.micronaut.security.oauth2.endpoint.token.response.TokenErrorResponse;
import io.micronaut.http.exceptions.HttpStatusException;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.web.router.Router;
import io.micronaut.web.router.UriRouteMatch;
import io.micronaut.web.router.exceptions.UnsatisfiedRouteException;
import io.micronaut.http.server.exceptions.NotAllowedException;
import io.netty.handler.codec.DecoderException;
import io.netty.handler.codec.TooLongFrameException;
import io.netty.handler.codec.http.TooLongHttpHeaderException;
import io.netty.handler.codec.http.TooLongHttpLineException;
import java.util.Arrays;
import java.util.HashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import de.digitalcheck.portal.shared.validation.FieldError;

import java.util.List;
import java.util.Map;
import java.net.URI;
import java.util.Optional;

/** Errors as a page for people and as problem+json for the API ({@code /api/} paths). */
@Secured(SecurityRule.IS_ANONYMOUS)
@Controller
public class ErrorPages {

    /** A request attribute naming a more specific view for a 404 page (e.g. "this link is not valid"). */
    public static final String NOT_FOUND_VIEW = "portal.notFoundView";
    /**
     * A request attribute holding the model ({@code Map<String, Object>}) of the {@link #NOT_FOUND_VIEW}: a 404 page that
     * shows more than a text (the booking page's kinds of appointment for a kind that does not exist).
     */
    public static final String NOT_FOUND_MODEL = "portal.notFoundModel";
    /** A request attribute holding a more specific problem document for a 404 API answer. */
    public static final String NOT_FOUND_PROBLEM = "portal.notFoundProblem";

    private static final Logger LOG = LoggerFactory.getLogger(ErrorPages.class);
    /**
     * The sign-in page's note ({@link Flash}) that signing in was not completed at the provider. It was
     * "/anmelden?abgebrochen", said on any link that carried it and on every reload.
     */
    public static final String SIGN_IN_NOT_COMPLETED = "sign-in-not-completed";
    /** The sign-in page's note ({@link Flash}) that the sign-in provider did not answer, so signing in could not go on. */
    public static final String SIGN_IN_PROVIDER_SILENT = SignInProviderGate.SIGN_IN_PROVIDER_SILENT;
    static final String SIGN_IN = "/anmelden";
    /** The provider sends the browser back here ({@code /oauth/callback/oidc}). */
    private static final String SIGN_IN_CALLBACK = "/oauth/callback/";
    /** The sign-in button leads here ({@code /oauth/login/oidc}): on to the provider's authorization endpoint. */
    private static final String SIGN_IN_START = "/oauth/login/";
    static final String WORKSPACE = "/workspace";
    private static final String SIGN_IN_STATE_PACKAGE = "io.micronaut.security.oauth2.endpoint.authorization.state.";

    /** Statuses with a page text of their own; others show the general one. */
    static final java.util.Set<Integer> PAGE_TEXTS = java.util.Set.of(400, 401, 403, 404, 405, 406, 409, 413, 414, 415, 422, 429, 431, 500, 503);
    /** The seconds a request refused because the database was too busy is asked to wait ({@code Retry-After}). */
    static final int BUSY_RETRY_SECONDS = 5;

    private final ApiProblems problems;
    private final Flash flash;
    private final SignInReturn signInReturn;
    private final PageRenderer pages;
    private final SecurityHeaders security;
    private final Router router;
    @Nullable
    private final SignInProviderGate providerGate;

    ErrorPages(ApiProblems problems, PageRenderer pages, SecurityHeaders security, Router router,
               SignInReturn signInReturn, Flash flash, @Nullable SignInProviderGate providerGate) {
        this.providerGate = providerGate;
        this.flash = flash;
        this.signInReturn = signInReturn;
        this.problems = problems;
        this.pages = pages;
        this.security = security;
        this.router = router;
    }

    @Error(status = HttpStatus.NOT_FOUND, global = true)
    HttpResponse<?> notFound(HttpRequest<?> request) {
        Optional<Problem> problem = request.getAttribute(NOT_FOUND_PROBLEM, Problem.class);
        if (problem.isPresent()) {
            return HttpResponse.notFound(problem.get()).contentType(Problem.MEDIA_TYPE);
        }
        Optional<String> view = request.getAttribute(NOT_FOUND_VIEW, String.class);
        if (view.isPresent()) {
            Map<String, Object> model = new java.util.HashMap<>();
            request.getAttribute(NOT_FOUND_MODEL, Map.class).ifPresent(given -> given.forEach((k, v) ->
                model.put(String.valueOf(k), v)));
            model.put("status", 404);
            return pages.render(request, HttpStatus.NOT_FOUND, view.get(), model);
        }
        return respond(request, HttpStatus.NOT_FOUND);
    }

    /**
     * "Not found" from a route: thrown, not answered with a 404 response. Micronaut 4.10 can loop without end,
     * allocating until the heap is gone, when a route answers a request that has a body with a 404 response
     * (micronaut-core issue 12940); an exception takes another path. Set {@link #NOT_FOUND_VIEW} (with {@link
     * #NOT_FOUND_MODEL}) or {@link #NOT_FOUND_PROBLEM} on the request first for a specific page or problem. (A route's
     * 404 response is replaced by this page anyway: the status route answers it.)
     */
    public static class NotFound extends RuntimeException {
        public NotFound() {
            super("not found", null, false, false);
        }
    }

    @Error(exception = NotFound.class, global = true)
    HttpResponse<?> notFoundThrown(HttpRequest<?> request) {
        return notFound(request);
    }

    /** A module's "no such thing" (an unknown agency, funding programme, …) that no module maps more specifically. */
    @Error(exception = NoSuchThing.class, global = true)
    HttpResponse<?> noSuchThing(HttpRequest<?> request) {
        return respond(request, HttpStatus.NOT_FOUND);
    }

    /** Not signed in: people go to the sign-in page, API clients get 401; signed in without the role: 403. */
    @Error(exception = AuthorizationException.class, global = true)
    HttpResponse<?> authorization(HttpRequest<?> request, AuthorizationException e) {
        if (e.isForbidden()) {
            return respond(request, HttpStatus.FORBIDDEN);
        }
        if (ApiProblems.api(request)) {
            // the only API routes that need a caller are the agency API's, authenticated by personal access tokens
            return problems.problem(HttpStatus.UNAUTHORIZED, ApiProblems.language(request), "problem.401.token")
                .header("WWW-Authenticate", "Bearer realm=\"digitalcheck\"")
                .header("Cache-Control", "no-store"); // answered while the security filter refuses: set here
        }
        MutableHttpResponse<?> signIn = HttpResponse.seeOther(java.net.URI.create("/anmelden"));
        signInReturn.remember(request).ifPresent(signIn::cookie);
        return signIn;
    }

    /**
     * The sign-in provider answered the callback with an error (the person pressed "cancel" there, or the provider
     * refused): back to the sign-in page, which says so. It was a {@code 500} and an error logged with its stack.
     */
    @Error(exception = AuthorizationErrorResponseException.class, global = true)
    HttpResponse<?> signInNotCompleted(HttpRequest<?> request, AuthorizationErrorResponseException e) {
        return backToSignIn(request, e);
    }

    /**
     * The sign-in callback answered {@code 401} without a body: Micronaut Security's answer when the provider's ID
     * token does not pass its checks — above all the callback's address opened a second time (the browser's back
     * button or a reload on it after signing in), whose code is used up and whose token no longer matches the sign-in's
     * nonce. It was a blank page. A person signed in goes on to their workspace (nothing was wrong for them); anyone
     * else back to the sign-in page, which says that signing in was not completed. No other route answers a bare 401
     * (the agency API's refusal is {@link #authorization}'s problem document).
     */
    @Error(status = HttpStatus.UNAUTHORIZED, global = true)
    HttpResponse<?> unauthorized(HttpRequest<?> request) {
        if (!request.getPath().startsWith(SIGN_IN_CALLBACK)) {
            return ApiProblems.api(request)
                ? problems.problem(HttpStatus.UNAUTHORIZED, ApiProblems.language(request), "problem.401.token")
                    .header("WWW-Authenticate", "Bearer realm=\"digitalcheck\"")
                : respond(request, HttpStatus.UNAUTHORIZED);
        }
        return callbackRefused(request, "ID token refused");
    }

    /**
     * A sign-in callback that cannot complete the sign-in: a person signed in goes on to their workspace (nothing was
     * wrong for them), anyone else back to the sign-in page, which says that signing in was not completed.
     */
    private HttpResponse<?> callbackRefused(HttpRequest<?> request, String reason) {
        if (request.getUserPrincipal().isPresent()) {
            LOG.info("Sign-in callback on {} {} refused while signed in ({}): on to the workspace", request.getMethod(),
                LogSafe.path(request), reason);
            return HttpResponse.seeOther(URI.create(WORKSPACE));
        }
        return backToSignIn(request, reason);
    }

    /**
     * Whether the provider's token endpoint refused the sign-in callback's code, and how: Keycloak answers a code used
     * already or expired (the callback's address opened again after its sign-in, a sign-in left open too long) with
     * {@code 400 invalid_grant}, a wrong client secret with {@code 401 invalid_client}. Micronaut Security lets the
     * HTTP client's exception through; it was a {@code 500} with the provider's description in the log. The reason
     * names the status and the OAuth error code only: the description is the provider's text. A {@code 5xx} is no
     * refusal but an outage ({@link #providerSilent}).
     */
    private static Optional<String> tokenRequestRefused(HttpRequest<?> request, Throwable e) {
        if (!request.getPath().startsWith(SIGN_IN_CALLBACK)) {
            return Optional.empty();
        }
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof HttpClientResponseException refused) {
                if (serverError(refused)) {
                    return Optional.empty();
                }
                String error;
                try {
                    error = refused.getResponse().getBody(TokenErrorResponse.class).map(TokenErrorResponse::getError)
                        .map(TokenError::toString).orElse("no OAuth error code");
                } catch (RuntimeException unreadable) {
                    error = "no OAuth error code";
                }
                return Optional.of("token request refused: " + refused.getStatus().getCode() + " " + error);
            }
        }
        return Optional.empty();
    }

    /**
     * Whether the sign-in provider did not answer a sign-in (its address unreachable, the connection closed or timed
     * out): at the callback, the token request; at the sign-in button, the discovery document (Micronaut Security's
     * metadata bean "disabled" since it could not be fetched). It was a {@code 500}. Also a token endpoint answering
     * with a server error ({@code 5xx}: the provider down behind its proxy, or failing): the person can do nothing
     * but try again later, as when it does not answer at all; it was the warning and the note of a refused sign-in.
     * The reason names the exception types, or the status, only (the provider's page is not logged).
     */
    private static Optional<String> providerSilent(HttpRequest<?> request, Throwable e) {
        String path = request.getPath();
        if (!path.startsWith(SIGN_IN_CALLBACK) && !path.startsWith(SIGN_IN_START)) {
            return Optional.empty();
        }
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof HttpClientResponseException answered && serverError(answered)
                && path.startsWith(SIGN_IN_CALLBACK)) {
                return Optional.of("token request answered " + answered.getStatus().getCode());
            }
            if (t instanceof HttpClientException && !(t instanceof HttpClientResponseException)
                || t instanceof DisabledBeanException && String.valueOf(t.getMessage()).contains("OpenID configuration")) {
                return Optional.of(t.getClass().getSimpleName());
            }
        }
        return Optional.empty();
    }

    /** The provider answered with a server error ({@code 5xx}): it is failing, it refused nothing. */
    private static boolean serverError(HttpClientResponseException answered) {
        return answered.getStatus().getCode() >= 500;
    }

    private HttpResponse<?> backToSignIn(HttpRequest<?> request, Throwable e) {
        return backToSignIn(request, e.getClass().getSimpleName());
    }

    private HttpResponse<?> backToSignIn(HttpRequest<?> request, String reason) {
        LOG.warn("Sign-in not completed on {} {} ({}): back to the sign-in page", request.getMethod(),
            LogSafe.path(request), reason);
        // the provider's answer is a navigation from its site: a note that survives that chain of redirects
        return flash.redirectAcrossSites(SIGN_IN, SIGN_IN_NOT_COMPLETED);
    }

    /**
     * Whether Micronaut Security's decoder of the sign-in callback's {@code state} refused it as unreadable. (The error
     * route carries no trace of the route that failed: the request's route is the error handler's by now.)
     */
    private static boolean unreadableSignInState(Throwable e) {
        return e instanceof IllegalArgumentException && Arrays.stream(e.getStackTrace())
            .anyMatch(frame -> frame.getClassName().startsWith(SIGN_IN_STATE_PACKAGE));
    }

    @Error(status = HttpStatus.FORBIDDEN, global = true)
    HttpResponse<?> forbidden(HttpRequest<?> request) {
        return respond(request, HttpStatus.FORBIDDEN);
    }

    /** A 405 names the methods the path has in {@code Allow} (RFC 9110), from the routes the router knows for it. */
    @Error(status = HttpStatus.METHOD_NOT_ALLOWED, global = true)
    HttpResponse<?> notAllowed(HttpRequest<?> request) {
        java.util.Set<String> methods = routedMethods(request);
        return reloadOfAFormsAnswer(request, methods)
            .orElseGet(() -> allow(respond(request, HttpStatus.METHOD_NOT_ALLOWED), methods));
    }

    @Error(exception = NotAllowedException.class, global = true)
    HttpResponse<?> notAllowedException(HttpRequest<?> request, NotAllowedException e) {
        java.util.Set<String> methods = new java.util.TreeSet<>(e.getAllowedMethods());
        methods.addAll(routedMethods(request));
        return reloadOfAFormsAnswer(request, methods)
            .orElseGet(() -> allow(respond(request, HttpStatus.METHOD_NOT_ALLOWED), methods));
    }

    /**
     * A GET (or HEAD) of a page form's address, which only takes posts: what the address bar's reload (or a bookmark)
     * of a page answered to that post sends — a refused form (422, 409) keeps the post's address. A 405 error page
     * told the person nothing they could act on; they are sent (303) to the nearest page above the address that can be
     * read ({@code /admin/konten/{id}} for {@code /admin/konten/{id}/sperren}), which the language switch of such a
     * page also leads to ({@link LayoutModel}); that page makes its own access checks. Nothing is changed. The API's
     * addresses keep their 405 with {@code Allow}, as do methods other than GET and HEAD.
     */
    private Optional<HttpResponse<?>> reloadOfAFormsAnswer(HttpRequest<?> request, java.util.Set<String> methods) {
        HttpMethod method = request.getMethod();
        if ((method != HttpMethod.GET && method != HttpMethod.HEAD) || !methods.contains("POST")
            || methods.contains("GET") || ApiProblems.api(request)) {
            return Optional.empty();
        }
        return Optional.of(HttpResponse.seeOther(URI.create(LayoutModel.readableAbove(router, request.getPath()))));
    }

    private java.util.Set<String> routedMethods(HttpRequest<?> request) {
        java.util.Set<String> methods = new java.util.TreeSet<>();
        router.findAny(request.getPath(), request).forEach(m -> methods.add(m.getHttpMethod().name()));
        if (methods.contains("GET")) {
            methods.add("HEAD"); // Micronaut answers HEAD for every GET route
        }
        return methods;
    }

    private static HttpResponse<?> allow(MutableHttpResponse<?> response, java.util.Set<String> methods) {
        return methods.isEmpty() ? response : response.header(HttpHeaders.ALLOW, String.join(", ", methods));
    }

    /**
     * An {@code Accept} that no representation of the address matches (e.g. XML from the JSON API). The OpenAPI
     * document is YAML only: asked for JSON, the answer is problem+json saying so, for the program that asked (it was
     * the HTML error page, saying nothing of YAML).
     */
    @Error(status = HttpStatus.NOT_ACCEPTABLE, global = true)
    HttpResponse<?> notAcceptable(HttpRequest<?> request) {
        if (ApiRoutes.document(router, request)) {
            return problems.problem(HttpStatus.NOT_ACCEPTABLE, ApiProblems.language(request), "problem.406.openapi");
        }
        return respond(request, HttpStatus.NOT_ACCEPTABLE);
    }

    /**
     * An API request (or one for the OpenAPI document) whose weighed {@code Accept} allows none of the address's types
     * ({@link ApiAcceptFilter}).
     */
    @Error(exception = ApiAcceptFilter.NotAcceptable.class, global = true)
    HttpResponse<?> notAcceptableByWeight(HttpRequest<?> request) {
        if (ApiRoutes.document(router, request)) {
            return outsideTheFilters(problems.problem(HttpStatus.NOT_ACCEPTABLE, ApiProblems.language(request),
                "problem.406.openapi"));
        }
        return outsideTheFilters(respond(request, HttpStatus.NOT_ACCEPTABLE));
    }

    /**
     * A response to a request refused before routing (by a {@code @PreMatching} filter), which the server filters do
     * not see: the security headers, {@code no-store} and {@code noindex} set here, as every other response has them.
     */
    private MutableHttpResponse<?> outsideTheFilters(MutableHttpResponse<?> response) {
        security.all().forEach(response::header);
        return response.header(HttpHeaders.CACHE_CONTROL, "no-store")
            .header(SecurityHeadersFilter.ROBOTS, SecurityHeadersFilter.NOT_INDEXED);
    }

    /** An API request whose {@code Accept} header cannot be read ({@link ApiAcceptFilter}). */
    @Error(exception = ApiAcceptFilter.MalformedAccept.class, global = true)
    HttpResponse<?> malformedAccept(HttpRequest<?> request) {
        return outsideTheFilters(problems.malformed(ApiProblems.language(request), "problem.400.detail",
            List.of(FieldError.of("Accept", "error.accept.malformed"))));
    }

    @Error(status = HttpStatus.UNSUPPORTED_MEDIA_TYPE, global = true)
    HttpResponse<?> unsupported(HttpRequest<?> request) {
        return respond(request, HttpStatus.UNSUPPORTED_MEDIA_TYPE);
    }

    /**
     * An API route's body of a type it does not take ({@link ApiContentTypeFilter}): the detail names every type it
     * takes ("application/json or application/merge-patch+json" for a lead's change), not just JSON.
     */
    @Error(exception = ApiContentTypeFilter.Unsupported.class, global = true)
    HttpResponse<?> unsupportedByTheRoute(HttpRequest<?> request, ApiContentTypeFilter.Unsupported e) {
        Language language = ApiProblems.language(request);
        List<String> types = e.types;
        if (types.size() < 2) {
            return respond(request, HttpStatus.UNSUPPORTED_MEDIA_TYPE); // "Please send application/json."
        }
        return problems.problem(HttpStatus.UNSUPPORTED_MEDIA_TYPE, language, "problem.415.detail.either",
            String.join(", ", types.subList(0, types.size() - 1)), types.get(types.size() - 1));
    }

    /** Two {@code Content-Type} fields in a request to an API route that takes a body: 400 naming the header. */
    @Error(exception = ApiContentTypeFilter.ContentTypeTwice.class, global = true)
    HttpResponse<?> contentTypeTwice(HttpRequest<?> request) {
        return problems.malformed(ApiProblems.language(request), "problem.400.detail",
            List.of(FieldError.of("Content-Type", "error.contentType.twice")));
    }

    @Error(status = HttpStatus.REQUEST_ENTITY_TOO_LARGE, global = true)
    HttpResponse<?> tooLarge(HttpRequest<?> request) {
        return respond(request, HttpStatus.REQUEST_ENTITY_TOO_LARGE);
    }

    /**
     * A post refused for its origin ({@link SameOriginFilter}) or its missing form token. Under {@code /api/} the
     * refusal is problem+json in the request's language (there is no form that could have expired).
     */
    @Error(exception = Csrf.CsrfRejected.class, global = true)
    HttpResponse<?> csrfRejected(HttpRequest<?> request) {
        if (ApiProblems.api(request)) {
            return problems.problem(HttpStatus.FORBIDDEN, ApiProblems.language(request), "problem.403.origin");
        }
        return pages.render(request, HttpStatus.FORBIDDEN, "errors/error", Map.of("status", "csrf"));
    }

    /** A change asked with a token made to read only (the agency API). */
    @Error(exception = ApiTokens.ReadOnly.class, global = true)
    HttpResponse<?> readOnlyToken(HttpRequest<?> request) {
        return problems.problem(HttpStatus.FORBIDDEN, ApiProblems.language(request), "problem.agencyApi.readOnly");
    }

    @Error(exception = RateLimitFilter.TooManyRequests.class, global = true)
    HttpResponse<?> tooMany(HttpRequest<?> request, RateLimitFilter.TooManyRequests e) {
        MutableHttpResponse<?> response = ApiProblems.api(request)
            ? problems.problem(HttpStatus.TOO_MANY_REQUESTS, ApiProblems.language(request), "problem.429.detail")
            : pages.render(request, HttpStatus.TOO_MANY_REQUESTS, "errors/error", Map.of("status", 429,
                "retryMinutes", Math.max(1, (e.retryAfterSeconds + 59) / 60)));
        return response.header("Retry-After", String.valueOf(e.retryAfterSeconds));
    }

    @Error(exception = ContentLengthExceededException.class, global = true)
    HttpResponse<?> contentTooLong(HttpRequest<?> request) {
        return respond(request, HttpStatus.REQUEST_ENTITY_TOO_LARGE);
    }

    /**
     * A request Netty could not read: a first line over {@code micronaut.server.netty.max-initial-line-length}
     * (414; the portal's own, shorter limit is {@link UnreadableTargets}'), headers over {@code max-header-size} (431),
     * anything else malformed (400). Over HTTP/1.1
     * {@link UnreadableTargets} answers these before Micronaut sees them (with the headers Netty read); this is the
     * fallback for what reaches Micronaut all the same, as Netty's stand-in ({@code GET /bad-request}, without the
     * caller's path and headers), so the answer is the page in German; it is the caller's mistake, not the server's.
     */
    @Error(exception = DecoderException.class, global = true)
    HttpResponse<?> unreadable(HttpRequest<?> request, DecoderException e) {
        HttpStatus status = e instanceof TooLongHttpLineException ? HttpStatus.REQUEST_URI_TOO_LONG
            : e instanceof TooLongHttpHeaderException ? HttpStatus.REQUEST_HEADER_FIELDS_TOO_LARGE
            : e instanceof TooLongFrameException ? HttpStatus.REQUEST_ENTITY_TOO_LARGE
            : HttpStatus.BAD_REQUEST;
        LOG.info("Unreadable request answered {}: {}", status.getCode(), e.getClass().getSimpleName());
        // answered outside the server filters: the security headers, no-store and noindex are set here
        return outsideTheFilters(ApiProblems.api(request) ? respond(request, status)
            // the stand-in's path is not the caller's: the language switch leads to the start page, not to it
            : pages.render(request, status, "errors/error",
                Map.of("status", status.getCode(), LayoutModel.PAGE_PATH, "/")));
    }

    @Error(exception = UnsatisfiedRouteException.class, global = true)
    HttpResponse<?> unsatisfied(HttpRequest<?> request) {
        return respond(request, HttpStatus.BAD_REQUEST);
    }

    @Error(exception = ConversionErrorException.class, global = true)
    HttpResponse<?> conversion(HttpRequest<?> request) {
        return respond(request, HttpStatus.BAD_REQUEST);
    }

    @Error(exception = HttpStatusException.class, global = true)
    HttpResponse<?> status(HttpRequest<?> request, HttpStatusException e) {
        return respond(request, e.getStatus());
    }

    /** A request line whose path is no URI ({@code GET /\evil.example}): malformed, not an error of the portal. */
    @Error(exception = java.net.URISyntaxException.class, global = true)
    HttpResponse<?> notAUri(HttpRequest<?> request) {
        return respond(request, HttpStatus.BAD_REQUEST);
    }

    /**
     * Anything else. A database that refused a change because of a parallel one (a unique key taken at the same
     * moment, a deadlock: SQLState classes 23 and 40), or a change that lost its optimistic lock to parallel ones at
     * each of its attempts, is a conflict, {@code 409}; one that refused a value (too
     * long, out of range: class 22) is {@code 422}; the transaction was rolled back, nothing is stored. A database too
     * busy to answer in time ({@link DatabaseErrors#busy}: no free connection, a lock waited for too long) is
     * {@code 503} with {@code Retry-After}: nothing was stored, and the same request may well work in a moment. The log line
     * names the route, not the path (a private link's path is its token), and a database error without its
     * messages (they quote the values typed).
     */
    @Error(global = true)
    HttpResponse<?> unexpected(HttpRequest<?> request, Throwable e) {
        if (e instanceof OptimisticLockException) {
            LOG.warn("A change lost its optimistic lock at every attempt on {} {}: answered 409", request.getMethod(),
                LogSafe.path(request));
            return respond(request, HttpStatus.CONFLICT);
        }
        if (DatabaseErrors.busy(e)) {
            LOG.warn("Database too busy on {} {} ({}): answered 503", request.getMethod(), LogSafe.path(request),
                DatabaseErrors.sqlCause(e).filter(sql -> !(sql instanceof java.sql.SQLTransientConnectionException))
                    .map(sql -> "SQLState " + sql.getSQLState() + ", error " + sql.getErrorCode())
                    .orElse("no free connection"));
            return respond(request, HttpStatus.SERVICE_UNAVAILABLE)
                .header(HttpHeaders.RETRY_AFTER, String.valueOf(BUSY_RETRY_SECONDS));
        }
        Optional<String> state = DatabaseErrors.sqlState(e);
        if (state.isPresent() && (state.get().startsWith("23") || state.get().startsWith("40"))) {
            LOG.warn("Database refused a parallel change on {} {} (SQLState {}): answered 409",
                request.getMethod(), LogSafe.path(request), state.get());
            return respond(request, HttpStatus.CONFLICT);
        }
        if (state.isPresent() && state.get().startsWith("22")) {
            LOG.warn("Database refused a value on {} {} (SQLState {}): answered 422",
                request.getMethod(), LogSafe.path(request), state.get());
            return ApiProblems.api(request)
                ? problems.problem(HttpStatus.UNPROCESSABLE_ENTITY, ApiProblems.language(request), "problem.422.database")
                : respond(request, HttpStatus.UNPROCESSABLE_ENTITY);
        }
        Optional<String> tokenRefused = tokenRequestRefused(request, e);
        if (tokenRefused.isPresent()) {
            return callbackRefused(request, tokenRefused.get());
        }
        Optional<String> silent = providerSilent(request, e);
        if (silent.isPresent() && providerGate != null) {
            return providerGate.didNotAnswer(request, silent.get());
        }
        if (unreadableSignInState(e)) {
            // the callback's state not Base64 (a forged or cut address, "state=y"): Micronaut Security's decoder throws
            return backToSignIn(request, e);
        }
        LOG.error("Unexpected error on {} {}", request.getMethod(), LogSafe.path(request), LogSafe.withoutValues(e));
        return respond(request, HttpStatus.INTERNAL_SERVER_ERROR);
    }

    /**
     * The error page, or problem+json for programs: under {@code /api/}, and on the OpenAPI document's address
     * ({@link ApiRoutes#forPrograms(Router, HttpRequest)}: a method it does not take, say).
     */
    private MutableHttpResponse<?> respond(HttpRequest<?> request, @Nullable HttpStatus status) {
        HttpStatus s = status == null ? HttpStatus.INTERNAL_SERVER_ERROR : status;
        if (ApiProblems.api(request) || ApiRoutes.document(router, request)) {
            int code = PAGE_TEXTS.contains(s.getCode()) ? s.getCode() : 500;
            return problems.problem(s, ApiProblems.language(request), "problem." + code + ".detail");
        }
        Map<String, Object> model = new HashMap<>();
        model.put("status", PAGE_TEXTS.contains(s.getCode()) ? s.getCode() : 500);
        retryPath(request, s).ifPresent(path -> model.put("retry", path));
        return pages.render(request, s, "errors/error", model);
    }

    /**
     * For a page refused {@code 400} for what its address carried (a filter value that is not one of the page's, a
     * page number that is none): the way back to the page itself, its path without the query — only for a GET of a
     * path whose route (the router's closest match) answers HTML (a page, not a download), so that the link leads to a page
     * that exists. Otherwise only the home page was left.
     */
    private Optional<String> retryPath(HttpRequest<?> request, HttpStatus status) {
        String query = request.getUri().getRawQuery();
        if (status != HttpStatus.BAD_REQUEST || !HttpMethod.GET.equals(request.getMethod()) || query == null
            || query.isEmpty()) {
            return Optional.empty();
        }
        String path = request.getPath();
        // the route the request was dispatched to (the closest match), not any route whose pattern also fits
        List<UriRouteMatch<Object, Object>> closest = router.findAllClosest(request);
        boolean page = closest.size() == 1 && closest.get(0).getRouteInfo().getPort() == null
            && closest.get(0).getRouteInfo().getProduces().stream()
                .allMatch(MediaType.TEXT_HTML_TYPE::equals);
        return page ? Optional.of(LayoutModel.sameOriginPath(path)) : Optional.empty();
    }
}
