package de.digitalcheck.portal.routing.web;

import de.digitalcheck.portal.routing.Agencies;
import de.digitalcheck.portal.routing.AgencyMember;
import de.digitalcheck.portal.routing.PostalCodeDirectory;
import de.digitalcheck.portal.routing.Agency;
import de.digitalcheck.portal.routing.AgencyAdministration;
import de.digitalcheck.portal.routing.AgencyCoaches;
import de.digitalcheck.portal.routing.AgencyProfile;
import de.digitalcheck.portal.routing.AgencyTeam;
import de.digitalcheck.portal.routing.StaleAgency;
import de.digitalcheck.portal.shared.i18n.Language;
import de.digitalcheck.portal.shared.web.Choice;
import de.digitalcheck.portal.shared.web.StaleField;
import de.digitalcheck.portal.shared.i18n.Messages;
import de.digitalcheck.portal.shared.security.SignedIn;
import de.digitalcheck.portal.shared.validation.FieldError;
import de.digitalcheck.portal.shared.validation.FormValidation;
import de.digitalcheck.portal.shared.validation.ValidationException;
import de.digitalcheck.portal.shared.web.Csrf;
import de.digitalcheck.portal.shared.web.Flash;
import de.digitalcheck.portal.shared.web.ErrorLink;
import de.digitalcheck.portal.shared.web.PortalLocaleResolver;
import de.digitalcheck.portal.shared.web.Uploads;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Consumes;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Error;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Part;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Produces;
import io.micronaut.core.convert.exceptions.ConversionErrorException;
import io.micronaut.http.exceptions.ContentLengthExceededException;
import io.micronaut.web.router.exceptions.UnsatisfiedRouteException;
import io.micronaut.http.multipart.CompletedFileUpload;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.views.ModelAndView;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Agency staff: their own agency's profile (editable contact and logo), coaches and team — never another agency's:
 * the agency comes from the signed session, not from the address. Coaches and team come from the modules that keep
 * them ({@link AgencyCoaches}, {@link AgencyTeam}).
 */
@Controller
@Secured("AGENCY_STAFF")
@ExecuteOn(TaskExecutors.BLOCKING)
@Produces(MediaType.TEXT_HTML)
class AgencyWorkspace {

    static final String PATH = "/agentur";
    static final String VIEW = "routing/agency";
    /** The contact form's fields, in the page's order. */
    static final List<String> CONTACT_FIELDS = List.of("email", "phone", "website", "address", "leadEmail");
    /** The page's notes ({@link Flash}) after a post: the logo saved or removed, a coach invited, a team change. */
    static final String LOGO_SAVED = "logo";
    static final String COACH_INVITED = "coach-invited";
    static final String TEAM_CHANGED = "team";
    /** A team change that took a person's access away: the note carries their account id ({@code locked:<id>}). */
    static final String LOCKED = "locked:";

    private final Agencies agencies;
    private final AgencyAdministration administration;
    private final AgencyTeam team;
    private final AgencyCoaches coaches;
    private final Messages messages;
    private final Csrf csrf;
    private final FormValidation validation;
    private final PostalCodeDirectory directory;
    private final Flash flash;

    AgencyWorkspace(Agencies agencies, AgencyAdministration administration, AgencyTeam team, AgencyCoaches coaches,
                    Messages messages, Csrf csrf, FormValidation validation, PostalCodeDirectory directory,
                    Flash flash) {
        this.flash = flash;
        this.directory = directory;
        this.agencies = agencies;
        this.administration = administration;
        this.team = team;
        this.coaches = coaches;
        this.messages = messages;
        this.csrf = csrf;
        this.validation = validation;
    }

    @Get(PATH)
    HttpResponse<ModelAndView<Map<String, Object>>> overview(HttpRequest<?> request, Authentication authentication) {
        Map<String, Object> model = model(SignedIn.of(authentication), request);
        // each note once, after the post that did it (Flash): never from the address, which any link can carry
        String note = flash.note(request).orElse("");
        model.put("saved", Flash.SAVED.equals(note));
        model.put("logoSaved", LOGO_SAVED.equals(note));
        model.put("coachInvited", COACH_INVITED.equals(note));
        model.put("teamChanged", TEAM_CHANGED.equals(note) || note.startsWith(LOCKED));
        model.put("disabledWithAppointments",
            disabledWithAppointments(model, note.startsWith(LOCKED) ? note.substring(LOCKED.length()) : null));
        return flash.clear(request, HttpResponse.ok(new ModelAndView<>(VIEW, model)));
    }

