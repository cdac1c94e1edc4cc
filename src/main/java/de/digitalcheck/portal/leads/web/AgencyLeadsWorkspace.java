package de.digitalcheck.portal.leads.web;

import de.digitalcheck.portal.leads.internal.LeadPaths;
import de.digitalcheck.portal.leads.internal.LeadRow;
import de.digitalcheck.portal.leads.internal.Webhooks;
import de.digitalcheck.portal.shared.i18n.Messages;
import de.digitalcheck.portal.shared.security.SignedIn;
import de.digitalcheck.portal.shared.validation.ValidationException;
import de.digitalcheck.portal.shared.web.Csrf;
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

import java.net.URI;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Agency staff: their own agency's leads with each lead's delivery log, and the webhook settings (address, secret
 * rotation, test event, the agency's delivery log). The agency comes from the signed session, never from the address:
 * another agency's lead is not found (404).
 */
@Controller
@Secured("AGENCY_STAFF")
@ExecuteOn(TaskExecutors.BLOCKING)
@Produces(MediaType.TEXT_HTML)
class AgencyLeadsWorkspace {

    static final String VIEW = "leads/agency-leads";
    static final String LEAD_VIEW = "leads/lead";

    private final Webhooks webhooks;
    private final Messages messages;
    private final Csrf csrf;

    AgencyLeadsWorkspace(Webhooks webhooks, Messages messages, Csrf csrf) {
        this.webhooks = webhooks;
        this.messages = messages;
        this.csrf = csrf;
    }

    @Get(LeadPaths.LEADS)
    ModelAndView<Map<String, Object>> leads(HttpRequest<?> request, Authentication authentication) {
        Map<String, Object> model = model(SignedIn.of(authentication), WebhookForm.EMPTY, Map.of());
        model.put("testSent", request.getParameters().get("test"));
        return new ModelAndView<>(VIEW, model);
    }

    @Get(LeadPaths.LEADS + "/{id}")
    ModelAndView<Map<String, Object>> lead(Authentication authentication, @PathVariable String id) {
        Webhooks.LeadWithLog found = webhooks.lead(SignedIn.of(authentication).agencyId(), id);
        Map<String, Object> model = new HashMap<>();
        model.put("lead", found.lead());
        model.put("deliveries", found.deliveries());
        model.put("dates", LeadDates.INSTANCE);
        return new ModelAndView<>(LEAD_VIEW, model);
    }

    @Post(LeadPaths.WEBHOOK)
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    HttpResponse<?> setUrl(HttpRequest<?> request, Authentication authentication, @Body @Nullable WebhookForm body) {
        csrf.verify(request, body);
        SignedIn user = SignedIn.of(authentication);
        WebhookForm form = Objects.requireNonNullElse(body, WebhookForm.EMPTY);
        try {
            return webhooks.setUrl(user.agencyId(), form.url())
                .<HttpResponse<?>>map(secret -> withSecret(user, secret, false))
                .orElseGet(() -> HttpResponse.seeOther(URI.create(LeadPaths.LEADS + "#webhook-title")));
        } catch (ValidationException e) {
            return HttpResponse.status(HttpStatus.UNPROCESSABLE_ENTITY).contentType(MediaType.TEXT_HTML_TYPE)
                .body(new ModelAndView<>(VIEW, model(user, form,
                    messages.byField(PortalLocaleResolver.language(request), e.errors()))));
        }
    }

    @Post(LeadPaths.WEBHOOK + "/rotieren")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    HttpResponse<?> rotate(HttpRequest<?> request, Authentication authentication, @Body @Nullable Csrf.TokenForm button) {
        csrf.verify(request, button);
        SignedIn user = SignedIn.of(authentication);
        return withSecret(user, webhooks.rotate(user.agencyId()), true);
    }

    @Post(LeadPaths.WEBHOOK + "/test")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    HttpResponse<?> test(HttpRequest<?> request, Authentication authentication, @Body @Nullable Csrf.TokenForm button) {
        csrf.verify(request, button);
        String id = webhooks.sendTest(SignedIn.of(authentication).agencyId());
        return HttpResponse.seeOther(URI.create(LeadPaths.LEADS + "?test=" + id + "#webhook-title"));
    }

    @Post(LeadPaths.WEBHOOK + "/entfernen")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    HttpResponse<?> remove(HttpRequest<?> request, Authentication authentication, @Body @Nullable Csrf.TokenForm button) {
        csrf.verify(request, button);
        webhooks.remove(SignedIn.of(authentication).agencyId());
        return HttpResponse.seeOther(URI.create(LeadPaths.LEADS + "#webhook-title"));
    }

    /** The secret is shown once, in the answer to the post that made it (never in an address or a log). */
    private HttpResponse<?> withSecret(SignedIn user, String secret, boolean rotated) {
        Map<String, Object> model = model(user, WebhookForm.EMPTY, Map.of());
        model.put("secret", secret);
        model.put("rotated", rotated);
        return HttpResponse.ok(new ModelAndView<>(VIEW, model)).header("Cache-Control", "no-store");
    }

    private Map<String, Object> model(SignedIn user, WebhookForm form, Map<String, String> errors) {
        Map<String, Object> model = new HashMap<>();
        List<LeadRow> leads = webhooks.leads(user.agencyId());
        model.put("leads", leads);
        var endpoint = webhooks.endpoint(user.agencyId()).orElse(null);
        model.put("endpoint", endpoint);
        boolean untyped = form.url() == null || form.url().isEmpty();
        model.put("form", untyped && endpoint != null ? new WebhookForm(endpoint.url(), null) : form);
        model.put("urlError", errors.get("url"));
        model.put("errorLinks", errors.isEmpty() ? List.of() : List.of(new ErrorLink("#webhook-url", errors.get("url"))));
        model.put("deliveries", webhooks.log(user.agencyId()));
        model.put("secret", null);
        model.put("testSent", null);
        model.put("dates", LeadDates.INSTANCE);
        return model;
    }

    record ErrorLink(String anchor, String message) {
    }
}
