package de.digitalcheck.portal.booking.web;

import de.digitalcheck.portal.accounts.Account;
import de.digitalcheck.portal.accounts.Accounts;
import de.digitalcheck.portal.accounts.UnknownAccount;
import de.digitalcheck.portal.booking.AppointmentType;
import de.digitalcheck.portal.booking.Booking;
import de.digitalcheck.portal.booking.Bookings;
import de.digitalcheck.portal.booking.CalendarSettings;
import de.digitalcheck.portal.booking.Calendars;
import de.digitalcheck.portal.booking.CoachProfile;
import de.digitalcheck.portal.booking.Coaches;
import de.digitalcheck.portal.booking.MeetingMode;
import de.digitalcheck.portal.booking.Unbookable;
import de.digitalcheck.portal.booking.UnknownAppointmentType;
import de.digitalcheck.portal.shared.config.PortalSettings;
import de.digitalcheck.portal.shared.i18n.Dates;
import de.digitalcheck.portal.shared.i18n.Language;
import de.digitalcheck.portal.shared.i18n.Messages;
import de.digitalcheck.portal.shared.security.Fingerprints;
import de.digitalcheck.portal.shared.security.Role;
import de.digitalcheck.portal.shared.security.SignedIn;
import de.digitalcheck.portal.shared.time.PortalTime;
import de.digitalcheck.portal.shared.validation.ValidationException;
import de.digitalcheck.portal.shared.web.Choice;
import de.digitalcheck.portal.shared.web.ErrorLink;
import de.digitalcheck.portal.shared.web.StaleField;
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

import java.time.Clock;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A coach's calendar settings and week of appointments ({@code /coach/kalender}, {@code /coach/termine}); the agency
 * staff's appointment types and their coaches' calendars ({@code /agentur/terminarten}, {@code /agentur/coaches/{id}}).
 * Another agency's coach or type is not found (404).
 */
@Controller
@ExecuteOn(TaskExecutors.BLOCKING)
@Produces(MediaType.TEXT_HTML)
class CalendarWorkspace {

    private final Calendars calendars;
    private final Bookings bookings;
    private final Accounts accounts;
    private final Messages messages;
    private final Csrf csrf;
    private final Clock clock;
    private final de.digitalcheck.portal.booking.AppointmentOutcomes outcomes;
    private final Coaches coaches;
    private final QueryDates queryDates;
    private final PortalSettings settings;
    private final Flash flash;

    CalendarWorkspace(Calendars calendars, Bookings bookings, Accounts accounts, Messages messages, Csrf csrf,
                      Clock clock, de.digitalcheck.portal.booking.AppointmentOutcomes outcomes, Coaches coaches,
                      QueryDates queryDates, PortalSettings settings, Flash flash) {
        this.flash = flash;
        this.settings = settings;
        this.queryDates = queryDates;
        this.outcomes = outcomes;
        this.coaches = coaches;
        this.calendars = calendars;
        this.bookings = bookings;
        this.accounts = accounts;
        this.messages = messages;
        this.csrf = csrf;
        this.clock = clock;
    }

    // ------------------------------------------------------------------------------------------- the coach's own

    @Get("/coach/kalender")
    @Secured("COACH")
    HttpResponse<ModelAndView<Map<String, Object>>> ownCalendar(HttpRequest<?> request, Authentication authentication) {
        Account coach = account(authentication);
        return shown(request, calendarPage(request, coach, null, "/coach/kalender",
            CalendarForm.of(calendars.settings(coach.id())), Map.of()));
    }

    @Post("/coach/kalender")
    @Secured("COACH")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    HttpResponse<?> saveOwnCalendar(HttpRequest<?> request, Authentication authentication,
                                    @Body @Nullable CalendarForm body) {
        csrf.verify(request, body);
        return saveCalendar(request, account(authentication), null, "/coach/kalender", body);
    }

    @Get("/coach/termine")
    @Secured("COACH")
    HttpResponse<?> ownWeek(HttpRequest<?> request, Authentication authentication,
                                              @QueryValue @Nullable String woche) {
        return weekPage(request, account(authentication), null, "/coach/termine", woche, true);
    }

