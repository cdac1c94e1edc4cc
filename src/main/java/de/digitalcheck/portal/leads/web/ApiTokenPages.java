package de.digitalcheck.portal.leads.web;

import de.digitalcheck.portal.leads.internal.AccessTokens;
import de.digitalcheck.portal.shared.i18n.Language;
import de.digitalcheck.portal.shared.i18n.Messages;
import de.digitalcheck.portal.shared.security.SignedIn;
import de.digitalcheck.portal.shared.time.PortalTime;
import de.digitalcheck.portal.shared.validation.ValidationException;
import de.digitalcheck.portal.shared.web.Choice;
import de.digitalcheck.portal.shared.web.Csrf;
import de.digitalcheck.portal.shared.web.Flash;
import de.digitalcheck.portal.shared.web.ErrorLink;
import de.digitalcheck.portal.shared.web.PortalLocaleResolver;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Consumes;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Produces;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.views.ModelAndView;

import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Agency staff's personal access tokens for the agency API: create one (name and last valid day, at most a year
 * ahead; the token is shown once, in the answer to the post), see the agency's tokens with their creator, expiry and
 * last use, and revoke any of them. Another agency's token: {@code 404}.
 */
@Controller
@Secured("AGENCY_STAFF")
@ExecuteOn(TaskExecutors.BLOCKING)
@Produces(MediaType.TEXT_HTML)
class ApiTokenPages {

    static final String PATH = "/agentur/api-zugaenge";
    static final String VIEW = "leads/tokens";

    private final AccessTokens tokens;
    private final Messages messages;
    private final Csrf csrf;
    private final Clock clock;
    private final Flash flash;

    ApiTokenPages(AccessTokens tokens, Messages messages, Csrf csrf, Clock clock, Flash flash) {
        this.flash = flash;
        this.tokens = tokens;
        this.messages = messages;
        this.csrf = csrf;
        this.clock = clock;
    }

    @Get(PATH)
    HttpResponse<ModelAndView<Map<String, Object>>> page(HttpRequest<?> request, Authentication authentication) {
        Map<String, Object> model = model(request, SignedIn.of(authentication), TokenForm.EMPTY, Map.of(), null);
        // right after a token was revoked (the post's Flash note, once; "?widerrufen" said so for any link): the note
        // that it is saved, focused
        model.put("saved", flash.saved(request));
        return flash.clear(request, HttpResponse.ok(new ModelAndView<>(VIEW, model)));
    }

    @Post(PATH)
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    HttpResponse<?> create(HttpRequest<?> request, Authentication authentication, @Body @Nullable TokenForm body) {
        csrf.verify(request, body);
        SignedIn user = SignedIn.of(authentication);
        TokenForm form = Objects.requireNonNullElse(body, TokenForm.EMPTY);
        try {
            AccessTokens.Created created = tokens.create(user.agencyId(), user.accountId(), user.name(), form.name(),
                form.expires(), form.access(), form.formKey());
            return HttpResponse.ok(new ModelAndView<>(VIEW, model(request, user, TokenForm.EMPTY, Map.of(), created)))
                .header("Cache-Control", "no-store");
        } catch (ValidationException e) {
            Map<String, String> errors = messages.byField(PortalLocaleResolver.language(request), e.errors());
            // the same form again (its key kept): corrected and sent, it still makes one token
            Map<String, Object> model = model(request, user, form, errors, null);
            if (form.formKey() != null) {
                model.put("formKey", form.formKey());
            }
            return HttpResponse.status(HttpStatus.UNPROCESSABLE_ENTITY).contentType(MediaType.TEXT_HTML_TYPE)
                .body(new ModelAndView<>(VIEW, model));
        } catch (AccessTokens.AlreadyCreated e) {
            // a second post of one form (a double click, a reload of the page that showed the token): nothing made
            Map<String, Object> model = model(request, user, TokenForm.EMPTY, Map.of(), null);
            model.put("alreadyCreated", e.token().name());
            return HttpResponse.status(HttpStatus.CONFLICT).contentType(MediaType.TEXT_HTML_TYPE)
                .body(new ModelAndView<>(VIEW, model));
        }
    }

    @Post(PATH + "/{id}/widerrufen")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    HttpResponse<?> revoke(HttpRequest<?> request, Authentication authentication, @PathVariable String id,
                           @Body @Nullable Csrf.TokenForm button) {
        csrf.verify(request, button);
        tokens.revoke(SignedIn.of(authentication).agencyId(), id);
        return flash.saved(PATH + "#saved");
    }

    private Map<String, Object> model(HttpRequest<?> request, SignedIn user, TokenForm form, Map<String, String> errors,
                                      @Nullable AccessTokens.Created created) {
        Map<String, Object> model = new HashMap<>();
        Language language = PortalLocaleResolver.language(request);
        model.put("accessChoices", AccessTokens.ACCESS.stream()
            .map(a -> new Choice(a, messages.get(language, "tokens.access." + a))).toList());
        model.put("tokens", tokens.ofAgency(user.agencyId()));
        model.put("holderGone", tokens.withoutActiveHolder(user.agencyId()));
        model.put("now", clock.instant());
        model.put("form", form);
        model.put("nameError", errors.get("name"));
        model.put("expiresError", errors.get("expires"));
        model.put("accessError", errors.get("access"));
        List<ErrorLink> links = new ArrayList<>();
        if (errors.containsKey("name")) {
            links.add(new ErrorLink("#token-name", errors.get("name")));
        }
        if (errors.containsKey("expires")) {
            links.add(new ErrorLink("#token-expires", errors.get("expires")));
        }
        if (errors.containsKey("access")) { // the first choice takes the focus, as a field would
            links.add(new ErrorLink("#token-access-" + AccessTokens.READ, errors.get("access")));
        }
        model.put("errorLinks", links);
        model.put("created", created);
        model.put("formKey", AccessTokens.newFormKey());
        model.put("alreadyCreated", null);
        model.put("latest", AccessTokens.latest(PortalTime.today(clock)).toString());
        return model;
    }
}
