package de.digitalcheck.portal.accounts.company.web;

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
 * The short session a magic link opens: a cookie holding the email and an expiry, signed (HMAC-SHA256) with the
 * portal's session secret, so that every replica can check it without shared state.
 */
@Singleton
class CompanySession {

    static final String COOKIE = "company";
    static final Duration LENGTH = Duration.ofHours(1);

    private final byte[] key;
    private final Cookies cookies;
    private final Clock clock;

    CompanySession(@Value("${micronaut.security.token.jwt.signatures.secret.generator.secret}") String secret,
                   Cookies cookies, Clock clock) {
        this.key = ("company-session:" + secret).getBytes(StandardCharsets.UTF_8);
        this.cookies = cookies;
        this.clock = clock;
    }

    Cookie open(String email) {
        long until = clock.instant().plus(LENGTH).getEpochSecond();
        String payload = Base64.getUrlEncoder().withoutPadding()
            .encodeToString((until + "|" + email).getBytes(StandardCharsets.UTF_8));
        return cookies.of(COOKIE, payload + "." + sign(payload), "/", SameSite.Strict).maxAge(LENGTH);
    }

    static Cookie close() {
        return Cookie.of(COOKIE, "").path("/").maxAge(0).httpOnly(true);
    }

    /** The email of a valid, unexpired session cookie. */
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
        if (bar <= 0) {
            return Optional.empty();
        }
        long until = Long.parseLong(decoded.substring(0, bar));
        return until > clock.instant().getEpochSecond() ? Optional.of(decoded.substring(bar + 1)) : Optional.empty();
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
