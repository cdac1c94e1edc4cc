package de.digitalcheck.portal.booking.web;

import de.digitalcheck.portal.accounts.Account;
import de.digitalcheck.portal.accounts.Accounts;
import de.digitalcheck.portal.accounts.UnknownAccount;
import de.digitalcheck.portal.booking.Booking;
import de.digitalcheck.portal.booking.BookingChanges;
import de.digitalcheck.portal.booking.Calendars;
import de.digitalcheck.portal.booking.SlotTaken;
import de.digitalcheck.portal.booking.UnknownBooking;
import de.digitalcheck.portal.shared.i18n.Language;
import de.digitalcheck.portal.shared.security.Role;
import de.digitalcheck.portal.shared.security.SignedIn;
import de.digitalcheck.portal.shared.time.PortalTime;
import de.digitalcheck.portal.shared.validation.FieldError;
import de.digitalcheck.portal.shared.validation.ValidationException;
import de.digitalcheck.portal.shared.web.Csrf;
import de.digitalcheck.portal.shared.web.Flash;
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
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.views.ModelAndView;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

/**
 * One appointment in the coach's workspace ({@code /coach/termine/{id}}) and in the staff's view of a coach's
 * appointments ({@code /agentur/coaches/{coachId}/termine/{id}}): move it to another free time of the coach, or
 * cancel it, each with a message to the company, who gets the update or cancellation mail with its invitation (the
 * coach too). Another coach's appointment, or another agency's coach, is not found (404). The move form carries a
 * key, new with each page: sent twice (a double click, a resend after a slow answer) it moves once and the second
 * answer is the first's, the moved appointment's page ({@link BookingChanges#move(String, String, Instant, String,
 * String, String)}).
 */
@Controller
@ExecuteOn(TaskExecutors.BLOCKING)
@Produces(MediaType.TEXT_HTML)
class AppointmentDesk {

    private final BookingChanges changes;
    private final ChangeViews views;
    private final Calendars calendars;
    private final Accounts accounts;
    private final Csrf csrf;
    private final SharedCheckOfAppointment sharedChecks;
    private final Flash flash;
    /**
     * The page's note ({@link Flash}) after the appointment was moved or cancelled here: "?geaendert" in the address
     * said "Der Termin ist verschoben" or "abgesagt" on any link that carried it, and again on every reload.
     */
    static final String CHANGED = "changed";

    AppointmentDesk(BookingChanges changes, ChangeViews views, Calendars calendars, Accounts accounts, Csrf csrf,
                    SharedCheckOfAppointment sharedChecks, Flash flash) {
        this.sharedChecks = sharedChecks;
        this.flash = flash;
        this.changes = changes;
        this.views = views;
        this.calendars = calendars;
        this.accounts = accounts;
        this.csrf = csrf;
    }

    /**
     * Whose appointment, seen by whom, under which address; {@code agencyId}: the staff's agency, whose appointments
     * alone they see (a coach who moved here keeps the appointments booked at the old agency, which stay that
     * agency's), null for the coach's own desk.
     */
    private record Desk(String coachId, @Nullable String agencyId, Account actor, String base, String weekUrl) {
    }

    private Desk coachDesk(Authentication authentication, String id) {
        Account coach = account(authentication);
        return new Desk(coach.id(), null, coach, "/coach/termine/" + ChangeViews.enc(id), "/coach/termine");
    }

    private Desk staffDesk(Authentication authentication, String coachId, String id) {
        Account staff = account(authentication);
        if (staff.agencyId() == null || !calendars.isCoachOf(coachId, staff.agencyId())
            || accounts.find(coachId).filter(a -> a.role() == Role.COACH).isEmpty()) {
            throw new UnknownAccount();
        }
        String coachBase = "/agentur/coaches/" + ChangeViews.enc(coachId) + "/termine";
        return new Desk(coachId, staff.agencyId(), staff, coachBase + "/" + ChangeViews.enc(id), coachBase);
    }