    // ------------------------------------------------------------------------------------------ agency staff

    @Get("/agentur/terminarten")
    @Secured("AGENCY_STAFF")
    HttpResponse<ModelAndView<Map<String, Object>>> types(HttpRequest<?> request, Authentication authentication) {
        Language lang = PortalLocaleResolver.language(request);
        String agency = agencyOf(authentication);
        Map<String, String> names = coachNames(agency);
        Map<String, Object> model = new HashMap<>();
        List<Map<String, Object>> rows = new ArrayList<>();
        for (AppointmentType t : calendars.typesOf(agency)) {
            Map<String, Object> row = new HashMap<>();
            row.put("name", t.name(lang));
            row.put("duration", messages.get(lang, "booking.type.duration", t.durationMinutes()));
            row.put("mode", messages.get(lang, "mode." + t.mode().name()));
            row.put("coaches", String.join(", ", t.coachIds().stream().filter(names::containsKey).map(names::get).toList()));
            row.put("active", t.active());
            row.put("url", "/agentur/terminarten/" + t.id());
            boolean unoffered = t.active() && bookings.offeredBy(t).isEmpty();
            row.put("unoffered", unoffered);
            // its coaches would offer it but for its length: why, with the longest range of hours they have
            row.put("why", !unoffered ? null : bookings.tooLongFor(t).map(longest -> longest == 0
                ? messages.get(lang, "types.unoffered.noHours")
                : messages.get(lang, "types.unoffered.tooLong", t.durationMinutes(), longest)).orElse(null));
            rows.add(row);
        }
        model.put("types", rows);
        // right after a type is saved (the post's Flash note, once): the note that it is saved, focused
        model.put("saved", flash.saved(request));
        model.put("unoffered", rows.stream().filter(r -> (boolean) r.get("unoffered"))
            .map(r -> r.get("why") == null ? r.get("name") : r.get("name") + ": " + r.get("why")).toList());
        model.put("coaches", names.entrySet().stream().map(e -> new Choice("/agentur/coaches/" + e.getKey() + "/kalender",
            e.getValue())).toList());
        // coaches who ticked no way of meeting companies: offered for no type, said beside them and in the warning
        java.util.Set<String> noMode = withoutMode(agency);
        model.put("noMode", names.keySet().stream().map(noMode::contains).toList());
        model.put("noModeNames", names.entrySet().stream().filter(e -> noMode.contains(e.getKey()))
            .map(Map.Entry::getValue).toList());
        model.put("weeks", names.entrySet().stream().map(e -> new Choice("/agentur/coaches/" + e.getKey() + "/termine",
            e.getValue())).toList());
        // disabled coaches' appointments stay with the agency: their weeks, though the coaches are no longer bookable
        model.put("disabledWithAppointments", bookings.disabledCoachesWithComing(agency).entrySet().stream()
            .map(e -> new Choice("/agentur/coaches/" + e.getKey().id() + "/termine",
                messages.get(lang, "types.disabledCoach", e.getKey().name(), e.getValue()))).toList());
        // the whole address: staff copy it into mails and onto their website (a path alone was of no use there)
        model.put("bookingUrl", settings.link("/termin/" + agency));
        return flash.clear(request, HttpResponse.ok(new ModelAndView<>("booking/types", model)));
    }

    @Get("/agentur/terminarten/neu")
    @Secured("AGENCY_STAFF")
    ModelAndView<Map<String, Object>> newType(HttpRequest<?> request, Authentication authentication) {
        return typePage(request, agencyOf(authentication), "/agentur/terminarten/neu", TypeForm.fresh(), Map.of());
    }

    @Post("/agentur/terminarten/neu")
    @Secured("AGENCY_STAFF")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    HttpResponse<?> addType(HttpRequest<?> request, Authentication authentication, @Body @Nullable TypeForm body) {
        csrf.verify(request, body);
        return saveType(request, agencyOf(authentication), null, "/agentur/terminarten/neu", body);
    }

