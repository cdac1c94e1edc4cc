package de.digitalcheck.portal.booking.web;

import de.digitalcheck.portal.booking.AppointmentType;
import de.digitalcheck.portal.booking.BookingLimitReached;
import de.digitalcheck.portal.booking.Bookings;
import de.digitalcheck.portal.booking.FreeSlot;
import de.digitalcheck.portal.booking.IdempotencyConflict;
import de.digitalcheck.portal.booking.SlotTaken;
import de.digitalcheck.portal.booking.UnknownAppointmentType;
import de.digitalcheck.portal.readiness.AgencyLeads;
import de.digitalcheck.portal.readiness.Assessment;
import de.digitalcheck.portal.readiness.Assessments;
import de.digitalcheck.portal.readiness.CheckPaths;
import de.digitalcheck.portal.routing.Agencies;
import de.digitalcheck.portal.routing.Agency;
import de.digitalcheck.portal.routing.UnknownAgency;
import de.digitalcheck.portal.shared.i18n.Dates;
import de.digitalcheck.portal.shared.i18n.Language;
import de.digitalcheck.portal.shared.i18n.Messages;
import de.digitalcheck.portal.shared.quota.DailyQuotas;
import de.digitalcheck.portal.shared.time.PortalTime;
import de.digitalcheck.portal.shared.validation.FieldError;
import de.digitalcheck.portal.shared.validation.ValidationException;
import de.digitalcheck.portal.shared.web.Choice;
import de.digitalcheck.portal.shared.web.Csrf;
import de.digitalcheck.portal.shared.web.ErrorLink;
import de.digitalcheck.portal.shared.web.ErrorPages;
import de.digitalcheck.portal.shared.web.Flash;
import de.digitalcheck.portal.shared.web.LayoutModel;
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
import io.micronaut.security.rules.SecurityRule;
import io.micronaut.views.ModelAndView;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

/**
 * Booking for companies, without JavaScript: choose the kind of appointment, then a free time (a week at a time; a
 * specific coach or any coach), then the contact details and the (unticked) consent; the confirmation page is the
 * booking's own page under its private link. At a public address per agency ({@code /termin/{id}}) and under a
 * check's address ({@code /check/{token}/termin}: the check's agency; the booking carries the check).
 */
@Controller
@Secured(SecurityRule.IS_ANONYMOUS)
@ExecuteOn(TaskExecutors.BLOCKING)
@Produces(MediaType.TEXT_HTML)
class BookingPages {

    static final String VIEW = "booking/book";
    static final String ANY = "any";

    private final Bookings bookings;
    private final Agencies agencies;
    private final Assessments assessments;
    private final Messages messages;
    private final Csrf csrf;
    private final QueryDates queryDates;
    private final java.time.Clock clock;
    private final DailyQuotas quotas;
    private final AgencyLeads leads;
    private final Flash flash;

    BookingPages(Bookings bookings, Agencies agencies, Assessments assessments, Messages messages, Csrf csrf,
                 java.time.Clock clock, QueryDates queryDates, AgencyLeads leads, DailyQuotas quotas, Flash flash) {
        this.flash = flash;
        this.quotas = quotas;
        this.leads = leads;
        this.queryDates = queryDates;
        this.clock = clock;
        this.bookings = bookings;
        this.agencies = agencies;
        this.assessments = assessments;
        this.messages = messages;
        this.csrf = csrf;
    }

    /**
     * Where the flow runs: an agency's own address, or a check's, whose private link ({@code checkToken}, from the
     * address) lets the booking carry the check.
     */
    private record Context(Agency agency, String base, @Nullable Assessment assessment, @Nullable String checkToken) {
    }

    private Context ofAgency(String id) {
        Agency agency = agencies.find(id).orElseThrow(UnknownAgency::new);
        return new Context(agency, "/termin/" + URLEncoder.encode(id, StandardCharsets.UTF_8), null, null);
    }

    private Context ofCheck(String token) {
        Assessment assessment = assessments.byLink(token);
        if (assessment.agencyId() == null) {
            throw new UnknownAgency();
        }
        Agency agency = agencies.find(assessment.agencyId()).orElseThrow(UnknownAgency::new);
        return new Context(agency, CheckPaths.booking(token), assessment, token);
    }

