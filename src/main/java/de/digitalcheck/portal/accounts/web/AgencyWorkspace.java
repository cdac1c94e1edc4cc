package de.digitalcheck.portal.accounts.web;

import de.digitalcheck.portal.accounts.Invitations;
import de.digitalcheck.portal.accounts.Role;
import de.digitalcheck.portal.accounts.SignedIn;
import de.digitalcheck.portal.shared.mail.Mailer;
import de.digitalcheck.portal.routing.AgencyAdministration;
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
import io.micronaut.http.annotation.Part;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.multipart.CompletedFileUpload;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.views.ModelAndView;

import java.net.URI;
import java.util.Map;

/**
 * Agency staff: their own agency's profile (editable contact), coaches and team — never another agency's:
 * the agency comes from the signed session, not from the address.
 */
@Controller
@Secured("AGENCY_STAFF")
@ExecuteOn(TaskExecutors.BLOCKING)
@Produces(MediaType.TEXT_HTML)
class AgencyWorkspace {

    static final String PATH = "/agentur";
    static final String VIEW = "accounts/agency";

    private final WorkspaceViews views;
    private final AgencyAdministration agencies;
    private final Invitations invitations;
    private final Csrf csrf;

    AgencyWorkspace(WorkspaceViews views, AgencyAdministration agencies, Invitations invitations, Csrf csrf) {
        this.views = views;
        this.agencies = agencies;
        this.invitations = invitations;
        this.csrf = csrf;
    }

    @Get(PATH)
    ModelAndView<Map<String, Object>> overview(HttpRequest<?> request, Authentication authentication) {
        Map<String, Object> model = views.agency(SignedIn.of(authentication));
        model.put("saved", request.getParameters().contains("gespeichert"));
        model.put("coachInvited", request.getParameters().contains("eingeladen"));
        return new ModelAndView<>(VIEW, model);
    }

    /** Staff invite coaches into their own agency (never into another: the agency comes from the session). */
    @Post(PATH + "/coaches")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    HttpResponse<?> inviteCoach(HttpRequest<?> request, Authentication authentication, @Body @Nullable Map<String, String> body) {
        csrf.verify(request, body);
        SignedIn user = SignedIn.of(authentication);
        try {
            invitations.invite(body.get("email"), body.get("name"), Role.COACH.name(), user.agencyId());
            return HttpResponse.seeOther(URI.create(PATH + "?eingeladen#coaches-title"));
        } catch (ValidationException | Mailer.MailFailed e) {
            Map<String, Object> model = views.agency(user);
            model.put("coachErrors", views.messages().byField(PortalLocaleResolver.language(request),
                e instanceof ValidationException v ? v.errors()
                    : java.util.List.of(de.digitalcheck.portal.shared.validation.FieldError.of("email", "error.invite.mail"))));
            model.put("coachForm", body);
            return HttpResponse.status(e instanceof ValidationException ? HttpStatus.UNPROCESSABLE_ENTITY : HttpStatus.SERVICE_UNAVAILABLE)
                .contentType(MediaType.TEXT_HTML_TYPE).body(new ModelAndView<>(VIEW, model));
        }
    }

    @Post(PATH + "/profil")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    HttpResponse<?> updateProfile(HttpRequest<?> request, Authentication authentication,
                                  @Body @Nullable Map<String, String> body) {
        csrf.verify(request, body);
        SignedIn user = SignedIn.of(authentication);
        try {
            agencies.updateContact(user.agencyId(), body.get("email"), body.get("phone"), body.get("website"),
                body.get("address"));
            return HttpResponse.seeOther(URI.create(PATH + "?gespeichert"));
        } catch (ValidationException e) {
            Map<String, Object> model = views.agency(user);
            model.put("errors", views.messages().byField(PortalLocaleResolver.language(request), e.errors()));
            model.put("values", body);
            return HttpResponse.status(HttpStatus.UNPROCESSABLE_ENTITY).contentType(MediaType.TEXT_HTML_TYPE)
                .body(new ModelAndView<>(VIEW, model));
        }
    }

    @Post(PATH + "/logo")
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    HttpResponse<?> uploadLogo(HttpRequest<?> request, Authentication authentication,
                               @Part(Csrf.FIELD) @Nullable String token, @Part("logo") @Nullable CompletedFileUpload logo) {
        csrf.verifyField(request, token);
        SignedIn user = SignedIn.of(authentication);
        try {
            agencies.setLogo(user.agencyId(), LogoUpload.bytes(logo));
            return HttpResponse.seeOther(URI.create(PATH + "?gespeichert#logo-title"));
        } catch (ValidationException e) {
            Map<String, Object> model = views.agency(user);
            model.put("logoError", views.messages().byField(PortalLocaleResolver.language(request), e.errors()).get("logo"));
            return HttpResponse.status(HttpStatus.UNPROCESSABLE_ENTITY).contentType(MediaType.TEXT_HTML_TYPE)
                .body(new ModelAndView<>(VIEW, model));
        }
    }

    @Post(PATH + "/logo/entfernen")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    HttpResponse<?> removeLogo(HttpRequest<?> request, Authentication authentication, @Body @Nullable Map<String, String> body) {
        csrf.verify(request, body);
        agencies.removeLogo(SignedIn.of(authentication).agencyId());
        return HttpResponse.seeOther(URI.create(PATH + "?gespeichert#logo-title"));
    }
}
