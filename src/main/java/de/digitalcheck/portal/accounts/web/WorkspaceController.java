package de.digitalcheck.portal.accounts.web;

import de.digitalcheck.portal.shared.security.SignedIn;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.rules.SecurityRule;

import java.net.URI;

/** After sign-in: each role to its own workspace. */
@Controller
@Secured(SecurityRule.IS_AUTHENTICATED)
class WorkspaceController {

    static final String PATH = "/workspace";

    @Get(PATH)
    HttpResponse<?> workspace(Authentication authentication) {
        return HttpResponse.seeOther(URI.create(SignedIn.of(authentication).role().workspacePath()));
    }
}
