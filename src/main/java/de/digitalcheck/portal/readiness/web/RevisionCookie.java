package de.digitalcheck.portal.readiness.web;

import de.digitalcheck.portal.readiness.CheckPaths;
import de.digitalcheck.portal.readiness.internal.AssessmentRow;
import de.digitalcheck.portal.shared.web.Cookies;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.cookie.Cookie;
import io.micronaut.http.cookie.SameSite;
import jakarta.inject.Singleton;

import java.util.OptionalInt;

/**
 * The revision of a check that this browser last saw, in a cookie that only the check's own pages receive (its
 * path is the check's address). A question page asks for that revision, which this replica can serve from memory
 * when it knows it (see {@code readiness.CheckCache}). The value is a plain number: a browser that sends another
 * one only gets its check read from the database.
 */
@Singleton
class RevisionCookie {

    static final String NAME = "check_revision";

    private final Cookies cookies;

    RevisionCookie(Cookies cookies) {
        this.cookies = cookies;
    }

    /** The revision the request's browser last saw of its check, if it sent one. */
    OptionalInt of(HttpRequest<?> request) {
        String value = request.getCookies().findCookie(NAME).map(Cookie::getValue).orElse("");
        if (value.isEmpty() || value.length() > 9 || !value.chars().allMatch(c -> c >= '0' && c <= '9')) {
            return OptionalInt.empty();
        }
        return OptionalInt.of(Integer.parseInt(value));
    }

    /** {@code response}, telling the browser the check's current revision unless it sent that one. */
    <R extends MutableHttpResponse<?>> R keep(HttpRequest<?> request, R response, String token, AssessmentRow check) {
        OptionalInt seen = of(request);
        if (seen.isEmpty() || seen.getAsInt() != check.revision()) {
            response.cookie(cookies.of(NAME, Integer.toString(check.revision()), CheckPaths.resume(token), SameSite.Lax));
        }
        return response;
    }
}
