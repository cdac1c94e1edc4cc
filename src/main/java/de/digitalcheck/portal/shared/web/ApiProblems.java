package de.digitalcheck.portal.shared.web;

import de.digitalcheck.portal.shared.i18n.Language;
import de.digitalcheck.portal.shared.i18n.Messages;
import de.digitalcheck.portal.shared.validation.FieldError;
import de.digitalcheck.portal.shared.validation.TextRules;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MutableHttpResponse;
import jakarta.inject.Singleton;

import java.util.List;

/** Builds problem+json responses in the caller's language. */
@Singleton
public class ApiProblems {

    private final Messages messages;

    ApiProblems(Messages messages) {
        this.messages = messages;
    }

    /**
     * Whether a request addresses the API: its path, normalised the way a router or proxy may read it (repeated
     * slashes as one, {@code .} and {@code ..} segments resolved), is {@code /api} or below. {@code //api/v1/x} is
     * an API address too and gets the API's answers (problem+json), not a page.
     */
    public static boolean api(HttpRequest<?> request) {
        return apiPath(request.getPath());
    }

    /** {@link #api(HttpRequest)} for a path (a query, if any, is left out). */
    public static boolean apiPath(String path) {
        int end = path.indexOf('?');
        String p = end >= 0 ? path.substring(0, end) : path;
        java.util.ArrayDeque<String> segments = new java.util.ArrayDeque<>();
        for (String segment : p.split("/")) {
            if (segment.isEmpty() || segment.equals(".")) {
                continue;
            }
            if (segment.equals("..")) {
                segments.pollLast();
            } else {
                segments.addLast(segment);
            }
        }
        return "api".equals(segments.peekFirst());
    }

    /**
     * The API caller's language: {@code ?lang=}, else the Accept-Language header (the first of its ranges, by weight,
     * that is German or English; {@link Language#fromAcceptLanguage}, as the pages read it), else German.
     */
    public static Language language(HttpRequest<?> request) {
        return chosenLanguage(request)
            .orElseGet(() -> Language.fromAcceptLanguage(request.getHeaders().get(HttpHeaders.ACCEPT_LANGUAGE)));
    }

    /**
     * The language {@code ?lang=} chooses: its first value ({@link ApiLanguageFilter} has refused any that is not
     * {@code de} or {@code en}). Not Micronaut's binding of {@code @QueryValue String lang}, which joins several values
     * ({@code lang=en&lang=en} became "en,en", no language, and the answer German).
     */
    public static java.util.Optional<Language> chosenLanguage(HttpRequest<?> request) {
        return request.getParameters().getFirst("lang").flatMap(Language::fromCode);
    }

    /**
     * The message key for a language code the API does not take: {@code "en "} is told that a code goes without
     * spaces around it ({@code error.code.spaces}), anything else that only {@code de} and {@code en} are known.
     */
    public static String languageError(String code) {
        return TextRules.padded(code)
            && Language.fromCode(code.strip()).isPresent() ? "error.code.spaces" : "error.language.unknown";
    }

    public MutableHttpResponse<Problem> problem(HttpStatus status, Language language, String detailKey, Object... args) {
        String title = ErrorPages.PAGE_TEXTS.contains(status.getCode()) || status.getCode() == 422
            ? messages.get(language, "problem." + status.getCode()) : status.getReason();
        return respond(status, new Problem("about:blank", title,
            status.getCode(), messages.get(language, detailKey, args), null));
    }

    /**
     * A 404 problem with a specific detail, thrown (see {@link ErrorPages.NotFound}). The detail travels as a
     * request attribute because the server's global not-found handler answers every 404.
     */
    public MutableHttpResponse<?> notFound(HttpRequest<?> request, String detailKey) {
        return notFound(request, language(request), detailKey);
    }

    /**
     * {@link #notFound(HttpRequest, String)} in a language the request chose otherwise: a {@code POST} body's
     * {@code language}, which comes before {@code ?lang=} and {@code Accept-Language} (api.md, "Language of messages").
     */
    public MutableHttpResponse<?> notFound(HttpRequest<?> request, Language language, String detailKey) {
        request.setAttribute(ErrorPages.NOT_FOUND_PROBLEM, new Problem("about:blank", messages.get(language, "problem.404"),
            404, messages.get(language, detailKey), null));
        throw new ErrorPages.NotFound();
    }

    /** {@code 400}: the request is malformed, at these fields. */
    public MutableHttpResponse<Problem> malformed(Language language, String detailKey, List<FieldError> errors) {
        return respond(HttpStatus.BAD_REQUEST, new Problem("about:blank", messages.get(language, "problem.400"), 400,
            messages.get(language, detailKey), fieldMessages(language, errors), omitted(errors)));
    }

    public MutableHttpResponse<Problem> invalid(Language language, List<FieldError> errors) {
        return respond(HttpStatus.UNPROCESSABLE_ENTITY, new Problem("about:blank",
            messages.get(language, "problem.422"), 422, invalidDetail(language, errors.size()),
            fieldMessages(language, errors), omitted(errors)));
    }

    /**
     * The {@code 422}'s detail: how many fields break rules ("1 field breaks rules", "2 fields break rules"; beyond
     * {@link Problem#MAX_ERRORS}, "10000 fields break rules; errors lists the first 100, errorsOmitted counts the rest.").
     */
    public String invalidDetail(Language language, int fields) {
        return fields == 1 ? messages.get(language, "problem.422.detail.one")
            : fields > Problem.MAX_ERRORS ? messages.get(language, "problem.422.detail.more", fields, Problem.MAX_ERRORS)
            : messages.get(language, "problem.422.detail", fields);
    }

    /** The entries of {@code errors} that a problem lists, in the caller's language (those beyond are not worded). */
    private List<Problem.FieldMessage> fieldMessages(Language language, List<FieldError> errors) {
        return errors.stream().limit(Problem.MAX_ERRORS)
            .map(e -> new Problem.FieldMessage(e.field(), messages.message(language, e))).toList();
    }

    private static Integer omitted(List<FieldError> errors) {
        return errors.size() > Problem.MAX_ERRORS ? errors.size() - Problem.MAX_ERRORS : null;
    }

    private static MutableHttpResponse<Problem> respond(HttpStatus status, Problem problem) {
        return HttpResponse.<Problem>status(status).body(problem).contentType(Problem.MEDIA_TYPE);
    }
}
