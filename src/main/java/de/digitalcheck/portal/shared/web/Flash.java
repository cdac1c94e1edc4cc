package de.digitalcheck.portal.shared.web;

import io.micronaut.context.annotation.Value;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.cookie.Cookie;
import io.micronaut.http.cookie.SameSite;
import jakarta.inject.Singleton;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.Optional;

/**
 * A one-time note from a form's post to the page its {@code 303} leads to ("the mail is on its way", "your data is
 * erased"): a cookie set with the redirect, for that page's path only, signed (HMAC-SHA256 with the portal's session
 * secret) over the page's path, the note and an expiry {@link #LENGTH} ahead, and cleared by the page that shows it.
 * A note in the page's address ({@code ?report=sent}) was shown to whoever opened a link crafted with it, though
 * nothing had happened, and again on every reload; the cookie is set only by the post that did it, and a reload finds
 * it gone. Signed so that a cookie set by anyone else (a sibling host, a plain-http answer on the way) shows nothing,
 * nor a note moved to another page.
 */
@Singleton
public class Flash {

    static final String COOKIE = "flash";
    /** Long enough for the redirect to be followed, short enough that a left-over note is not shown later. */
    static final Duration LENGTH = Duration.ofMinutes(2);

    private final SecretKeySpec key;
    private final Cookies cookies;
    private final Clock clock;

    Flash(@Value("${micronaut.security.token.jwt.signatures.secret.generator.secret}") String secret, Cookies cookies,
          Clock clock) {
        this.key = new SecretKeySpec(("flash:" + secret).getBytes(StandardCharsets.UTF_8), "HmacSHA256");
        this.cookies = cookies;
        this.clock = clock;
    }

    /**
     * Puts {@code note} on the redirect for the page at {@code path} (a path without query or fragment: the cookie's
     * path, and what the note is signed for).
     */
    public <T> MutableHttpResponse<T> put(MutableHttpResponse<T> redirect, String path, String note) {
        return put(redirect, path, note, SameSite.Strict);
    }

    private <T> MutableHttpResponse<T> put(MutableHttpResponse<T> redirect, String path, String note,
                                           SameSite sameSite) {
        long until = clock.instant().plus(LENGTH).getEpochSecond();
        String payload = Base64.getUrlEncoder().withoutPadding()
            .encodeToString((until + "|" + note).getBytes(StandardCharsets.UTF_8));
        return redirect.cookie(cookies.of(COOKIE, payload + "." + sign(path, payload), path, sameSite)
            .maxAge(LENGTH));
    }

    /**
     * The note of a save: the page says "Die Änderungen sind gespeichert." (a staff page's {@code saved} fragment). It
     * was {@code ?gespeichert} in the address, said on any link typed, bookmarked or sent with it, and on every reload.
     */
    public static final String SAVED = "saved";

    /**
     * The {@code 303} after a save, to {@code target} (a path, and a {@code #fragment} if any) with the {@link #SAVED}
     * note for that path.
     */
    public MutableHttpResponse<Object> saved(String target) {
        return redirect(target, SAVED);
    }

    /**
     * The {@code 303} to {@code target} (a path, and a query and a {@code #fragment} if any: a private link's token,
     * the element the page focuses) with {@code note} for that path — a post's "done" note, never a parameter in the
     * address. The note is for the path alone, as the page reads it ({@link HttpRequest#getPath()}).
     */
    public MutableHttpResponse<Object> redirect(String target, String note) {
        return put(HttpResponse.seeOther(URI.create(target)), pathOf(target), note);
    }

    /** The target's path: without its query and fragment. */
    static String pathOf(String target) {
        int end = target.length();
        for (char c : new char[] {'?', '#'}) {
            int at = target.indexOf(c);
            if (at >= 0 && at < end) {
                end = at;
            }
        }
        return target.substring(0, end);
    }

    /**
     * As {@link #redirect}, for a redirect that may be one of a chain a navigation from another site began: the sign-in
     * page after the sign-in provider's answer (a cancelled sign-in), or after a session ended on a link followed
     * from a web mail. The cookie is {@code SameSite=Lax}: Chromium sends no {@code Strict} cookie with a request of
     * such a chain, and the note was never shown. Signed, for the page's path and short-lived as any note: another site
     * can lead a browser to the page, but cannot make a note for it.
     */
    public MutableHttpResponse<Object> redirectAcrossSites(String target, String note) {
        return put(HttpResponse.seeOther(URI.create(target)), pathOf(target), note, SameSite.Lax);
    }

    /** Whether the post that led here left {@code note} ({@link #redirect}); the page then {@link #clear}s it. */
    public boolean is(HttpRequest<?> request, String note) {
        return note(request).filter(note::equals).isPresent();
    }

    /** Whether the post that led here saved something ({@link #saved(String)}); the page then {@link #clear}s it. */
    public boolean saved(HttpRequest<?> request) {
        return is(request, SAVED);
    }

    /** The note the post put on the redirect to this page, if it is the server's, for this page and not expired. */
    public Optional<String> note(HttpRequest<?> request) {
        return request.getCookies().findCookie(COOKIE).map(Cookie::getValue)
            .flatMap(value -> verify(request.getPath(), value));
    }

    /** Clears the note of this page (answered with the page that shows it: a reload shows it no more). */
    public <T> MutableHttpResponse<T> clear(HttpRequest<?> request, MutableHttpResponse<T> page) {
        return request.getCookies().findCookie(COOKIE).isPresent()
            ? page.cookie(cookies.of(COOKIE, "", request.getPath(), SameSite.Strict).maxAge(0)) : page;
    }

    private Optional<String> verify(String path, String value) {
        int dot = value.lastIndexOf('.');
        if (dot <= 0) {
            return Optional.empty();
        }
        String payload = value.substring(0, dot);
        if (!MessageDigest.isEqual(sign(path, payload).getBytes(StandardCharsets.US_ASCII),
            value.substring(dot + 1).getBytes(StandardCharsets.US_ASCII))) {
            return Optional.empty();
        }
        String decoded;
        try {
            decoded = new String(Base64.getUrlDecoder().decode(payload), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
        int bar = decoded.indexOf('|');
        if (bar <= 0) {
            return Optional.empty();
        }
        long until;
        try {
            until = Long.parseLong(decoded.substring(0, bar));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
        return until > clock.instant().getEpochSecond() ? Optional.of(decoded.substring(bar + 1)) : Optional.empty();
    }

    private String sign(String path, String payload) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            return Base64.getUrlEncoder().withoutPadding()
                .encodeToString(mac.doFinal((path + "\n" + payload).getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