    /** Staff invite coaches into their own agency (never into another: the agency comes from the session). */
    @Post(PATH + "/coaches")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    HttpResponse<?> inviteCoach(HttpRequest<?> request, Authentication authentication,
                                @Body @Nullable CoachInviteForm body) {
        csrf.verify(request, body);
        SignedIn user = SignedIn.of(authentication);
        CoachInviteForm form = Objects.requireNonNullElse(body, CoachInviteForm.EMPTY);
        try {
            team.inviteCoach(user.agencyId(), form.email(), form.name(), form.language(), validation.errors(form));
            return flash.redirect(PATH + "#coach-invited", COACH_INVITED);
        } catch (ValidationException e) {
            Map<String, Object> model = model(user, request);
            Language lang = PortalLocaleResolver.language(request);
            Map<String, String> coachErrors = messages.byField(lang, e.errors());
            model.put("coachErrors", coachErrors);
            model.put("coachForm", form);
            Map<String, String> labels = new java.util.LinkedHashMap<>(); // the form's order
            labels.put("email", messages.get(lang, "admin.email"));
            labels.put("name", messages.get(lang, "admin.name"));
            labels.put("language", messages.get(lang, "invite.language"));
            model.put("errorLinks", ErrorLink.toFirstOption(ErrorLink.summary(coachErrors, labels, "#coach-",
                "#coach-email"), "#coach-language", "coach-language-", Choice.invitationLanguages(messages, lang)));
            return page(HttpStatus.UNPROCESSABLE_ENTITY, model);
        }
    }

    @Post(PATH + "/profil")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    HttpResponse<?> updateProfile(HttpRequest<?> request, Authentication authentication,
                                  @Body @Nullable ContactForm body) {
        csrf.verify(request, body);
        SignedIn user = SignedIn.of(authentication);
        ContactForm form = Objects.requireNonNullElse(body, ContactForm.EMPTY);
        List<FieldError> errors = validation.errors(form);
        if (!errors.isEmpty()) {
            Map<String, Object> model = model(user, request);
            Language lang = PortalLocaleResolver.language(request);
            Map<String, String> byField = messages.byField(lang, errors);
            model.put("errors", byField);
            model.put("values", form.values());
            Map<String, String> labels = new java.util.LinkedHashMap<>(); // the form's order
            CONTACT_FIELDS.forEach(f -> labels.put(f, messages.get(lang, "agency.field." + f)));
            model.put("errorLinks", ErrorLink.summary(byField, labels, "#agency-", "#agency-email"));
            model.put("stamp", form.version()); // still the values the form was read with
            return page(HttpStatus.UNPROCESSABLE_ENTITY, model);
        }
        try {
            // contact and lead address (leads, issue 12) in one transaction, unless changed since the form was read
            administration.updateContact(user.agencyId(), form.email(), form.phone(), form.website(), form.address(),
                form.leadEmail(), form.version());
        } catch (StaleAgency e) {
            // what is saved now beside what was typed, which saving again keeps
            Language lang = PortalLocaleResolver.language(request);
            List<StaleField> changed = StaleField.of(contactValues(e.current()), form.values(),
                field -> messages.get(lang, "agency.field." + field));
            if (changed.isEmpty()) {
                return flash.saved(PATH); // saved as typed already
            }
            Map<String, Object> model = model(user, request);
            model.put("values", form.values());
            model.put("stale", changed);
            return page(HttpStatus.CONFLICT, model);
        }
        return flash.saved(PATH);
    }

    @Post(PATH + "/logo")
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    HttpResponse<?> uploadLogo(HttpRequest<?> request, Authentication authentication,
                               @Part(Csrf.FIELD) @Nullable String token, @Part("logo") @Nullable CompletedFileUpload logo) {
        csrf.verify(request, token);
        SignedIn user = SignedIn.of(authentication);
        try {
            administration.setLogo(user.agencyId(), Uploads.bytes(logo));
            return flash.redirect(PATH + "#logo-saved", LOGO_SAVED);
        } catch (ValidationException e) {
            return logoRefused(request, user, e, HttpStatus.UNPROCESSABLE_ENTITY);
        }
    }

    /**
     * A logo above the request size limit ({@code micronaut.server.max-request-size}) never reaches
     * {@link #uploadLogo}: its form comes back with the same field error as a file between the logo limit and that
     * one, as on the admin's agency page (nothing stored; the limit itself stays). Other requests of this controller
     * get the generic page.
     */
    @Error(exception = ContentLengthExceededException.class)
    HttpResponse<?> tooLarge(HttpRequest<?> request) {
        java.util.Optional<Authentication> authentication = request.getUserPrincipal(Authentication.class);
        if (Uploads.postedTo(request, PATH + "/logo").isPresent() && authentication.isPresent()) {
            return logoRefused(request, SignedIn.of(authentication.get()), AgencyAdministration.logoTooLarge(),
                HttpStatus.REQUEST_ENTITY_TOO_LARGE);
        }
        return HttpResponse.status(HttpStatus.REQUEST_ENTITY_TOO_LARGE); // the generic page (ErrorPages)
    }

