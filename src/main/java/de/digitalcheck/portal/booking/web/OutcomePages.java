package de.digitalcheck.portal.booking.web;

import de.digitalcheck.portal.booking.AppointmentOutcome;
import de.digitalcheck.portal.booking.AppointmentOutcomes;
import de.digitalcheck.portal.booking.Booking;
import de.digitalcheck.portal.shared.i18n.Dates;
import de.digitalcheck.portal.shared.i18n.Language;
import de.digitalcheck.portal.shared.i18n.Messages;
import de.digitalcheck.portal.shared.security.SignedIn;
import de.digitalcheck.portal.shared.time.PortalTime;
import de.digitalcheck.portal.shared.validation.TextRules;
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

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The outcome form of one appointment: the coach's own ({@code /coach/termine/{id}/ergebnis}) and the agency staff's
 * for any appointment of the agency ({@code /agentur/termine/{id}/ergebnis}). Another coach's or agency's appointment
 * is not found (404).
 */
@Controller
@ExecuteOn(TaskExecutors.BLOCKING)
@Produces(MediaType.TEXT_HTML)
class OutcomePages {

    static final String VIEW = "booking/outcome";
    static final String COACH = "/coach/termine/{id}/ergebnis";
    static final String STAFF = "/agentur/termine/{id}/ergebnis";

    private final AppointmentOutcomes outcomes;
    private final Messages messages;
    private final Csrf csrf;
    private final Flash flash;

    OutcomePages(AppointmentOutcomes outcomes, Messages messages, Csrf csrf, Flash flash) {
        this.flash = flash;
        this.outcomes = outcomes;
        this.messages = messages;
        this.csrf = csrf;
    }

    static String coachPath(String bookingId) {
        return "/coach/termine/" + bookingId + "/ergebnis";
    }

    static String staffPath(String bookingId) {
        return "/agentur/termine/" + bookingId + "/ergebnis";
    }

    @Get(COACH)
    @Secured("COACH")
    HttpResponse<ModelAndView<Map<String, Object>>> coachForm(HttpRequest<?> request, Authentication authentication,
                                                              @PathVariable String id) {
        return page(request, form(request, coachScope(authentication), id, coachPath(id), null, Map.of(), Notice.NONE));
    }

    @Post(COACH)
    @Secured("COACH")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    HttpResponse<?> coachSave(HttpRequest<?> request, Authentication authentication, @PathVariable String id,
                              @Body @Nullable OutcomeForm body) {
        csrf.verify(request, body);
        return save(request, authentication, coachScope(authentication), id, coachPath(id), body);
    }

    @Get(STAFF)
    @Secured("AGENCY_STAFF")
    HttpResponse<ModelAndView<Map<String, Object>>> staffForm(HttpRequest<?> request, Authentication authentication,
                                                              @PathVariable String id) {
        return page(request, form(request, staffScope(authentication), id, staffPath(id), null, Map.of(), Notice.NONE));
    }

    /** The form as a {@code GET} shows it: "saved" once, after the post that saved it (its {@link Flash} note). */
    private HttpResponse<ModelAndView<Map<String, Object>>> page(HttpRequest<?> request,
                                                                 ModelAndView<Map<String, Object>> form) {
        form.getModel().orElseThrow().put("saved", flash.saved(request));
        return flash.clear(request, HttpResponse.ok(form));
    }

    @Post(STAFF)
    @Secured("AGENCY_STAFF")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    HttpResponse<?> staffSave(HttpRequest<?> request, Authentication authentication, @PathVariable String id,
                              @Body @Nullable OutcomeForm body) {
        csrf.verify(request, body);
        return save(request, authentication, staffScope(authentication), id, staffPath(id), body);
    }