    @Get("/termin/{id}")
    HttpResponse<?> agencyPage(HttpRequest<?> request, @PathVariable String id,
                                                 @QueryValue @Nullable String type, @QueryValue @Nullable String coach,
                                                 @QueryValue @Nullable String woche, @QueryValue @Nullable String start) {
        return page(request, ofAgency(id), type, coach, woche, start);
    }

    @Get(CheckPaths.BASE + CheckPaths.BOOKING)
    HttpResponse<?> checkPage(HttpRequest<?> request, @PathVariable String token,
                                                @QueryValue @Nullable String type, @QueryValue @Nullable String coach,
                                                @QueryValue @Nullable String woche, @QueryValue @Nullable String start) {
        return page(request, ofCheck(token), type, coach, woche, start);
    }

    @Post("/termin/{id}")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    HttpResponse<?> bookAtAgency(HttpRequest<?> request, @PathVariable String id, @Body @Nullable BookingForm body) {
        csrf.verify(request, body);
        return book(request, ofAgency(id), Objects.requireNonNullElse(body, BookingForm.EMPTY));
    }

    @Post(CheckPaths.BASE + CheckPaths.BOOKING)
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    HttpResponse<?> bookForCheck(HttpRequest<?> request, @PathVariable String token, @Body @Nullable BookingForm body) {
        csrf.verify(request, body);
        return book(request, ofCheck(token), Objects.requireNonNullElse(body, BookingForm.EMPTY));
    }

    // the booking's own page under its private link, moving and cancelling: ManagePages

    // ------------------------------------------------------------------------------------------------- the flow

    /**
     * The flow's step the address asks for. A week or time in it that does not exist or was not understood: the week's
     * times (this week's for a week), with a note saying so (400), never as if it had been asked for.
     */
    private HttpResponse<?> page(HttpRequest<?> request, Context context, @Nullable String typeId,
                                 @Nullable String coach, @Nullable String week, @Nullable String start) {
        Language lang = PortalLocaleResolver.language(request);
        Map<String, Object> model = base(lang, context);
        if (typeId == null || typeId.isBlank()) {
            return HttpResponse.ok(new ModelAndView<>(VIEW, model));
        }
        AppointmentType type;
        try {
            type = bookings.type(context.agency().id(), typeId);
        } catch (UnknownAppointmentType e) {
            // a link to a kind the agency switched off (bookmarked or shared): its kinds, 410; to one it never had (made
            // up, mistyped, another agency's): its kinds, 404
            if (e.withdrawn()) {
                return typeGone(lang, context, HttpStatus.GONE, "booking.type.gone");
            }
            throw typeNotFound(request, lang, context);
        }
        String coachId = coach == null || coach.isBlank() || coach.equals(ANY) ? null : coach;
        QueryDates.Time chosen = queryDates.time(start);
        QueryDates.Week asked = queryDates.week(week);
        if (chosen.instant() != null) {
            if (bookable(context, type, coachId, chosen.instant())) {
                BookingForm prefill = prefill(context);
                contactStep(lang, model, context, type, coachId, chosen.instant(), prefill, Map.of());
                return HttpResponse.ok(new ModelAndView<>(VIEW, model));
            }
            // a time that is not free (past, taken since, off the grid, not this coach's): the times of its week and
            // why, before the company types its details — they were asked for and refused only when sent
            timeStep(lang, model, context, type, coachId, LocalDate.ofInstant(chosen.instant(), PortalTime.ZONE));
            if (model.get("timeError") == null) {
                model.put("timeError", messages.get(lang, "booking.time.unavailable"));
            }
            return HttpResponse.status(HttpStatus.CONFLICT).contentType(MediaType.TEXT_HTML_TYPE)
                .body(new ModelAndView<>(VIEW, model));
        }
        timeStep(lang, model, context, type, coachId, asked.date());
        String note = chosen.unreadable() != null ? queryDates.timeNote(lang, chosen.unreadable())
            : asked.unreadable() != null
                ? queryDates.weekNote(lang, asked.unreadable(), LocalDate.parse((String) model.get("week"))) : null;
        model.put("queryError", note);
        // a coach who does not offer the type (or no coach at all: a made-up id) is said so, as a week not understood
        boolean refused = note != null || model.get("timeError") != null;
        return HttpResponse.status(refused ? HttpStatus.BAD_REQUEST : HttpStatus.OK)
            .contentType(MediaType.TEXT_HTML_TYPE).body(new ModelAndView<>(VIEW, model));
    }

