package de.digitalcheck.portal.shared.web;

import com.fasterxml.jackson.annotation.JsonProperty;
import de.digitalcheck.portal.shared.security.Tokens;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.cookie.Cookie;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.inject.Singleton;

import java.security.MessageDigest;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * Cross-site request forgery protection for every state-changing form (double submit): a random token lives
 * in an HttpOnly, SameSite=Strict cookie and in a hidden form field; a form post is accepted only when both
 * are present and equal. Another site can neither read the cookie nor make the browser send it.
 */
@Singleton
public class Csrf {

    public static final String COOKIE = "csrf";
    public static final String FIELD = "_csrf";
    static final String NEW_TOKEN = "portal.csrf.new";

    /** The token for the page being rendered: the cookie's, or a new one that the response will set. */
    public String token(HttpRequest<?> request) {
        return cookie(request).orElseGet(() -> request.getAttribute(NEW_TOKEN, String.class).orElseGet(() -> {
            String token = Tokens.newToken();
            request.setAttribute(NEW_TOKEN, token);
            return token;
        }));
    }

    /**
     * A form that posts the token in its hidden field {@value #FIELD}: a record bound as the handler's one
     * {@code @Body}, with the component {@code @JsonProperty(Csrf.FIELD) String csrfToken}. (A second parameter
     * {@code @Body(Csrf.FIELD)} next to the form's {@code @Body} would be bound too, but Micronaut 4.10 then loses the
     * form's fields that arrive before the last piece of a body sent in pieces.)
     */
    public interface Form {
        @Nullable
        String csrfToken();
    }

    /** The form of a button that posts nothing but the token (signing out, erasing, starting again). */
    @Serdeable
    public record TokenForm(@JsonProperty(FIELD) @Nullable String csrfToken) implements Form {
    }

    /** Throws {@link CsrfRejected} unless the form (null: no body) carries the token of the request's cookie. */
    public void verify(HttpRequest<?> request, @Nullable Form form) {
        verify(request, form == null ? null : form.csrfToken());
    }

    /**
     * Throws {@link CsrfRejected} unless {@code sent}, the form's {@value #FIELD} field (in a multipart upload its
     * {@code @Part(Csrf.FIELD)}), is the token of the request's cookie.
     */
    public void verify(HttpRequest<?> request, @Nullable String sent) {
        Optional<String> expected = cookie(request);
        if (sent == null || expected.isEmpty() || !MessageDigest.isEqual(
            sent.getBytes(StandardCharsets.UTF_8), expected.get().getBytes(StandardCharsets.UTF_8))) {
            throw new CsrfRejected();
        }
    }

    private static Optional<String> cookie(HttpRequest<?> request) {
        return request.getCookies().findCookie(COOKIE).map(Cookie::getValue).filter(Tokens::isWellFormed);
    }

    /** A form post without a valid token: refused, nothing changed. */
    public static class CsrfRejected extends RuntimeException {
        CsrfRejected() {
            super("form post without a valid CSRF token", null, false, false);
        }
    }
}