    @Get("/agentur/terminarten/{id}")
    @Secured("AGENCY_STAFF")
    ModelAndView<Map<String, Object>> editType(HttpRequest<?> request, Authentication authentication,
                                               @PathVariable String id) {
        String agency = agencyOf(authentication);
        AppointmentType type = calendars.typesOf(agency).stream().filter(t -> t.id().equals(id)).findFirst()
            .orElseThrow(UnknownAppointmentType::new);
        return typePage(request, agency, "/agentur/terminarten/" + id, TypeForm.of(type), Map.of());
    }

    @Post("/agentur/terminarten/{id}")
    @Secured("AGENCY_STAFF")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    HttpResponse<?> changeType(HttpRequest<?> request, Authentication authentication, @PathVariable String id,
                               @Body @Nullable TypeForm body) {
        csrf.verify(request, body);
        return saveType(request, agencyOf(authentication), id, "/agentur/terminarten/" + id, body);
    }

    @Get("/agentur/coaches/{id}/kalender")
    @Secured("AGENCY_STAFF")
    HttpResponse<ModelAndView<Map<String, Object>>> coachCalendar(HttpRequest<?> request, Authentication authentication,
                                                                  @PathVariable String id) {
        String agency = agencyOf(authentication);
        Account coach = coachOfAgency(id, agency);
        String path = "/agentur/coaches/" + id + "/kalender";
        return shown(request, calendarPage(request, coach, agency, path,
            CalendarForm.of(calendars.settings(coach.id())), Map.of()));
    }

    /** The calendar as a {@code GET} shows it: "saved" once, after the post that saved it (its {@link Flash} note). */
    private HttpResponse<ModelAndView<Map<String, Object>>> shown(HttpRequest<?> request,
                                                                  ModelAndView<Map<String, Object>> page) {
        page.getModel().orElseThrow().put("saved", flash.saved(request));
        return flash.clear(request, HttpResponse.ok(page));
    }

    @Post("/agentur/coaches/{id}/kalender")
    @Secured("AGENCY_STAFF")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    HttpResponse<?> saveCoachCalendar(HttpRequest<?> request, Authentication authentication, @PathVariable String id,
                                      @Body @Nullable CalendarForm body) {
        csrf.verify(request, body);
        String agency = agencyOf(authentication);
        Account coach = coachOfAgency(id, agency);
        return saveCalendar(request, coach, agency, "/agentur/coaches/" + id + "/kalender", body);
    }

    @Get("/agentur/coaches/{id}/termine")
    @Secured("AGENCY_STAFF")
    HttpResponse<?> coachWeek(HttpRequest<?> request, Authentication authentication,
                                                @PathVariable String id, @QueryValue @Nullable String woche) {
        String agency = agencyOf(authentication);
        Account coach = coachOfAgency(id, agency);
        return weekPage(request, coach, agency, "/agentur/coaches/" + id + "/termine", woche, false);
    }

    // ------------------------------------------------------------------------------------------------ pages

    /**
     * The calendar form; {@code agency}: the staff's agency (null: the coach's own page). Below the saved note, the
     * booked appointments the saved calendar no longer offers at their time — in an absence, on a day blocked or given
     * other hours, outside the weekday's hours — (those of the staff's agency on their page), each linking to its page
     * to move or cancel it: saving the calendar changes no appointment, and the companies still expect the coach.
     */
    private ModelAndView<Map<String, Object>> calendarPage(HttpRequest<?> request, Account coach,
                                                           @Nullable String agency, String action, CalendarForm form,
                                                           Map<String, String> errors) {
        Map<String, Object> model = new HashMap<>();
        model.put("coach", coach);
        model.put("action", action);
        model.put("own", agency == null);
        model.put("form", form);
        model.put("days", Arrays.stream(DayOfWeek.values()).map(Enum::name).toList());
        model.put("dayNames", dayNames(PortalLocaleResolver.language(request)));
        model.put("errors", errors);
        Language lang = PortalLocaleResolver.language(request);
        model.put("errorLinks", ErrorLink.summary(errors, fieldLabels(lang), "#calendar-",
            "#calendar-weekly-MONDAY"));
        model.put("stale", null);
        model.put("unversioned", null);
        model.put("added", null);
        model.put("saved", false); // a GET's page says so after a save (shown)
        model.put("noMode", coaches.profile(coach.id()).map(p -> p.modes().isEmpty()).orElse(false));
        model.put("outsideHours", outsideHours(lang, coach, agency));
        // the saved calendar leaves companies no time with the coach: why (null: bookable, or not for the calendar)
        CalendarSettings saved = calendars.settings(coach.id());
        model.put("unbookable", bookings.unbookable(coach.id()).map(u -> unbookableText(lang, u, saved)).orElse(null));
        return new ModelAndView<>("booking/calendar", model);
    }