    /** Whether {@code start} is one of the free times of the type (with this coach, or any) on its day. */
    private boolean bookable(Context context, AppointmentType type, @Nullable String coachId, Instant start) {
        LocalDate day = LocalDate.ofInstant(start, PortalTime.ZONE);
        try {
            return bookings.free(context.agency().id(), type.id(), day, day, coachId).stream()
                .anyMatch(slot -> slot.start().equals(start));
        } catch (ValidationException e) {
            return false; // a coach who does not offer the type, a day outside what can be booked
        }
    }

    private HttpResponse<?> book(HttpRequest<?> request, Context context, BookingForm form) {
        Language lang = PortalLocaleResolver.language(request);
        AppointmentType type;
        try {
            type = bookings.type(context.agency().id(), form.type());
        } catch (UnknownAppointmentType e) {
            // switched off since the form was loaded: it was a page "not found", what was typed gone; a kind the agency
            // never had is no form of its pages (made up): 404 with its kinds
            if (e.withdrawn()) {
                return typeGone(lang, context, HttpStatus.CONFLICT, "booking.type.goneWhileBooking");
            }
            throw typeNotFound(request, lang, context);
        }
        String coachId = form.coach() == null || form.coach().isBlank() || form.coach().equals(ANY) ? null : form.coach();
        Instant start = form.start() == null ? null : parse(form.start());
        Map<String, Object> model = base(lang, context);
        if (start == null) {
            timeStep(lang, model, context, type, coachId, null);
            return HttpResponse.status(HttpStatus.UNPROCESSABLE_ENTITY).body(new ModelAndView<>(VIEW, model));
        }
        try {
            Bookings.Made made = bookings.book(new Bookings.Request(context.agency().id(), type.id(), start, coachId,
                form.companyName(), form.postalCode(), form.contactName(), form.contactEmail(), form.contactPhone(),
                context.assessment() == null ? null : context.assessment().id().value(), context.checkToken(),
                form.consented(), lang,
                form.key() == null || form.key().isBlank() ? null : form.key(), form.street(), form.town()));
            // the page says, once, that it was just saved and a mail is on its way (a Flash note: "?gebucht" in the
            // address said so on any link that carried it, and on every reload); the mail's link opens it without
            return ManagePages.withNote(flash, made.booking().id(), made.token(), ManagePages.BOOKED);
        } catch (SlotTaken e) {
            timeStep(lang, model, context, type, coachId, LocalDate.ofInstant(start, PortalTime.ZONE));
            model.put("taken", true);
            return HttpResponse.status(HttpStatus.CONFLICT).body(new ModelAndView<>(VIEW, model));
        } catch (IdempotencyConflict e) {
            // the form sent again after its booking (back, a name corrected, sent again; or after a move): not a
            // second booking, and not the first one's link either (the request differs, or that link was replaced)
            timeStep(lang, model, context, type, coachId, LocalDate.ofInstant(start, PortalTime.ZONE));
            model.put("timeError", messages.get(lang, e.linkWasReplaced() ? "booking.form.linkReplaced"
                : "booking.form.alreadyBooked"));
            return HttpResponse.status(HttpStatus.CONFLICT).body(new ModelAndView<>(VIEW, model));
        } catch (BookingLimitReached e) {
            // the address's bookings of the day: said at its field, with what was typed, until the next day
            contactStep(lang, model, context, type, coachId, start, form,
                Map.of(field(e.error().field()), messages.message(lang, e.error())));
            return HttpResponse.status(HttpStatus.TOO_MANY_REQUESTS)
                .header("Retry-After", String.valueOf(quotas.secondsUntilNextDay()))
                .body(new ModelAndView<>(VIEW, model));
        } catch (ValidationException e) {
            Map<String, String> errors = new LinkedHashMap<>();
            for (FieldError error : e.errors()) {
                errors.putIfAbsent(field(error.field()), messages.message(lang, error));
            }
            if (errors.containsKey("start") || errors.containsKey("coach")) {
                timeStep(lang, model, context, type, coachId, LocalDate.ofInstant(start, PortalTime.ZONE));
                if (errors.containsKey("start") || model.get("timeError") == null) {
                    model.put("timeError", errors.getOrDefault("start", errors.get("coach")));
                }
            } else {
                contactStep(lang, model, context, type, coachId, start, form, errors);
            }
            return HttpResponse.status(HttpStatus.UNPROCESSABLE_ENTITY).body(new ModelAndView<>(VIEW, model));
        }
    }

