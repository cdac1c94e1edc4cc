package de.digitalcheck.portal.booking.web;

import de.digitalcheck.portal.booking.Booking;
import de.digitalcheck.portal.booking.BookingChanges;
import de.digitalcheck.portal.booking.SlotTaken;
import de.digitalcheck.portal.booking.UnknownBooking;
import de.digitalcheck.portal.shared.i18n.Language;
import de.digitalcheck.portal.shared.time.PortalTime;
import de.digitalcheck.portal.shared.validation.FieldError;
import de.digitalcheck.portal.shared.validation.ValidationException;
import de.digitalcheck.portal.shared.web.Csrf;
import de.digitalcheck.portal.shared.web.ErrorPages;
import de.digitalcheck.portal.shared.web.Flash;
import de.digitalcheck.portal.shared.web.LayoutModel;
import de.digitalcheck.portal.shared.web.PortalLocaleResolver;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;
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
import io.micronaut.security.rules.SecurityRule;
import io.micronaut.views.ModelAndView;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * The company's own appointment under the private link of its newest mail ({@code /termin/buchung/{id}?token=}):
 * see it, move it to another free time of the same coach and kind, cancel it with an optional reason. A move gives
 * the appointment a new link (the update mail carries it); an old or wrong link gets a page that says so (404),
 * never another appointment's data. Works without JavaScript.
 */
@Controller("/termin/buchung/{id}")
@Secured(SecurityRule.IS_ANONYMOUS)
@ExecuteOn(TaskExecutors.BLOCKING)
@Produces(MediaType.TEXT_HTML)
class ManagePages {

    /**
     * The page's notes ({@link Flash}) after the post that booked, moved or cancelled the appointment: "?gebucht",
     * "&verschoben" and "&abgesagt" in the address said "just saved, a mail is on its way", "moved" or "cancelled" on
     * any link that carried them (a bookmark, a link passed on), and again on every reload.
     */
    static final String BOOKED = "booked";
    static final String MOVED = "moved";
    static final String CANCELLED = "cancelled";

    private final BookingChanges changes;
    private final ChangeViews views;
    private final Csrf csrf;
    private final Flash flash;

    ManagePages(BookingChanges changes, ChangeViews views, Csrf csrf, Flash flash) {
        this.changes = changes;
        this.views = views;
        this.csrf = csrf;
        this.flash = flash;
    }

    /**
     * The {@code 303} to the appointment's page under its private link with {@code note} for that page. The note is for
     * the page's path ({@code /termin/buchung/{id}}; the link's token is in the query and changes with a move): a note
     * for one appointment is not shown on another's page.
     */
    static MutableHttpResponse<?> withNote(Flash flash, String id, String token, String note) {
        return flash.redirect(links(id, token).show(), note);
    }

    @Get
    HttpResponse<?> show(HttpRequest<?> request, @PathVariable String id, @QueryValue @Nullable String token) {
        return orStale(request, () -> {
            Language lang = PortalLocaleResolver.language(request);
            Booking booking = changes.byToken(id, token);
            Map<String, Object> model = views.summary(lang, booking);
            model.put("links", links(id, token));
            // each once, after the post that did it (Flash): never from the address, which any link can carry
            model.put("moved", flash.is(request, MOVED));
            model.put("justCancelled", flash.is(request, CANCELLED));
            model.put("justBooked", flash.is(request, BOOKED));
            model.put("bookAgainUrl", "/termin/" + ChangeViews.enc(booking.agencyId()));
            return flash.clear(request, HttpResponse.ok(new ModelAndView<>("booking/booked", model)));
        });
    }

    @Get("/verschieben")
    HttpResponse<?> movePage(HttpRequest<?> request, @PathVariable String id, @QueryValue @Nullable String token,
                             @QueryValue @Nullable String woche, @QueryValue @Nullable String start) {
        return orStale(request, () -> {
            Language lang = PortalLocaleResolver.language(request);
            Booking booking = changes.byToken(id, token);
            Map<String, Object> model = moveModel(lang, booking, token);
            String move = links(id, token).move();
            HttpStatus status = changes.changeable(booking)
                ? views.step(model, lang, booking, woche, start, move, move + "&") : HttpStatus.OK;
            return HttpResponse.status(status)
                .contentType(MediaType.TEXT_HTML_TYPE).body(new ModelAndView<>(ChangeViews.VIEW, model));
        });
    }

    @Post("/verschieben")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    HttpResponse<?> move(HttpRequest<?> request, @PathVariable String id, @Body @Nullable ChangeForm body) {
        csrf.verify(request, body);
        ChangeForm form = Objects.requireNonNullElse(body, ChangeForm.EMPTY);
        return orStale(request, () -> {
            Language lang = PortalLocaleResolver.language(request);
            Instant start = ChangeViews.instant(form.start());
            try {
                if (start == null) {
                    changes.byToken(id, form.token()); // an old link is said to be old first
                    throw new ValidationException(List.of(FieldError.of("start", "error.booking.time")));
                }
                // the form sent again after its move (a double click, a resend): the same answer, the new link
                BookingChanges.Changed moved = changes.reschedule(id, form.token(), start, form.key());
                return withNote(flash, id, moved.token(), MOVED);
            } catch (SlotTaken e) {
                return refused(lang, id, form, start, HttpStatus.CONFLICT, null);
            } catch (ValidationException e) {
                return refused(lang, id, form, start, HttpStatus.UNPROCESSABLE_ENTITY, e);
            }
        });
    }