    /**
     * Why the saved calendar leaves companies no time to book the coach, as the calendar page says it (the coach
     * cannot see it anywhere else: the staff's appointment types page warns per type).
     */
    private String unbookableText(Language lang, Unbookable why, CalendarSettings saved) {
        return switch (why.reason()) {
            case NO_HOURS -> messages.get(lang, "calendar.unbookable.noHours");
            case NOTICE_PAST_WINDOW -> messages.get(lang, "calendar.unbookable.notice", saved.minNotice() / 60,
                saved.windowDays());
            case NO_TIME_IN_WINDOW -> messages.get(lang, "calendar.unbookable.noTime", saved.windowDays(),
                saved.minNotice() / 60);
            case TYPES_TOO_LONG -> messages.get(lang, "calendar.unbookable.tooLong", why.longest(),
                why.shortest().name(lang), why.shortest().durationMinutes());
        };
    }

    /** A booked appointment the calendar no longer offers at its time, as the calendar page lists it. */
    public record OutsideHours(String day, String time, String company, String type, String url) {
    }

    private List<OutsideHours> outsideHours(Language lang, Account coach, @Nullable String agency) {
        String base = agency == null ? "/coach/termine/" : "/agentur/coaches/" + coach.id() + "/termine/";
        return bookings.outsideHours(coach.id(), calendars.settings(coach.id())).stream()
            .filter(b -> agency == null || agency.equals(b.agencyId()))
            .map(b -> new OutsideHours(BookingPages.day(lang, PortalTime.local(b.start()).toLocalDate()),
                Dates.timeRange(lang, b.start(), b.end()), b.companyName(), b.type().name(lang), base + b.id()))
            .toList();
    }

    private HttpResponse<?> saveCalendar(HttpRequest<?> request, Account coach, @Nullable String agency, String action,
                                         @Nullable CalendarForm body) {
        CalendarForm form = Objects.requireNonNullElse(body, CalendarForm.EMPTY);
        if (!Fingerprints.isWellFormed(form.version())) {
            return unversioned(request, coach, agency, action, form);
        }
        try {
            calendars.update(coach.id(), agency, form.input(), form.missing(), form.version());
            return flash.saved(action);
        } catch (de.digitalcheck.portal.booking.StaleCalendar e) {
            // someone else (the coach, or the agency's staff) saved the calendar since this form was read: what is
            // stored now where it differs from what was typed, which is kept; saving again replaces it knowingly
            ModelAndView<Map<String, Object>> page = calendarPage(request, coach, agency, action,
                form.readWith(e.current()), Map.of());
            page.getModel().orElseThrow().put("stale", changed(request, e.current(), form));
            return HttpResponse.status(HttpStatus.CONFLICT).contentType(MediaType.TEXT_HTML_TYPE).body(page);
        } catch (ValidationException e) {
            Map<String, String> errors = messages.byField(PortalLocaleResolver.language(request), e.errors());
            return HttpResponse.status(HttpStatus.UNPROCESSABLE_ENTITY).contentType(MediaType.TEXT_HTML_TYPE)
                .body(calendarPage(request, coach, agency, action, form, errors));
        }
    }