    @Get("/coach/termine/{id}")
    @Secured("COACH")
    HttpResponse<?> coachPage(HttpRequest<?> request, Authentication authentication,
                                                @PathVariable String id, @QueryValue @Nullable String woche,
                                                @QueryValue @Nullable String start) {
        return page(request, coachDesk(authentication, id), id, woche, start);
    }

    @Post("/coach/termine/{id}/verschieben")
    @Secured("COACH")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    HttpResponse<?> coachMove(HttpRequest<?> request, Authentication authentication, @PathVariable String id,
                              @Body @Nullable ChangeForm body) {
        csrf.verify(request, body);
        return move(request, coachDesk(authentication, id), id, body);
    }

    @Post("/coach/termine/{id}/absagen")
    @Secured("COACH")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    HttpResponse<?> coachCancel(HttpRequest<?> request, Authentication authentication, @PathVariable String id,
                                @Body @Nullable ChangeForm body) {
        csrf.verify(request, body);
        return cancel(request, coachDesk(authentication, id), id, body);
    }

    @Get("/agentur/coaches/{coachId}/termine/{id}")
    @Secured("AGENCY_STAFF")
    HttpResponse<?> staffPage(HttpRequest<?> request, Authentication authentication,
                                                @PathVariable String coachId, @PathVariable String id,
                                                @QueryValue @Nullable String woche, @QueryValue @Nullable String start) {
        return page(request, staffDesk(authentication, coachId, id), id, woche, start);
    }

    @Post("/agentur/coaches/{coachId}/termine/{id}/verschieben")
    @Secured("AGENCY_STAFF")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    HttpResponse<?> staffMove(HttpRequest<?> request, Authentication authentication, @PathVariable String coachId,
                              @PathVariable String id, @Body @Nullable ChangeForm body) {
        csrf.verify(request, body);
        return move(request, staffDesk(authentication, coachId, id), id, body);
    }

    @Post("/agentur/coaches/{coachId}/termine/{id}/absagen")
    @Secured("AGENCY_STAFF")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    HttpResponse<?> staffCancel(HttpRequest<?> request, Authentication authentication, @PathVariable String coachId,
                                @PathVariable String id, @Body @Nullable ChangeForm body) {
        csrf.verify(request, body);
        return cancel(request, staffDesk(authentication, coachId, id), id, body);
    }

    // ------------------------------------------------------------------------------------------------- the pages

    private HttpResponse<?> page(HttpRequest<?> request, Desk desk, String id,
                                                   @Nullable String week, @Nullable String start) {
        Language lang = PortalLocaleResolver.language(request);
        Booking booking = booking(desk, id);
        // once, after the move or cancellation that led here (Flash): never from the address, which any link can carry
        Map<String, Object> model = model(lang, desk, booking, flash.is(request, CHANGED));
        HttpStatus status = changes.changeable(booking)
            ? views.step(model, lang, booking, week, start, desk.base(), desk.base() + "?") : HttpStatus.OK;
        return flash.clear(request, HttpResponse.status(status)
            .contentType(MediaType.TEXT_HTML_TYPE).body(new ModelAndView<>(ChangeViews.VIEW, model)));
    }

    private HttpResponse<?> move(HttpRequest<?> request, Desk desk, String id, @Nullable ChangeForm body) {
        ChangeForm form = Objects.requireNonNullElse(body, ChangeForm.EMPTY);
        Language lang = PortalLocaleResolver.language(request);
        Booking booking = booking(desk, id);
        Instant start = ChangeViews.instant(form.start());
        try {
            if (start == null) {
                throw new ValidationException(List.of(FieldError.of("start", "error.booking.time")));
            }
            // the form sent again after its move (a double click, a resend): the same answer, the moved appointment
            changes.move(id, desk.coachId(), start, desk.actor().name(), form.message(), form.key());
            return flash.redirect(desk.base(), CHANGED);
        } catch (SlotTaken e) {
            return refused(lang, desk, booking, start, form, HttpStatus.CONFLICT, null);
        } catch (ValidationException e) {
            return refused(lang, desk, booking, start, form, HttpStatus.UNPROCESSABLE_ENTITY, e);
        }
    }

