package de.digitalcheck.portal.booking.web;

import de.digitalcheck.portal.booking.Booking;
import de.digitalcheck.portal.booking.BookingChanges;
import de.digitalcheck.portal.booking.FreeSlot;
import de.digitalcheck.portal.routing.Agencies;
import de.digitalcheck.portal.shared.i18n.Dates;
import de.digitalcheck.portal.shared.i18n.Language;
import de.digitalcheck.portal.shared.i18n.Messages;
import de.digitalcheck.portal.shared.time.PortalTime;
import de.digitalcheck.portal.shared.validation.FieldError;
import de.digitalcheck.portal.shared.web.ErrorLink;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpStatus;
import jakarta.inject.Singleton;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
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

/**
 * What the pages that move or cancel an appointment share (the company's under its private link, the coach's and the
 * staff's): the appointment's summary and the week of times it can move to, listed as the booking flow lists them.
 */
@Singleton
class ChangeViews {

    static final String VIEW = "booking/change";
    static final String STALE = "booking/stale";

    private final BookingChanges changes;
    private final Agencies agencies;
    private final Messages messages;
    private final Clock clock;
    private final QueryDates queryDates;

    ChangeViews(BookingChanges changes, Agencies agencies, Messages messages, Clock clock, QueryDates queryDates) {
        this.queryDates = queryDates;
        this.changes = changes;
        this.agencies = agencies;
        this.messages = messages;
        this.clock = clock;
    }

    /** The appointment's summary and what can be done with it. */
    Map<String, Object> summary(Language lang, Booking booking) {
        Map<String, Object> model = new HashMap<>();
        model.put("booking", booking);
        model.put("when", BookingPages.when(lang, booking.start(), booking.end()));
        model.put("typeName", booking.type().name(lang));
        model.put("modeName", messages.get(lang, "mode." + booking.mode().name()));
        model.put("agency", agencies.find(booking.agencyId()).orElse(null));
        model.put("changeable", changes.changeable(booking));
        model.put("cancelled", booking.status() == Booking.Status.CANCELLED);
        model.put("errors", Map.of());
        model.put("errorLinks", List.of());
        model.put("taken", false);
        model.put("timeError", null);
        model.put("chosen", null);
        model.put("message", "");
        return model;
    }

    /**
     * The week (from {@code week}'s Monday, not before this week) of times to move to; each links to
     * {@code base + "start=…"}, the weeks to {@code base + "woche=…"}. Without a week the page opens on the
     * appointment's own week (it once opened on this week, and whoever moved an appointment weeks ahead had to page
     * to it).
     */
    void times(Map<String, Object> model, Language lang, Booking booking, @Nullable LocalDate week, String base) {
        LocalDate today = PortalTime.today(clock);
        LocalDate shown = week != null ? week : opening(booking, today);
        LocalDate monday = (shown.isBefore(today) ? today : shown)
            .with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
        Map<LocalDate, List<BookingPages.Time>> byDay = new LinkedHashMap<>();
        for (FreeSlot slot : changes.freeForMove(booking, monday, monday.plusDays(6))) {
            ZonedDateTime s = PortalTime.local(slot.start());
            // with the zone where the time alone would not say which (the hour the clocks go back), as booking lists it
            String time = Dates.timeRange(lang, slot.start(), slot.end());
            byDay.computeIfAbsent(s.toLocalDate(), d -> new ArrayList<>()).add(new BookingPages.Time(time,
                BookingPages.day(lang, s.toLocalDate()) + ", " + time, base + "start=" + enc(slot.start().toString())));
        }
        List<BookingPages.Day> days = new ArrayList<>();
        byDay.forEach((date, list) -> days.add(new BookingPages.Day(BookingPages.day(lang, date), list)));
        model.put("step", "time");
        model.put("days", days);
        model.put("notOffered", !changes.coachOffersType(booking));
        model.put("weekLabel", messages.get(lang, "booking.week", BookingPages.day(lang, monday),
            BookingPages.day(lang, monday.plusDays(6))));
        model.put("weekRange", Dates.dayRange(lang, monday, monday.plusDays(6)));
        model.put("weekFocus", week != null); // a week asked for: its heading takes the focus (BookingPages.WEEK)
        // no further than the last day it can move to (the end of its coach's booking window), saying so
        LocalDate lastDay = changes.lastDayForMove(booking);
        LocalDate back = BookingPages.weekBefore(monday, today, lastDay);
        model.put("previousWeek", back == null ? null : base + "woche=" + back + BookingPages.WEEK);
        model.put("previousWeekJumps", back != null && !back.equals(monday.minusWeeks(1)));
        boolean beyond = monday.plusWeeks(1).isAfter(lastDay);
        LocalDate next = monday.plusWeeks(1);
        model.put("nextWeek", !beyond && queryDates.linkable(next) ? base + "woche=" + next + BookingPages.WEEK : null);
        model.put("windowEnd", beyond ? BookingPages.day(lang, lastDay) : null);
        model.put("monday", monday);
    }