    /**
     * A form without the version it was read with, or with one the portal never gave out (a hand-made request, a page
     * from before forms carried it): which settings it would replace is unknown, so it is malformed (400) and nothing
     * is stored, never saved unchecked over someone else's change. The page says so, shows what is saved now where it
     * differs from what was typed, and keeps the typed values with the version of what is saved now: saving again
     * replaces that knowingly, as after a stale form.
     */
    private HttpResponse<?> unversioned(HttpRequest<?> request, Account coach, @Nullable String agency, String action,
                                        CalendarForm form) {
        CalendarSettings current = calendars.settings(coach.id());
        ModelAndView<Map<String, Object>> page = calendarPage(request, coach, agency, action, form.readWith(current),
            Map.of());
        page.getModel().orElseThrow().put("unversioned", changed(request, current, form));
        return HttpResponse.status(HttpStatus.BAD_REQUEST).contentType(MediaType.TEXT_HTML_TYPE).body(page);
    }

    /** The fields whose saved value is not what the form typed, with the saved value. */
    private List<StaleField> changed(HttpRequest<?> request, CalendarSettings current, CalendarForm form) {
        Language lang = PortalLocaleResolver.language(request);
        return StaleField.of(values(CalendarForm.of(current)), values(form), fieldLabels(lang)::get);
    }

    private ModelAndView<Map<String, Object>> typePage(HttpRequest<?> request, String agency, String action,
                                                       TypeForm form, Map<String, String> errors) {
        Language lang = PortalLocaleResolver.language(request);
        Map<String, Object> model = new HashMap<>();
        model.put("action", action);
        model.put("isNew", action.endsWith("/neu"));
        model.put("form", form);
        List<Choice> modeChoices = Arrays.stream(MeetingMode.values())
            .map(m -> new Choice(m.name(), messages.get(lang, "mode." + m.name()))).toList();
        model.put("modes", modeChoices);
        // each coach with the ways they meet companies (the type is offered only by those whose ways include its
        // place), or that they ticked none: offered for nothing
        Map<String, CoachProfile> profiles = new HashMap<>();
        coaches.ofAgency(agency).forEach(p -> profiles.put(p.accountId(), p));
        List<Choice> coachChoices = coachNames(agency).entrySet().stream().map(e -> {
            CoachProfile profile = profiles.get(e.getKey());
            List<MeetingMode> modes = profile == null ? List.of()
                : Arrays.stream(MeetingMode.values()).filter(profile.modes()::contains).toList();
            return new Choice(e.getKey(), modes.isEmpty() ? messages.get(lang, "types.coach.noMode", e.getValue())
                : messages.get(lang, "types.coach.modes", e.getValue(),
                    String.join(", ", modes.stream().map(m -> messages.get(lang, "mode.inline." + m.name())).toList())));
        }).toList();
        model.put("coaches", coachChoices);
        model.put("errors", errors);
        model.put("stale", null);
        model.put("unversioned", null);
        // the radio and checkbox groups by their first option, which takes the focus
        List<ErrorLink> links = ErrorLink.summary(errors, typeLabels(lang), "#type-", "#type-nameDe");
        links = ErrorLink.toFirstOption(links, "#type-mode", "type-mode-", modeChoices);
        model.put("errorLinks", ErrorLink.toFirstOption(links, "#type-coachIds", "type-coach-", coachChoices));
        return new ModelAndView<>("booking/type", model);
    }

    /** The type form's fields by name, in its order, with their labels. */
    private Map<String, String> typeLabels(Language lang) {
        Map<String, String> labels = new LinkedHashMap<>();
        for (String field : List.of("nameDe", "nameEn", "durationMinutes", "mode", "travelBufferMinutes", "coachIds")) {
            labels.put(field, messages.get(lang, field.equals("coachIds") ? "types.coaches" : "types." + field));
        }
        labels.put("active", messages.get(lang, "types.booking"));
        return labels;
    }