    /** The choice of the agency's kinds of appointment, saying that the one asked for is not offered any more. */
    private HttpResponse<?> typeGone(Language lang, Context context, HttpStatus status, String message) {
        Map<String, Object> model = base(lang, context);
        model.put("typeGone", messages.get(lang, message));
        return HttpResponse.status(status).contentType(MediaType.TEXT_HTML_TYPE).body(new ModelAndView<>(VIEW, model));
    }

    /**
     * The agency's kinds of appointment, saying that the one asked for does not exist, as a 404: thrown, not answered
     * (a route's 404 response is replaced by the general "not found" page; {@link ErrorPages.NotFound}).
     */
    private ErrorPages.NotFound typeNotFound(HttpRequest<?> request, Language lang, Context context) {
        Map<String, Object> model = base(lang, context);
        model.put("typeGone", messages.get(lang, "booking.type.unknown"));
        request.setAttribute(ErrorPages.NOT_FOUND_VIEW, VIEW);
        request.setAttribute(ErrorPages.NOT_FOUND_MODEL, model);
        return new ErrorPages.NotFound();
    }

    /** The form's field for a rule's field (the facade names them as the API does). */
    private static String field(String field) {
        return switch (field) {
            case "company.name" -> "companyName";
            case "company.postalCode" -> "postalCode";
            case "company.street" -> "street";
            case "company.town" -> "town";
            case "contact.name" -> "contactName";
            case "contact.email" -> "contactEmail";
            case "contact.phone" -> "contactPhone";
            case "coachId" -> "coach";
            default -> field;
        };
    }

    /**
     * The day a check's result was shared with the agency it is booked with (its open lead there), as the page says it;
     * null when the booking is not from a check or the agency does not have the result.
     */
    @Nullable
    private String sharedOn(Language lang, Context context) {
        if (context.assessment() == null) {
            return null;
        }
        return leads.sharedWith(context.assessment().id()).stream()
            .filter(l -> !l.withdrawn() && context.agency().id().equals(l.agencyId()))
            .findFirst().map(l -> Dates.longDate(lang, l.consentAt())).orElse(null);
    }

    /**
     * The check's appointments still to come, as lines (when, kind, with whom): a company booking from its check sees
     * what it booked already (two tabs booked two coaches at once, and nothing said so). Their private links are in
     * the company's mails only (the check's link does not hold them). Empty when the booking is not from a check.
     */
    private List<String> booked(Language lang, Context context) {
        if (context.assessment() == null) {
            return List.of();
        }
        Instant now = clock.instant();
        return bookings.ofAssessment(context.assessment().id().value()).stream().filter(b -> b.end().isAfter(now))
            .map(b -> when(lang, b.start(), b.end()) + " · " + b.type().name(lang) + " "
                + messages.get(lang, "booking.times.with", b.coachName()))
            .toList();
    }

    private Map<String, Object> base(Language lang, Context context) {
        Map<String, Object> model = new HashMap<>();
        model.put("agency", context.agency());
        model.put("fromCheck", context.assessment() != null);
        model.put("sharedOn", sharedOn(lang, context));
        model.put("booked", booked(lang, context));
        model.put("action", context.base());
        model.put("step", "type");
        model.put("types", bookings.typesOf(context.agency().id()).stream()
            .map(t -> new Choice(t.id(), t.name(lang) + " – " + messages.get(lang, "booking.type.duration",
                t.durationMinutes()) + ", " + messages.get(lang, "mode.inline." + t.mode().name()))).toList());
        model.put("typeId", "");
        model.put("errors", Map.of());
        model.put("errorLinks", List.of());
        model.put("taken", false);
        model.put("timeError", null);
        model.put("typeGone", null);
        return model;
    }

