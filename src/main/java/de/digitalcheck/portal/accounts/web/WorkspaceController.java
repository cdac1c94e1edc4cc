package de.digitalcheck.portal.accounts.web;

import de.digitalcheck.portal.shared.security.SignedIn;
import de.digitalcheck.portal.shared.web.SignInReturn;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.rules.SecurityRule;

import java.net.URI;

/**
 * After sign-in: each role to its own workspace, or to the page of it that the person asked for before they had to
 * sign in ({@link SignInReturn}).
 */
@Controller
@Secured(SecurityRule.IS_AUTHENTICATED)
class WorkspaceController {

    static final String PATH = "/workspace";

    private final SignInReturn signInReturn;

    WorkspaceController(SignInReturn signInReturn) {
        this.signInReturn = signInReturn;
    }

    @Get(PATH)
    HttpResponse<?> workspace(HttpRequest<?> request, Authentication authentication) {
        String workspace = SignedIn.of(authentication).role().workspacePath();
        MutableHttpResponse<?> response = HttpResponse.seeOther(URI.create(
            signInReturn.target(request, workspace).orElse(workspace)));
        if (signInReturn.present(request)) {
            response.cookie(signInReturn.forget());
        }
        return response;
    }
}