    /**
     * A type's form; a change of an existing type carries the version of the type it was read with
     * ({@link Calendars#stamp(AppointmentType)}): saved on top of someone else's change since, it is {@code 409} with
     * what is saved now beside the typed values, which are kept, nothing stored; without a version the portal gave out,
     * {@code 400} alike (as the calendar form, {@link #unversioned}). A new type has none (nothing to overwrite).
     */
    private HttpResponse<?> saveType(HttpRequest<?> request, String agency, @Nullable String typeId, String action,
                                     @Nullable TypeForm body) {
        TypeForm form = Objects.requireNonNullElse(body, TypeForm.NEW);
        if (typeId != null && !Fingerprints.isWellFormed(form.version())) {
            AppointmentType current = calendars.typesOf(agency).stream().filter(t -> t.id().equals(typeId)).findFirst()
                .orElseThrow(UnknownAppointmentType::new); // another agency's type: 404 before anything else
            ModelAndView<Map<String, Object>> page = typePage(request, agency, action, form.readWith(current), Map.of());
            page.getModel().orElseThrow().put("unversioned", typeChanged(request, agency, current, form));
            return HttpResponse.status(HttpStatus.BAD_REQUEST).contentType(MediaType.TEXT_HTML_TYPE).body(page);
        }
        try {
            if (typeId == null) {
                addType(agency, form);
            } else {
                calendars.saveType(agency, typeId, form.input(), List.of(), form.version());
            }
            return flash.saved("/agentur/terminarten");
        } catch (de.digitalcheck.portal.booking.AppointmentTypeAdded e) {
            // the new type's form sent again, with something else typed, after it had added the type: no second
            // type; the form now edits the one it added, with what was typed kept, and says where they differ
            ModelAndView<Map<String, Object>> page = typePage(request, agency,
                "/agentur/terminarten/" + e.added().id(), form.readWith(e.added()), Map.of());
            page.getModel().orElseThrow().put("added", typeChanged(request, agency, e.added(), form));
            return HttpResponse.status(HttpStatus.CONFLICT).contentType(MediaType.TEXT_HTML_TYPE).body(page);
        } catch (de.digitalcheck.portal.booking.StaleAppointmentType e) {
            // someone else saved the type since this form was read: what is stored now where it differs from what was
            // typed, which is kept; saving again replaces it knowingly
            ModelAndView<Map<String, Object>> page = typePage(request, agency, action, form.readWith(e.current()),
                Map.of());
            page.getModel().orElseThrow().put("stale", typeChanged(request, agency, e.current(), form));
            return HttpResponse.status(HttpStatus.CONFLICT).contentType(MediaType.TEXT_HTML_TYPE).body(page);
        } catch (ValidationException e) {
            Map<String, String> errors = messages.byField(PortalLocaleResolver.language(request), e.errors());
            return HttpResponse.status(HttpStatus.UNPROCESSABLE_ENTITY).contentType(MediaType.TEXT_HTML_TYPE)
                .body(typePage(request, agency, action, form, errors));
        }
    }

    /**
     * A new type from its form, under the form's key; sent twice at the same moment, the second post's insert meets
     * the first one's key (a unique key taken) and is then answered as the form sent again.
     */
    private void addType(String agency, TypeForm form) {
        try {
            calendars.addType(agency, form.key(), form.input(), List.of());
        } catch (RuntimeException e) {
            if (!de.digitalcheck.portal.shared.persistence.DatabaseErrors.duplicateKey(e)) {
                throw e;
            }
            calendars.addType(agency, form.key(), form.input(), List.of());
        }
    }

    /** The type form's fields whose saved value is not what the form typed, with the saved value as the page shows it. */
    private List<StaleField> typeChanged(HttpRequest<?> request, String agency, AppointmentType current,
                                         TypeForm form) {
        Language lang = PortalLocaleResolver.language(request);
        Map<String, String> names = coachNames(agency);
        return StaleField.of(typeValues(lang, TypeForm.of(current), names), typeValues(lang, form, names),
            typeLabels(lang)::get);
    }

    /** A type form's values by the names of {@link #typeLabels}, as people read them (the coaches by name). */
    private Map<String, String> typeValues(Language lang, TypeForm form, Map<String, String> coachNames) {
        Map<String, String> values = new LinkedHashMap<>();
        values.put("nameDe", Objects.requireNonNullElse(form.nameDe(), ""));
        values.put("nameEn", Objects.requireNonNullElse(form.nameEn(), ""));
        values.put("durationMinutes", Objects.requireNonNullElse(form.durationMinutes(), ""));
        values.put("mode", MeetingMode.parse(form.mode()).map(m -> messages.get(lang, "mode." + m.name()))
            .orElse(Objects.requireNonNullElse(form.mode(), "")));
        values.put("travelBufferMinutes", Objects.requireNonNullElse(form.travelBufferMinutes(), ""));
        // in the order of the form's boxes (by name), whatever order the ids came in
        values.put("coachIds", String.join(", ", coachNames.entrySet().stream()
            .filter(e -> form.coachIds().contains(e.getKey())).map(Map.Entry::getValue).toList()));
        values.put("active", messages.get(lang, form.isActive() ? "types.bookable" : "types.inactive"));
        return values;
    }