    /** A day's free times: its heading and the times as links to the next step. */
    record Day(String label, List<Time> times) {
    }

    record Time(String label, String accessibleLabel, String url) {
    }

    private void timeStep(Language lang, Map<String, Object> model, Context context, AppointmentType type,
                          @Nullable String coachId, @Nullable LocalDate around) {
        LocalDate today = PortalTime.today(clock);
        LocalDate monday = (around == null || around.isBefore(today) ? today : around)
            .with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
        Map<String, String> names = bookings.coachNames(context.agency().id());
        List<Choice> coaches = new ArrayList<>();
        coaches.add(new Choice(ANY, messages.get(lang, "booking.coach.any")));
        bookings.offeredBy(type).stream().filter(names::containsKey) // who can be booked for it, its mode included
            .forEach(c -> coaches.add(new Choice(c, names.get(c))));
        String asked = coachId;
        if (asked != null && coaches.stream().noneMatch(c -> c.value().equals(asked))) {
            // a coach who does not offer the type (disabled meanwhile, another agency's, made up): said so, with every
            // coach's times instead of none and "look at the next week", which no week would have changed
            model.put("timeError", messages.get(lang, "error.booking.coachNotOffering") + " "
                + messages.get(lang, "booking.coach.anyInstead"));
            coachId = null;
        }
        String coachValue = coachId == null ? ANY : coachId;
        // nobody can be booked for the type (every coach blocked or gone): no week will have a time, so the page says
        // that the agency offers none online now and how to reach it, instead of "look at the next week"
        model.put("notOffered", coaches.size() == 1);
        List<FreeSlot> free;
        LocalDate lastDay = bookings.lastBookableDay(type, coachId).orElse(null);
        try {
            free = bookings.free(context.agency().id(), type.id(), monday, monday.plusDays(6), coachId);
            if (free.isEmpty() && around == null) {
                // the first look (no week asked for) at a week with nothing free: the first week that has a free time,
                // saying so, instead of a page that only says "look at the next week" (Friday afternoons, full weeks)
                List<FreeSlot> later = firstFreeWeek(context, type, coachId, monday.plusWeeks(1), lastDay);
                if (!later.isEmpty()) {
                    model.put("emptyWeek", messages.get(lang, "booking.times.emptyWeek", day(lang, monday)));
                    monday = PortalTime.local(later.get(0).start()).toLocalDate()
                        .with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
                    free = later;
                }
            }
        } catch (ValidationException e) {
            free = List.of(); // a coach who does not offer the type: no times
            model.put("timeError", messages.message(lang, e.errors().get(0)));
        }
        LocalDate sunday = monday.plusDays(6);
        Map<LocalDate, List<Time>> byDay = new LinkedHashMap<>();
        Instant previous = null;
        for (FreeSlot slot : free) {
            if (coachId == null && slot.start().equals(previous)) {
                continue; // any coach: one entry per time
            }
            previous = slot.start();
            ZonedDateTime s = PortalTime.local(slot.start());
            String time = Dates.timeRange(lang, slot.start(), slot.end());
            String url = context.base() + "?type=" + enc(type.id()) + "&coach=" + enc(coachValue) + "&start="
                + enc(slot.start().toString());
            String accessible = day(lang, s.toLocalDate()) + ", " + time
                + (coachId == null ? "" : " " + messages.get(lang, "booking.times.with", slot.coachName()));
            byDay.computeIfAbsent(s.toLocalDate(), d -> new ArrayList<>()).add(new Time(time, accessible, url));
        }
        List<Day> days = new ArrayList<>();
        byDay.forEach((date, times) -> days.add(new Day(day(lang, date), times)));
        model.put("step", "time");
        model.put("typeId", type.id());
        model.put("typeName", type.name(lang) + " – " + messages.get(lang, "booking.type.duration", type.durationMinutes()));
        model.put("coaches", coaches);
        model.put("coach", coachValue);
        model.put("days", days);
        model.put("weekLabel", messages.get(lang, "booking.week", day(lang, monday), day(lang, sunday)));
        model.put("weekRange", Dates.dayRange(lang, monday, sunday));
        // a week asked for (its link, the time step named by "Andere Zeit wählen"): its heading takes the focus
        model.put("weekFocus", around != null);
        String weekBase = context.base() + "?type=" + enc(type.id()) + "&coach=" + enc(coachValue) + "&woche=";
        // no further than the last day the type can be booked on (the end of the furthest booking window), saying so
        LocalDate back = weekBefore(monday, today, lastDay);
        model.put("previousWeek", back == null ? null : weekBase + back + WEEK);
        // a link that leads back past the empty weeks says where it leads: "Vorherige Woche" a year back surprised
        model.put("previousWeekJumps", back != null && !back.equals(monday.minusWeeks(1)));
        boolean beyond = lastDay != null && monday.plusWeeks(1).isAfter(lastDay);
        LocalDate next = monday.plusWeeks(1);
        model.put("nextWeek", !beyond && queryDates.linkable(next) ? weekBase + next + WEEK : null);
        model.put("windowEnd", beyond ? day(lang, lastDay) : null);
        model.put("week", monday.toString());
        // the page answered to the form's post (its time refused): the language switch shows this week's times again
        model.put(LayoutModel.PAGE_QUERY, "type=" + enc(type.id()) + "&coach=" + enc(coachValue) + "&woche=" + monday);
    }

