package de.digitalcheck.portal.accounts.web;

import de.digitalcheck.portal.shared.web.Csrf;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Consumes;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.cookie.Cookie;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;

import java.net.URI;
import java.util.Map;

/** Signing out: a form post (with CSRF token) that ends the session cookie. */
@Controller
@Secured(SecurityRule.IS_ANONYMOUS)
class SignOut {

    static final String SESSION_COOKIE = "JWT";

    private final Csrf csrf;

    SignOut(Csrf csrf) {
        this.csrf = csrf;
    }

    @Post("/abmelden")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    HttpResponse<?> signOut(HttpRequest<?> request, @Body @Nullable Map<String, String> body) {
        csrf.verify(request, body);
        return HttpResponse.seeOther(URI.create("/")).cookie(Cookie.of(SESSION_COOKIE, "").path("/").maxAge(0).httpOnly(true));
    }
}