    /**
     * One row of the week view: a booked appointment with its page (move, cancel); once it has started, its outcome (a
     * label, null: none yet) and the address of its outcome form.
     */
    public record Row(String time, String type, String mode, String company, String contact, String url,
                      @Nullable String outcome, @Nullable String outcomeUrl) {
    }

    /** A day of the week view with its appointments. */
    public record Day(String label, List<Row> rows) {
    }

    /**
     * A coach's week; {@code agency}: the staff's agency, whose appointments alone the page lists (a coach who moved
     * here keeps the appointments booked at the old agency, which stay that agency's), null for the coach's own week.
     */
    private HttpResponse<?> weekPage(HttpRequest<?> request, Account coach, @Nullable String agency,
                                     String path, @Nullable String week, boolean own) {
        Language lang = PortalLocaleResolver.language(request);
        QueryDates.Week asked = queryDates.week(week);
        LocalDate monday = (asked.date() != null ? asked.date() : PortalTime.today(clock))
            .with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
        LocalDate next = monday.plusWeeks(1);
        List<Booking> list = bookings.ofCoach(coach.id(), monday.atStartOfDay(PortalTime.ZONE).toInstant(),
            next.atStartOfDay(PortalTime.ZONE).toInstant()).stream()
            .filter(b -> agency == null || agency.equals(b.agencyId())).toList();
        Map<String, de.digitalcheck.portal.booking.AppointmentOutcome> recorded =
            outcomes.of(list.stream().map(Booking::id).toList());
        java.time.Instant now = clock.instant();
        Map<LocalDate, List<Row>> byDay = new LinkedHashMap<>();
        for (int i = 0; i < 7; i++) {
            byDay.put(monday.plusDays(i), new ArrayList<>());
        }
        for (Booking b : list) {
            LocalDate day = PortalTime.local(b.start()).toLocalDate();
            String time = Dates.timeRange(lang, b.start(), b.end()); // with the zone in the hour the clocks go back
            byDay.computeIfAbsent(day, d -> new ArrayList<>()).add(new Row(time, b.type().name(lang),
                messages.get(lang, "mode." + b.mode().name())
                    + (b.visitAddress() == null ? "" : ": " + b.visitAddress().line()),
                b.erased() ? messages.get(lang, "feed.erased") : b.companyName(),
                b.erased() ? messages.get(lang, "feed.erased") : b.contactLine(),
                path + "/" + b.id(),
                recorded.containsKey(b.id())
                    ? messages.get(lang, "outcome.attendance." + recorded.get(b.id()).attendance().name()) : null,
                now.isBefore(b.start()) ? null
                    : own ? OutcomePages.coachPath(b.id()) : OutcomePages.staffPath(b.id())));
        }
        List<Day> days = new ArrayList<>();
        byDay.forEach((date, rows) -> days.add(new Day(BookingPages.day(lang, date), rows)));
        Map<String, Object> model = new HashMap<>();
        model.put("coach", coach);
        model.put("own", own);
        model.put("days", days);
        model.put("empty", list.isEmpty());
        model.put("weekLabel", messages.get(lang, "appointments.week", BookingPages.day(lang, monday),
            BookingPages.day(lang, monday.plusDays(6))));
        // the document's title names the week (7.–13. Dezember 2026), as the booking's time step does
        model.put("weekRange", Dates.dayRange(lang, monday, monday.plusDays(6)));
        // each way as far as a week can be asked for (null: no link)
        LocalDate previous = monday.minusWeeks(1);
        model.put("previousWeek", queryDates.linkable(previous) ? path + "?woche=" + previous : null);
        model.put("nextWeek", queryDates.linkable(next) ? path + "?woche=" + next : null);
        // a week asked for that does not exist or was not understood: this week, saying so (never as if asked for)
        model.put("queryError", asked.unreadable() == null ? null
            : queryDates.weekNote(lang, asked.unreadable(), monday));
        return HttpResponse.status(asked.unreadable() == null ? HttpStatus.OK : HttpStatus.BAD_REQUEST)
            .contentType(MediaType.TEXT_HTML_TYPE).body(new ModelAndView<>("booking/week", model));
    }