    /**
     * The fragment of a link to a week of times: its heading ({@code booking/times}), focusable, which the browser
     * focuses and scrolls to (app.js too, {@code weekFocus}): the week's times come after it, and keyboard and
     * screen-reader users began again at the top of the page after every week.
     */
    static final String WEEK = "#week";

    /** How far ahead the first look searches for a week with a free time: eight weeks, one search. */
    static final int FIRST_FREE_SEARCH_DAYS = 56;

    /**
     * The free times of the first week from {@code from} (a Monday) that has one, with the coach if one is chosen:
     * one search over {@link #FIRST_FREE_SEARCH_DAYS} (whole weeks), not after the last bookable day; none if there
     * is no free time in that span.
     */
    private List<FreeSlot> firstFreeWeek(Context context, AppointmentType type, @Nullable String coachId,
                                         LocalDate from, @Nullable LocalDate lastDay) {
        LocalDate to = from.plusDays(FIRST_FREE_SEARCH_DAYS - 1L);
        if (lastDay != null && lastDay.isBefore(to)) {
            to = lastDay;
        }
        if (to.isBefore(from)) {
            return List.of();
        }
        List<FreeSlot> free = bookings.free(context.agency().id(), type.id(), from, to, coachId);
        if (free.isEmpty()) {
            return List.of();
        }
        LocalDate monday = PortalTime.local(free.get(0).start()).toLocalDate()
            .with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
        return free.stream().filter(slot -> PortalTime.local(slot.start()).toLocalDate().isBefore(monday.plusWeeks(1)))
            .toList();
    }

    private void contactStep(Language lang, Map<String, Object> model, Context context, AppointmentType type,
                             @Nullable String coachId, Instant start, BookingForm form, Map<String, String> errors) {
        model.put("step", "contact");
        model.put("typeId", type.id());
        model.put("onSite", type.mode().atCompany());
        model.put("coach", coachId == null ? ANY : coachId);
        model.put("start", start.toString());
        ZonedDateTime s = PortalTime.local(start);
        String coachName = coachId == null ? null : bookings.coachNames(context.agency().id()).get(coachId);
        model.put("chosen", messages.get(lang, "booking.chosen", type.name(lang),
            when(lang, start, start.plusSeconds(type.durationMinutes() * 60L)))
            + (coachName == null ? "" : " " + messages.get(lang, "booking.times.with", coachName)));
        model.put("changeUrl", context.base() + "?type=" + enc(type.id()) + "&coach=" + enc(coachId == null ? ANY : coachId)
            + "&woche=" + s.toLocalDate() + WEEK);
        model.put("form", form);
        model.put("consented", form.consented());
        model.put("key", form.key() == null || form.key().isBlank() ? UUID.randomUUID().toString() : form.key());
        // the page answered to the form's post (refused: 422, 429): the language switch keeps the chosen time (what was
        // typed is not put into a link: a GET shows the form anew, with the check's details where it has them)
        model.put(LayoutModel.PAGE_QUERY, "type=" + enc(type.id()) + "&coach=" + enc(coachId == null ? ANY : coachId)
            + "&start=" + enc(start.toString()));
        model.put("errors", errors);
        model.put("errorLinks", errorLinks(lang, errors));
    }