    @Get("/absagen")
    HttpResponse<?> cancelPage(HttpRequest<?> request, @PathVariable String id, @QueryValue @Nullable String token) {
        return orStale(request, () -> {
            Language lang = PortalLocaleResolver.language(request);
            Map<String, Object> model = cancelModel(lang, changes.byToken(id, token), token);
            return HttpResponse.ok(new ModelAndView<>("booking/cancel", model));
        });
    }

    @Post("/absagen")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    HttpResponse<?> cancel(HttpRequest<?> request, @PathVariable String id, @Body @Nullable ChangeForm body) {
        csrf.verify(request, body);
        ChangeForm form = Objects.requireNonNullElse(body, ChangeForm.EMPTY);
        return orStale(request, () -> {
            Language lang = PortalLocaleResolver.language(request);
            Booking booking = changes.byToken(id, form.token());
            try {
                changes.cancel(id, form.token(), form.reason());
                return withNote(flash, id, form.token(), CANCELLED);
            } catch (ValidationException e) {
                Map<String, Object> model = cancelModel(lang, booking, form.token());
                model.put("reason", Objects.requireNonNullElse(form.reason(), ""));
                views.errors(model, lang, e.errors(), "cancel");
                return HttpResponse.status(HttpStatus.UNPROCESSABLE_ENTITY).contentType(MediaType.TEXT_HTML_TYPE)
                    .body(new ModelAndView<>("booking/cancel", model));
            }
        });
    }

    // ------------------------------------------------------------------------------------------------- helpers

    /** The addresses of one appointment's pages under its link. */
    record Links(String show, String move, String cancel) {
    }

    /** The private link's query ({@code token=…}), without its {@code ?}. */
    private static String tokenQuery(@Nullable String token) {
        return "token=" + ChangeViews.enc(Objects.requireNonNullElse(token, ""));
    }

    static Links links(String id, String token) {
        String base = "/termin/buchung/" + ChangeViews.enc(id);
        String query = "?" + tokenQuery(token);
        return new Links(base + query, base + "/verschieben" + query, base + "/absagen" + query);
    }

    private Map<String, Object> moveModel(Language lang, Booking booking, String token) {
        Map<String, Object> model = views.summary(lang, booking);
        model.put("staff", false);
        model.put("token", token);
        model.put("key", UUID.randomUUID().toString()); // the form's: sent again, it is answered as it was
        model.put(LayoutModel.PAGE_QUERY, tokenQuery(token));
        model.put("links", links(booking.id(), token));
        model.put("moveAction", "/termin/buchung/" + ChangeViews.enc(booking.id()) + "/verschieben");
        model.put("backUrl", links(booking.id(), token).show());
        return model;
    }

    private Map<String, Object> cancelModel(Language lang, Booking booking, String token) {
        Map<String, Object> model = views.summary(lang, booking);
        model.put("token", token);
        model.put(LayoutModel.PAGE_QUERY, tokenQuery(token));
        model.put("reason", "");
        model.put("links", links(booking.id(), token));
        model.put("action", "/termin/buchung/" + ChangeViews.enc(booking.id()) + "/absagen");
        return model;
    }

    /** The move refused: the week of the asked time again, with why (the time taken, or the rule it breaks). */
    private HttpResponse<?> refused(Language lang, String id, ChangeForm form, @Nullable Instant start,
                                    HttpStatus status, @Nullable ValidationException e) {
        String token = form.token();
        Booking now = changes.byToken(id, token);
        Map<String, Object> model = moveModel(lang, now, token);
        if (changes.changeable(now)) {
            LocalDate week = start == null ? null : LocalDate.ofInstant(start, PortalTime.ZONE);
            views.times(model, lang, now, week, links(now.id(), token).move() + "&");
            if (week != null) { // the switch shows the same week
                model.put(LayoutModel.PAGE_QUERY, tokenQuery(token) + "&woche=" + week);
            }
        }
        if (e == null) {
            model.put("taken", true);
        } else {
            views.errors(model, lang, e.errors(), "move");
            model.put("timeError", e.errors().isEmpty() ? null
                : ((Map<?, ?>) model.get("errors")).values().iterator().next());
        }
        return HttpResponse.status(status).contentType(MediaType.TEXT_HTML_TYPE)
            .body(new ModelAndView<>(ChangeViews.VIEW, model));
    }

    /** An old, wrong or missing link: a page that says so and what to do, never another appointment's data. */
    private HttpResponse<?> orStale(HttpRequest<?> request, Supplier<HttpResponse<?>> work) {
        try {
            return work.get();
        } catch (UnknownBooking e) {
            // thrown, not answered: see ErrorPages.NotFound
            request.setAttribute(ErrorPages.NOT_FOUND_VIEW, ChangeViews.STALE);
            throw new ErrorPages.NotFound();
        }
    }
}