    /**
     * A multipart post whose {@code logo} part is a plain form field instead of a file cannot be bound to
     * {@link #uploadLogo}: its form comes back with the logo's field error, as without a file (nothing stored), not
     * the generic "bad request" page. Other requests of this controller that cannot be bound get the generic page.
     */
    @Error(exception = ConversionErrorException.class)
    HttpResponse<?> notConverted(HttpRequest<?> request) {
        return logoNotAFile(request);
    }

    @Error(exception = UnsatisfiedRouteException.class)
    HttpResponse<?> unsatisfied(HttpRequest<?> request) {
        return logoNotAFile(request);
    }

    private HttpResponse<?> logoNotAFile(HttpRequest<?> request) {
        java.util.Optional<Authentication> authentication = request.getUserPrincipal(Authentication.class);
        if (Uploads.postedTo(request, PATH + "/logo").isPresent() && authentication.isPresent()) {
            return logoRefused(request, SignedIn.of(authentication.get()), AgencyAdministration.logoMissing(),
                HttpStatus.UNPROCESSABLE_ENTITY);
        }
        return HttpResponse.status(HttpStatus.BAD_REQUEST); // the generic page (ErrorPages)
    }

    /** The workspace again with the logo's field error. */
    private HttpResponse<?> logoRefused(HttpRequest<?> request, SignedIn user, ValidationException e, HttpStatus status) {
        Map<String, Object> model = model(user, request);
        Language lang = PortalLocaleResolver.language(request);
        String error = messages.byField(lang, e.errors()).get("logo");
        model.put("logoError", error);
        model.put("errorLinks", List.of(new ErrorLink("#logo-file", messages.get(lang, "logo.file") + ": " + error)));
        return page(status, model);
    }

    @Post(PATH + "/logo/entfernen")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    HttpResponse<?> removeLogo(HttpRequest<?> request, Authentication authentication,
                               @Body @Nullable Csrf.TokenForm button) {
        csrf.verify(request, button);
        administration.removeLogo(SignedIn.of(authentication).agencyId());
        return flash.redirect(PATH + "#logo-saved", LOGO_SAVED);
    }

    /**
     * Staff take access away from their own team and give it back (never another agency's: the agency comes from the
     * session, and a person of another agency is not found); the person's session ends at its next request. Nobody
     * disables themselves here, and access a network admin took away only a network admin gives back or withdraws
     * (409, the page says so).
     */
    @Post(PATH + "/team/{id}/sperren")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    HttpResponse<?> disable(HttpRequest<?> request, Authentication authentication, @PathVariable("id") String accountId,
                            @Body @Nullable Csrf.TokenForm button) {
        return changeAccess(request, authentication, accountId, button, user -> team.setDisabled(user.agencyId(), accountId, true),
            LOCKED + accountId);
    }

    @Post(PATH + "/team/{id}/freigeben")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    HttpResponse<?> enable(HttpRequest<?> request, Authentication authentication, @PathVariable("id") String accountId,
                           @Body @Nullable Csrf.TokenForm button) {
        return changeAccess(request, authentication, accountId, button, user -> team.setDisabled(user.agencyId(), accountId, false),
            TEAM_CHANGED);
    }

    @Post(PATH + "/team/{id}/zurueckziehen")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    HttpResponse<?> withdraw(HttpRequest<?> request, Authentication authentication, @PathVariable("id") String accountId,
                             @Body @Nullable Csrf.TokenForm button) {
        return changeAccess(request, authentication, accountId, button, user -> team.withdrawInvitation(user.agencyId(), accountId),
            TEAM_CHANGED);
    }

