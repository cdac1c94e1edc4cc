package de.digitalcheck.portal.shared.web;

import com.fasterxml.jackson.annotation.JsonProperty;
import de.digitalcheck.portal.shared.config.PortalSettings;
import de.digitalcheck.portal.shared.security.Tokens;
import io.micronaut.context.annotation.Value;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.cookie.Cookie;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.inject.Singleton;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Cross-site request forgery protection for every state-changing form: a signed double-submit token bound to the
 * session. The token is a random part and its HMAC (under a key derived from {@code SESSION_SECRET}) over the
 * random part and the request's session cookies (the staff session {@code JWT}, the company session
 * {@code company}); it lives in an HttpOnly, SameSite=Strict cookie — {@code __Host-csrf} where the portal runs on
 * https, so that no sibling subdomain can set it — and in a hidden form field. A form post is accepted only when
 * both are present, equal, and signed for the session the post arrives with: a token planted by another site, or
 * one taken from another session, is refused. {@link SameOriginFilter} refuses cross-site posts before that.
 */
@Singleton
public class Csrf {

    /** The cookie's name over http (development, tests); over https it is {@value #SECURE_COOKIE}. */
    public static final String COOKIE = "csrf";
    public static final String SECURE_COOKIE = "__Host-csrf";
    public static final String FIELD = "_csrf";
    static final String NEW_TOKEN = "portal.csrf.new";
    /** The cookies that make up a session, whose values a token is bound to. */
    static final List<String> SESSION_COOKIES = List.of("JWT", "company");
    private static final Pattern SHAPE = Pattern.compile("[A-Za-z0-9_-]{86}");

    private final SecretKeySpec key;
    private final String cookieName;

    Csrf(@Value("${micronaut.security.token.jwt.signatures.secret.generator.secret}") String secret,
         PortalSettings settings) {
        this.key = new SecretKeySpec(("csrf:" + secret).getBytes(StandardCharsets.UTF_8), "HmacSHA256");
        this.cookieName = settings.secureCookies() ? SECURE_COOKIE : COOKIE;
    }

    /** The name of the token's cookie. */
    public String cookieName() {
        return cookieName;
    }

    /** The token for the page being rendered: the cookie's if it is signed for this session, or a new one. */
    public String token(HttpRequest<?> request) {
        return cookie(request).orElseGet(() -> request.getAttribute(NEW_TOKEN, String.class).orElseGet(() -> {
            String random = Tokens.newToken();
            String token = random + sign(random, request);
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
     * {@code @Part(Csrf.FIELD)}), is the token of the request's cookie, signed for the request's session.
     */
    public void verify(HttpRequest<?> request, @Nullable String sent) {
        Optional<String> expected = cookie(request);
        if (sent == null || expected.isEmpty() || !MessageDigest.isEqual(
            sent.getBytes(StandardCharsets.UTF_8), expected.get().getBytes(StandardCharsets.UTF_8))) {
            throw new CsrfRejected();
        }
    }

    /** The cookie's token if it is well-formed and signed for the request's session. */
    private Optional<String> cookie(HttpRequest<?> request) {
        return request.getCookies().findCookie(cookieName).map(Cookie::getValue)
            .filter(t -> SHAPE.matcher(t).matches())
            .filter(t -> MessageDigest.isEqual(sign(t.substring(0, 43), request).getBytes(StandardCharsets.US_ASCII),
                t.substring(43).getBytes(StandardCharsets.US_ASCII)));
    }

    /** HMAC-SHA256 over the random part and the session cookies' values, URL-safe Base64 (43 characters). */
    private String sign(String random, HttpRequest<?> request) {
        StringBuilder session = new StringBuilder(random);
        for (String name : SESSION_COOKIES) {
            session.append('\n').append(name).append('=');
            request.getCookies().findCookie(name).ifPresent(c -> session.append(c.getValue()));
        }
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            return Base64.getUrlEncoder().withoutPadding()
                .encodeToString(mac.doFinal(session.toString().getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A form post without a valid token: refused, nothing changed. */
    public static class CsrfRejected extends RuntimeException {
        CsrfRejected() {
            super("form post without a valid CSRF token", null, false, false);
        }
    }
}