    private HttpResponse<?> save(HttpRequest<?> request, Authentication authentication, AppointmentOutcomes.Scope scope,
                                 String id, String path, @Nullable OutcomeForm body) {
        OutcomeForm form = Objects.requireNonNullElse(body, OutcomeForm.EMPTY);
        outcomes.find(id, scope); // another coach's or agency's appointment: 404 before anything else
        SignedIn user = SignedIn.of(authentication);
        String version = Objects.requireNonNullElse(form.version(), "").strip();
        // the outcome's version the form was read with; empty: none was recorded then (a form from before versions
        // were posted counts as that, so that it never replaces an outcome unseen)
        java.util.Optional<Integer> parsed = TextRules.asciiInt(version);
        if (!version.isEmpty() && parsed.isEmpty()) {
            // no version the portal gave out (version=abc: a forged or cut request): malformed, not a conflict — 400,
            // nothing stored, the input kept under the version of what is saved now, as the calendar form does
            return HttpResponse.status(HttpStatus.BAD_REQUEST).contentType(MediaType.TEXT_HTML_TYPE)
                .body(form(request, scope, id, path, form.readWith(outcomes.find(id, scope).outcome()), Map.of(),
                    Notice.UNVERSIONED));
        }
        Integer readVersion = version.isEmpty() ? null : parsed.get();
        try {
            outcomes.record(id, scope, form.input(), readVersion, user.accountId(), user.name());
            return flash.saved(path);
        } catch (AppointmentOutcomes.StaleOutcome e) {
            // the outcome stored now, with what the person chose kept: saving again replaces it knowingly
            return HttpResponse.status(HttpStatus.CONFLICT).contentType(MediaType.TEXT_HTML_TYPE)
                .body(form(request, scope, id, path, form.readWith(outcomes.find(id, scope).outcome()), Map.of(),
                    Notice.STALE));
        } catch (ValidationException e) {
            Map<String, String> errors = messages.byField(PortalLocaleResolver.language(request), e.errors());
            return HttpResponse.status(HttpStatus.UNPROCESSABLE_ENTITY).contentType(MediaType.TEXT_HTML_TYPE)
                .body(form(request, scope, id, path, form, errors, Notice.NONE));
        }
    }

    /**
     * What a refused save's page says above the form: the outcome saved meanwhile by someone else (409), or a form
     * whose version the portal never gave out (400); both show what is saved now.
     */
    private enum Notice { NONE, STALE, UNVERSIONED }

    private ModelAndView<Map<String, Object>> form(HttpRequest<?> request, AppointmentOutcomes.Scope scope, String id,
                                                   String path, @Nullable OutcomeForm typed,
                                                   Map<String, String> errors, Notice notice) {
        Language lang = PortalLocaleResolver.language(request);
        AppointmentOutcomes.Recordable found = outcomes.find(id, scope);
        Booking b = found.booking();
        LocalDate day = PortalTime.local(b.start()).toLocalDate();
        Map<String, Object> model = new HashMap<>();
        model.put("action", path);
        model.put("own", scope.coachId() != null);
        model.put("booking", b);
        model.put("when", BookingPages.when(lang, b.start(), b.end())); // as the appointment's own page gives it
        model.put("typeName", b.type().name(lang));
        model.put("open", found.open());
        model.put("recorded", found.outcome());
        model.put("recordedAt", found.outcome() == null ? null : Dates.dateTime(lang,
            found.outcome().recordedAt()));
        model.put("form", typed != null ? typed : OutcomeForm.of(found.outcome()));
        model.put("stale", notice == Notice.STALE);
        model.put("unversioned", notice == Notice.UNVERSIONED);
        AppointmentOutcome current = found.outcome();
        model.put("currentAttendance", current == null ? null
            : messages.get(lang, "outcome.attendance." + current.attendance().name()));
        model.put("currentProgramme", current == null || current.programmeId() == null ? null
            : outcomes.programmes(day).stream().filter(p -> p.id().equals(current.programmeId()))
                .map(p -> lang == Language.EN ? p.nameEn() : p.nameDe()).findFirst().orElse(current.programmeId()));
        List<Choice> attendances = List.of(new Choice("HELD", messages.get(lang, "outcome.attendance.HELD")),
            new Choice("NO_SHOW", messages.get(lang, "outcome.attendance.NO_SHOW")));
        model.put("attendances", attendances);
        model.put("programmes", outcomes.programmes(day).stream()
            .map(p -> new Choice(p.id(), lang == Language.EN ? p.nameEn() : p.nameDe())).toList());
        model.put("errors", errors);
        List<ErrorLink> links = new ArrayList<>();
        errors.forEach((field, message) -> links.add(new ErrorLink("#outcome-" + field, message)));
        // the attendance by its first option, which takes the focus
        model.put("errorLinks", ErrorLink.toFirstOption(links, "#outcome-attendance", "outcome-attendance-",
            attendances));
        model.put("saved", false); // a GET's page says so after a save (page)
        model.put("back", scope.coachId() != null ? "/coach/termine?woche=" + day
            : "/agentur/coaches/" + b.coachId() + "/termine?woche=" + day);
        return new ModelAndView<>(VIEW, model);
    }

    private static AppointmentOutcomes.Scope coachScope(Authentication authentication) {
        return AppointmentOutcomes.Scope.coach(SignedIn.of(authentication).accountId());
    }

    private static AppointmentOutcomes.Scope staffScope(Authentication authentication) {
        String agency = SignedIn.of(authentication).agencyId();
        if (agency == null) {
            throw new de.digitalcheck.portal.booking.UnknownBooking();
        }
        return AppointmentOutcomes.Scope.agency(agency);
    }
}