    // --------------------------------------------------------------------------------------------- helpers

    /** The calendar form's fields by name ({@code weekly.MONDAY}, …, {@code overrides}, …) in its order. */
    private Map<String, String> fieldLabels(Language lang) {
        Map<String, String> labels = new LinkedHashMap<>();
        for (DayOfWeek d : DayOfWeek.values()) {
            labels.put("weekly." + d.name(), messages.get(lang, "calendar.weekly") + ", "
                + dayNames(lang).get(d.name()));
        }
        for (String field : List.of("overrides", "absences", "bufferBefore", "bufferAfter", "minNoticeHours",
            "windowDays", "maxPerDay", "slotInterval")) {
            labels.put(field, messages.get(lang, "calendar." + field));
        }
        return labels;
    }

    /** A calendar form's values by the names of {@link #fieldLabels} (missing: empty). */
    private static Map<String, String> values(CalendarForm form) {
        Map<String, String> values = new LinkedHashMap<>();
        for (DayOfWeek d : DayOfWeek.values()) {
            values.put("weekly." + d.name(), form.day(d.name()));
        }
        values.put("overrides", Objects.requireNonNullElse(form.overrides(), ""));
        values.put("absences", Objects.requireNonNullElse(form.absences(), ""));
        values.put("bufferBefore", Objects.requireNonNullElse(form.bufferBefore(), ""));
        values.put("bufferAfter", Objects.requireNonNullElse(form.bufferAfter(), ""));
        values.put("minNoticeHours", Objects.requireNonNullElse(form.minNoticeHours(), ""));
        values.put("windowDays", Objects.requireNonNullElse(form.windowDays(), ""));
        values.put("maxPerDay", Objects.requireNonNullElse(form.maxPerDay(), ""));
        values.put("slotInterval", Objects.requireNonNullElse(form.slotInterval(), ""));
        return values;
    }

    private Account account(Authentication authentication) {
        return accounts.find(SignedIn.of(authentication).accountId()).orElseThrow(UnknownAccount::new);
    }

    private String agencyOf(Authentication authentication) {
        String agency = account(authentication).agencyId();
        if (agency == null) {
            throw new UnknownAccount();
        }
        return agency;
    }

    /** A coach of the staff's agency; another agency's coach (or no coach) is not found. */
    private Account coachOfAgency(String coachId, String agency) {
        if (!calendars.isCoachOf(coachId, agency)) {
            throw new UnknownAccount();
        }
        return accounts.find(coachId).filter(a -> a.role() == Role.COACH).orElseThrow(UnknownAccount::new);
    }

    /** The agency's coaches who ticked no way of meeting companies (offered for no appointment type). */
    private java.util.Set<String> withoutMode(String agency) {
        return coaches.ofAgency(agency).stream().filter(p -> p.modes().isEmpty()).map(CoachProfile::accountId)
            .collect(java.util.stream.Collectors.toSet());
    }

    private Map<String, String> coachNames(String agency) {
        Map<String, String> names = new LinkedHashMap<>();
        bookings.coachNames(agency).entrySet().stream().sorted(Map.Entry.comparingByValue())
            .forEach(e -> names.put(e.getKey(), e.getValue()));
        return names;
    }

    private Map<String, String> dayNames(Language lang) {
        Map<String, String> names = new HashMap<>();
        for (DayOfWeek d : DayOfWeek.values()) {
            names.put(d.name(), d.getDisplayName(java.time.format.TextStyle.FULL,
                lang == Language.EN ? java.util.Locale.ENGLISH : java.util.Locale.GERMAN));
        }
        return names;
    }
}