    private HttpResponse<?> cancel(HttpRequest<?> request, Desk desk, String id, @Nullable ChangeForm body) {
        ChangeForm form = Objects.requireNonNullElse(body, ChangeForm.EMPTY);
        Language lang = PortalLocaleResolver.language(request);
        Booking booking = booking(desk, id);
        try {
            changes.cancelByStaff(id, desk.coachId(), desk.actor().name(), form.message());
            return flash.redirect(desk.base(), CHANGED);
        } catch (ValidationException e) {
            Map<String, Object> model = model(lang, desk, booking, false);
            views.errors(model, lang, e.errors(), "cancel");
            model.put("cancelMessage", Objects.requireNonNullElse(form.message(), ""));
            if (changes.changeable(booking)) {
                views.times(model, lang, booking, null, desk.base() + "?");
            }
            return HttpResponse.status(HttpStatus.UNPROCESSABLE_ENTITY).contentType(MediaType.TEXT_HTML_TYPE)
                .body(new ModelAndView<>(ChangeViews.VIEW, model));
        }
    }

    /** The move refused: the asked time's week again (or the chosen time with the message kept), with why. */
    private HttpResponse<?> refused(Language lang, Desk desk, Booking booking, @Nullable Instant start, ChangeForm form,
                                    HttpStatus status, @Nullable ValidationException e) {
        Booking now = booking(desk, booking.id());
        Map<String, Object> model = model(lang, desk, now, false);
        model.put("message", Objects.requireNonNullElse(form.message(), ""));
        boolean messageOnly = e != null && e.errors().stream().allMatch(f -> f.field().equals("message"));
        if (messageOnly && start != null && changes.changeable(now)) {
            views.confirm(model, lang, now, start, desk.base());
        } else if (changes.changeable(now)) {
            views.times(model, lang, now, start == null ? null : LocalDate.ofInstant(start, PortalTime.ZONE),
                desk.base() + "?");
        }
        if (e == null) {
            model.put("taken", true);
        } else {
            views.errors(model, lang, e.errors(), "move");
            if (!messageOnly) {
                model.put("timeError", ((Map<?, ?>) model.get("errors")).values().iterator().next());
            }
        }
        return HttpResponse.status(status).contentType(MediaType.TEXT_HTML_TYPE)
            .body(new ModelAndView<>(ChangeViews.VIEW, model));
    }

    private Map<String, Object> model(Language lang, Desk desk, Booking booking, boolean changed) {
        Map<String, Object> model = views.summary(lang, booking);
        model.put("staff", true);
        model.put("changed", changed);
        model.put("moveAction", desk.base() + "/verschieben");
        model.put("key", UUID.randomUUID().toString()); // the move form's: sent again, it is answered as it was
        model.put("cancelAction", desk.base() + "/absagen");
        model.put("cancelMessage", "");
        model.put("backUrl", desk.weekUrl() + "?woche=" + PortalTime.local(booking.start()).toLocalDate());
        // the check the company booked from: its result only while the company shares it with the agency
        model.put("check", sharedChecks.of(booking, lang));
        return model;
    }

    /** The desk's appointment: the coach's, and on the staff's desk their agency's (another agency's: 404). */
    private Booking booking(Desk desk, String id) {
        Booking booking = changes.ofCoach(id, desk.coachId());
        if (desk.agencyId() != null && !desk.agencyId().equals(booking.agencyId())) {
            throw new UnknownBooking();
        }
        return booking;
    }

    private Account account(Authentication authentication) {
        return accounts.find(SignedIn.of(authentication).accountId()).orElseThrow(UnknownAccount::new);
    }
}