    /**
     * A change of a person's access; refused (409, the team as it is now saying why, nothing changed) for the staff's
     * own access, for a person a network admin disabled, and for an invitation used since the page was read (the
     * person signed in meanwhile: it was a 404 "page not found" for a person who is right there in the team). Done, the
     * team with the {@code done} note ({@link Flash}).
     */
    private HttpResponse<?> changeAccess(HttpRequest<?> request, Authentication authentication, String accountId,
                                         @Nullable Csrf.TokenForm button,
                                         java.util.function.Function<SignedIn, AgencyTeam.Access> change,
                                         String done) {
        csrf.verify(request, button);
        SignedIn user = SignedIn.of(authentication);
        if (accountId.equals(user.accountId())) {
            Map<String, Object> model = model(user, request);
            model.put("ownRefused", true);
            return page(HttpStatus.CONFLICT, model);
        }
        AgencyTeam.Access access;
        try {
            access = change.apply(user);
        } catch (ValidationException e) {
            // refused by another module (a coach with appointments to come): its message above the team, nothing changed
            Map<String, Object> model = model(user, request);
            model.put("accessRefused", String.join(" ",
                messages.byField(PortalLocaleResolver.language(request), e.errors()).values()));
            return page(HttpStatus.CONFLICT, model);
        }
        if (access != AgencyTeam.Access.CHANGED) {
            Map<String, Object> model = model(user, request);
            @SuppressWarnings("unchecked")
            List<AgencyMember> members = (List<AgencyMember>) model.get("members");
            String name = members.stream().filter(m -> m.accountId().equals(accountId))
                .map(AgencyMember::name).findFirst().orElse("");
            model.put(access == AgencyTeam.Access.INVITATION_USED ? "invitationUsed" : "networkRefused", name);
            return page(HttpStatus.CONFLICT, model);
        }
        return flash.redirect(PATH + "#team-changed", done);
    }

    /**
     * After a coach's access was taken away (the {@link #LOCKED} note with their id): the coach's name and their appointments still
     * to come, which stay with the agency (the types page lists them) — null when the id is no disabled coach of this
     * agency's team (another agency's, made up, given access again since) or nothing is to come.
     */
    private @Nullable Map<String, Object> disabledWithAppointments(Map<String, Object> model, @Nullable String accountId) {
        if (accountId == null) {
            return null;
        }
        @SuppressWarnings("unchecked")
        List<AgencyMember> members = (List<AgencyMember>) model.get("members");
        Agency agency = (Agency) model.get("agency");
        return members.stream()
            .filter(m -> m.accountId().equals(accountId) && m.disabled() && "COACH".equals(m.role()))
            .findFirst()
            .map(m -> Map.<String, Object>of("name", m.name(), "count", coaches.appointmentsToCome(m.accountId(), agency.id())))
            .filter(m -> ((Long) m.get("count")) > 0)
            .orElse(null);
    }

    private Map<String, Object> model(SignedIn user, HttpRequest<?> request) {
        Agency agency = agencies.require(user.agencyId());
        Map<String, Object> model = new HashMap<>();
        Language lang = PortalLocaleResolver.language(request);
        model.put("languages", Choice.invitationLanguages(messages, lang)); // a coach's invitation
        model.put("errors", Map.of());
        model.put("saved", false);
        model.put("logoSaved", false);
        model.put("coachInvited", false);
        model.put("coachErrors", Map.of());
        model.put("coachForm", CoachInviteForm.EMPTY);
        model.put("agency", agency);
        model.put("contactFields", CONTACT_FIELDS);
        model.put("values", contactValues(agency));
        model.put("stamp", agency.contactStamp());
        model.put("stale", null);
        model.put("hasLogo", administration.hasLogo(agency.id()));
        model.put("logoAction", PATH + "/logo");
        model.put("logoError", null);
        model.put("territories", agencies.territoriesOf(agency.id()).stream().map(directory::describe).toList());
        model.put("coaches", coaches.coaches(agency.id()));
        model.put("members", team.members(agency.id()));
        model.put("me", user.accountId());
        model.put("ownRefused", false);
        model.put("networkRefused", null); // the name of the person whose enabling was refused
        model.put("invitationUsed", null); // the name of the person whose invitation was used before its withdrawal
        model.put("teamChanged", false);
        model.put("disabledWithAppointments", null);
        // the page's error summary (the contact form's or the coach invitation's), each line linking to its field
        model.put("errorLinks", List.of());
        return model;
    }

    /** The values of the contact form, by its field names, as saved. */
    private static Map<String, String> contactValues(Agency agency) {
        Map<String, String> values = new java.util.LinkedHashMap<>(); // the form's order
        for (String field : List.of("email", "phone", "website", "address")) {
            values.put(field, AgencyProfile.of(agency).values().get(field));
        }
        values.put("leadEmail", agency.leadEmail() == null ? "" : agency.leadEmail()); // leads, issue 12
        return values;
    }

    private static HttpResponse<?> page(HttpStatus status, Map<String, Object> model) {
        return HttpResponse.status(status).contentType(MediaType.TEXT_HTML_TYPE).body(new ModelAndView<>(VIEW, model));
    }
}