    /**
     * The step of a move the address asks for (the appointment must be changeable) and the status the page answers
     * with: the time it gives ({@code start}), to confirm at {@code changeUrl}, if it is one of the times the
     * appointment can move to ({@code 200}); else the week's times ({@link #times}, links from {@code base}). A time
     * it cannot move to — past, off the slot grid, in an absence, taken, its own — shows its week's times with a note
     * saying so ({@code 409}, as the booking flow answers such a time): the confirm step of such a time was refused
     * only once confirmed. A week or time that does not exist or was not understood: the week's times with a note
     * saying so ({@code 400}), never as if it had been asked for.
     */
    HttpStatus step(Map<String, Object> model, Language lang, Booking booking, @Nullable String week,
                    @Nullable String start, String changeUrl, String base) {
        QueryDates.Time chosen = queryDates.time(start);
        if (chosen.instant() != null) {
            Instant at = chosen.instant();
            LocalDate day = LocalDate.ofInstant(at, PortalTime.ZONE);
            if (changes.freeForMove(booking, day, day).stream().anyMatch(slot -> slot.start().equals(at))) {
                confirm(model, lang, booking, at, changeUrl);
                return HttpStatus.OK;
            }
            times(model, lang, booking, day, base);
            model.put("timeError", messages.get(lang, "booking.time.unavailable"));
            return HttpStatus.CONFLICT;
        }
        QueryDates.Week asked = queryDates.week(week);
        times(model, lang, booking, asked.date(), base);
        String note = chosen.unreadable() != null ? queryDates.timeNote(lang, chosen.unreadable())
            : asked.unreadable() != null
                ? queryDates.weekNote(lang, asked.unreadable(), (LocalDate) model.get("monday")) : null;
        model.put("queryError", note);
        return note == null ? HttpStatus.OK : HttpStatus.BAD_REQUEST;
    }

    /**
     * The day whose week the move page opens on: the appointment's if it is still to come, else today (one that has
     * begun cannot be moved, and its pages list no times).
     */
    private LocalDate opening(Booking booking, LocalDate today) {
        return booking.start().isAfter(clock.instant()) ? PortalTime.local(booking.start()).toLocalDate() : today;
    }

    /** The chosen new time, to be confirmed. */
    void confirm(Map<String, Object> model, Language lang, Booking booking, Instant start, String changeUrl) {
        Instant end = start.plus(java.time.Duration.between(booking.start(), booking.end()));
        model.put("step", "confirm");
        model.put("start", start.toString());
        model.put("chosen", BookingPages.when(lang, start, end));
        model.put("changeUrl", changeUrl + BookingPages.WEEK); // back to the week's heading
    }

    /** Errors by the form's field and the summary's links to them ({@code #<prefix>-<field>}). */
    void errors(Map<String, Object> model, Language lang, List<FieldError> errors, String prefix) {
        Map<String, String> byField = new LinkedHashMap<>();
        for (FieldError e : errors) {
            byField.putIfAbsent(e.field(), messages.message(lang, e));
        }
        model.put("errors", byField);
        boolean closed = Boolean.FALSE.equals(model.get("changeable"));
        model.put("errorLinks", byField.entrySet().stream()
            .map(e -> new ErrorLink(anchor(prefix, e.getKey(), closed),
                messages.get(lang, label(prefix, e.getKey())) + ": " + e.getValue())).toList());
    }

    /**
     * The name of a field in the error summary; the time and the token (an appointment that has begun or is
     * cancelled) by the step the form was for: the move's new time, or the cancellation.
     */
    private static String label(String prefix, String field) {
        return switch (field) {
            case "reason" -> "booking.cancel.reason";
            case "message" -> "appointment.message";
            default -> prefix.equals("cancel") ? "booking.cancel" : "booking.move.choose";
        };
    }

    /** A field's place on the page; the time and the token of an appointment that cannot change: the note saying so. */
    private static String anchor(String prefix, String field, boolean closed) {
        boolean time = field.equals("start") || field.equals("token");
        return closed && time ? "#change-closed" : "#" + prefix + "-" + (time ? "start" : field);
    }

    /** A time the page was given; none if it is malformed or outside the years {@link PortalTime} allows. */
    static @Nullable Instant instant(@Nullable String text) {
        return PortalTime.instant(text).orElse(null);
    }

    static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