    /**
     * The error summary's lines in the form's order ({@link #FIELD_ORDER}), each naming its field and linking to it;
     * an error of another field after them. In the errors' order, the summary of an on-site visit's form listed the
     * postal code before the street and the contact's name before the town, as the rules found them.
     */
    private List<ErrorLink> errorLinks(Language lang, Map<String, String> errors) {
        List<ErrorLink> links = new java.util.ArrayList<>();
        FIELD_ORDER.stream().filter(errors::containsKey)
            .forEach(f -> links.add(new ErrorLink("#booking-" + f, labelled(lang, f, errors.get(f)))));
        errors.forEach((field, message) -> {
            if (!FIELD_ORDER.contains(field)) {
                links.add(new ErrorLink("#booking-" + field, labelled(lang, field, message)));
            }
        });
        return links;
    }

    /**
     * The contact form's fields in the page's order (book.html): the company, the visit's address (street, postal
     * code, town; a form of no visit has the postal code alone), the contact.
     */
    static final List<String> FIELD_ORDER = List.of("companyName", "street", "postalCode", "town", "contactName",
        "contactEmail", "contactPhone");

    /** The contact form's labels by field: the error summary names the field of each message. */
    private static final Map<String, String> LABELS = Map.of("companyName", "booking.contact.company",
        "postalCode", "booking.contact.postalCode", "street", "booking.contact.street", "town", "booking.contact.town",
        "contactName", "booking.contact.name",
        "contactEmail", "booking.contact.email", "contactPhone", "booking.contact.phone");

    private String labelled(Language lang, String field, String message) {
        String label = LABELS.get(field);
        return label == null ? message : messages.get(lang, label) + ": " + message;
    }

    private static BookingForm prefill(Context context) {
        Assessment a = context.assessment();
        if (a == null) {
            return BookingForm.EMPTY;
        }
        return new BookingForm(null, null, null, null, a.company().name(), a.company().postalCode(), null,
            a.company().municipality(), a.contact().name(), a.contact().email(), a.contact().phone(), null, null);
    }

    /**
     * The Monday that "Vorherige Woche" leads to from the week of {@code monday} (null: none, the week is this week or
     * earlier): the week before, but from a week after {@code lastDay} (the last day that can be booked; null: none
     * known) straight to that day's week, not back through the empty weeks one at a time; never before this week.
     */
    static @Nullable LocalDate weekBefore(LocalDate monday, LocalDate today, @Nullable LocalDate lastDay) {
        LocalDate thisWeek = today.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
        if (!monday.isAfter(thisWeek)) {
            return null;
        }
        LocalDate back = monday.minusWeeks(1);
        if (lastDay != null && back.isAfter(lastDay)) {
            back = lastDay.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
        }
        return back.isBefore(thisWeek) ? thisWeek : back;
    }

    static String day(Language lang, LocalDate date) {
        return Dates.longDate(lang, date);
    }

    /**
     * "Montag, 7. Dezember 2026, 10:00–11:00 Uhr" in the portal's zone; with the zone of each time where the hour the
     * clocks go back would leave it ambiguous ("Sonntag, 25. Oktober 2026, 01:00 MESZ–02:00 MEZ").
     */
    static String when(Language lang, Instant start, Instant end) {
        ZonedDateTime s = PortalTime.local(start);
        boolean zoned = Dates.needsZone(start, end);
        return day(lang, s.toLocalDate()) + ", " + Dates.timeRange(lang, start, end)
            + (lang == Language.EN || zoned ? "" : " Uhr");
    }

    private static Instant parse(String text) {
        return PortalTime.instant(text).orElse(null);
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
