package de.digitalcheck.portal.accounts.company.web;

import de.digitalcheck.portal.accounts.company.CompanyAccess;
import de.digitalcheck.portal.shared.web.Cookies;
import io.micronaut.context.annotation.Value;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.cookie.Cookie;
import io.micronaut.http.cookie.SameSite;
import jakarta.inject.Singleton;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.Optional;

/**
 * The short session a magic link opens: a cookie holding the email, the link ({@link CompanyAccess#sessionOf}) and an
 * expiry, signed (HMAC-SHA256) with the portal's session secret. Valid while its link is stored
 * ({@link CompanyAccess#stillOpen}): erasing the address deletes its links and so ends its sessions everywhere — the
 * signature alone kept a session open after its data was erased, to anyone who still had the cookie.
 */
@Singleton
class CompanySession {

    static final String COOKIE = "company";
    static final Duration LENGTH = Duration.ofHours(1);

    private final byte[] key;
    private final Cookies cookies;
    private final Clock clock;
    private final CompanyAccess access;

    CompanySession(@Value("${micronaut.security.token.jwt.signatures.secret.generator.secret}") String secret,
                   Cookies cookies, Clock clock, CompanyAccess access) {
        this.key = ("company-session:" + secret).getBytes(StandardCharsets.UTF_8);
        this.cookies = cookies;
        this.clock = clock;
        this.access = access;
    }

    /** The session the link {@code session} ({@link CompanyAccess#sessionOf}) opened for {@code email}. */
    Cookie open(String email, String session) {
        long until = clock.instant().plus(LENGTH).getEpochSecond();
        String payload = Base64.getUrlEncoder().withoutPadding()
            .encodeToString((until + "|" + session + "|" + email).getBytes(StandardCharsets.UTF_8));
        return cookies.of(COOKIE, payload + "." + sign(payload), "/", SameSite.Strict).maxAge(LENGTH);
    }

    static Cookie close() {
        return Cookie.of(COOKIE, "").path("/").maxAge(0).httpOnly(true);
    }

    /** The email of a valid, unexpired session cookie whose link still stands (its address not erased since). */
    Optional<String> email(HttpRequest<?> request) {
        return request.getCookies().findCookie(COOKIE).map(Cookie::getValue).flatMap(this::verify);
    }

    private Optional<String> verify(String value) {
        int dot = value.lastIndexOf('.');
        if (dot <= 0) {
            return Optional.empty();
        }
        String payload = value.substring(0, dot);
        byte[] expected = sign(payload).getBytes(StandardCharsets.US_ASCII);
        if (!MessageDigest.isEqual(expected, value.substring(dot + 1).getBytes(StandardCharsets.US_ASCII))) {
            return Optional.empty();
        }
        String decoded;
        try {
            decoded = new String(Base64.getUrlDecoder().decode(payload), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
        int bar = decoded.indexOf('|');
        int second = decoded.indexOf('|', bar + 1);
        if (bar <= 0 || second <= bar + 1) {
            return Optional.empty(); // also a cookie of before sessions named their link: signed in again
        }
        long until = Long.parseLong(decoded.substring(0, bar));
        String session = decoded.substring(bar + 1, second);
        String email = decoded.substring(second + 1);
        return until > clock.instant().getEpochSecond() && access.stillOpen(session, email) ? Optional.of(email)
            : Optional.empty();
    }

    private String sign(String payload) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(mac.doFinal(payload.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
