package de.digitalcheck.portal.booking;

import de.digitalcheck.portal.accounts.UnknownAccount;
import de.digitalcheck.portal.routing.AgencyAdministration;
import de.digitalcheck.portal.routing.AgencyNames;
import de.digitalcheck.portal.shared.validation.Errors;
import de.digitalcheck.portal.shared.validation.FieldError;
import de.digitalcheck.portal.shared.validation.TextRules;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.transaction.TransactionDefinition;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;

import java.time.Clock;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Coaches' calendar settings and agencies' appointment types: reading and validated changes. Who may change what is
 * the caller's question, except that a coach's or type's agency must be the one given ({@code withinAgency}): another
 * agency's coach or type is "unknown" (404).
 */
@Singleton
public class Calendars {

    private final CoachCalendarRows calendars;
    private final CoachRows coaches;
    private final AppointmentTypeRows types;
    private final AgencyAdministration agencies;
    private final Clock clock;

    Calendars(CoachCalendarRows calendars, CoachRows coaches, AppointmentTypeRows types, AgencyAdministration agencies,
              Clock clock) {
        this.calendars = calendars;
        this.coaches = coaches;
        this.types = types;
        this.agencies = agencies;
        this.clock = clock;
    }

    /** The coach's settings ({@link CalendarSettings#NEW} before the first change). */
    public CalendarSettings settings(String coachId) {
        return calendars.findById(coachId).map(CoachCalendarRow::settings).orElse(CalendarSettings.NEW);
    }

    /** The form's input: hours per weekday as text, overrides and absences one per line, numbers as text. */
    public record CalendarInput(Map<DayOfWeek, String> weekly, @Nullable String overrides, @Nullable String absences,
                                @Nullable String bufferBefore, @Nullable String bufferAfter,
                                @Nullable String minNoticeHours, @Nullable String windowDays,
                                @Nullable String maxPerDay, @Nullable String slotInterval) {
    }

    /**
     * Replaces a coach's settings. All or nothing: hours that contradict themselves are refused (a weekday's or an
     * override's ranges that overlap, the same line twice included; a date twice among the overrides, say blocked and
     * with hours), ranges that merely touch are fine.
     *
     * @param withinAgency the agency the coach must belong to (null: any, for the coach themselves)
     * @throws UnknownAccount if there is no such coach (in that agency)
     * @throws de.digitalcheck.portal.shared.validation.ValidationException with every problem found
     */
    @Transactional
    public CalendarSettings update(String coachId, @Nullable String withinAgency, CalendarInput input,
                                   List<FieldError> formErrors) {
        return update(coachId, withinAgency, input, formErrors, null);
    }

    /**
     * The version of a coach's settings a form carries ({@link #update(String, String, CalendarInput, List, String)}):
     * a fingerprint of what is stored, as the form shows it.
     */
    public static String stamp(CalendarSettings s) {
        return de.digitalcheck.portal.shared.security.Fingerprints.of(CalendarText.weekly(s.weekly()),
            CalendarText.overrides(s.overrides()), CalendarText.absences(s.absences()),
            String.valueOf(s.bufferBefore()), String.valueOf(s.bufferAfter()), String.valueOf(s.minNotice()),
            String.valueOf(s.windowDays()), String.valueOf(s.maxPerDay()), String.valueOf(s.slotInterval()));
    }

    /**
     * As above, unless the settings changed since the form was read: the coach and their agency's staff edit the same
     * calendar, and the last save would silently undo the other's change (an absence gone, and companies booking the
     * coach while away). With {@code readStamp} (the {@link #stamp} the form was read with; null: not checked) the
     * coach's row is locked and a save on top of other settings is refused with {@link StaleCalendar}, nothing
     * stored, unless what is stored is already what was typed.
     *
     * @throws StaleCalendar if someone saved other settings since the form was read
     */
    @Transactional
    public CalendarSettings update(String coachId, @Nullable String withinAgency, CalendarInput input,
                                   List<FieldError> formErrors, @Nullable String readStamp) {
        CoachRow coach = coaches.findById(coachId).orElseThrow(UnknownAccount::new);
        if (withinAgency != null && !coach.agencyId().equals(withinAgency)) {
            throw new UnknownAccount();
        }
        Errors errors = new Errors().addAll(formErrors);
        Map<DayOfWeek, List<TimeRange>> weekly = new EnumMap<>(DayOfWeek.class);
        for (DayOfWeek day : DayOfWeek.values()) {
            String field = "weekly." + day.name();
            List<TimeRange> ranges = CalendarText.parseRanges(input.weekly().get(day), field, errors);
            CalendarText.overlap(ranges).ifPresent(two -> errors.add(field, "error.calendar.overlap",
                two.get(0).toString(), two.get(1).toString()));
            if (!ranges.isEmpty()) {
                weekly.put(day, ranges);
            }
        }
        var overrides = CalendarText.parseOverrides(input.overrides(), "overrides", errors);
        overrides.forEach((date, ranges) -> CalendarText.overlap(ranges).ifPresent(two -> errors.add("overrides",
            "error.calendar.overrideOverlap", date.toString(), two.get(0).toString(), two.get(1).toString())));
        var absences = CalendarText.parseAbsences(input.absences(), "absences", errors);
        int before = number(input.bufferBefore(), "bufferBefore", 0, 240, errors);
        int after = number(input.bufferAfter(), "bufferAfter", 0, 240, errors);
        int noticeHours = number(input.minNoticeHours(), "minNoticeHours", 0, 24 * 30, errors);
        int window = number(input.windowDays(), "windowDays", 1, 365, errors);
        int perDay = number(input.maxPerDay(), "maxPerDay", 0, 50, errors);
        int interval = number(input.slotInterval(), "slotInterval", 5, 240, errors);
        fits(weekly, overrides, absences, errors);
        errors.throwIfAny();
        CalendarSettings settings = new CalendarSettings(weekly, overrides, absences, before, after, noticeHours * 60,
            window, perDay, interval);
        if (readStamp != null) {
            coaches.lock(List.of(coachId)); // two saves of one calendar: one after the other
            CalendarSettings current = settings(coachId);
            String now = stamp(current);
            if (now.equals(stamp(settings))) {
                return current; // saved as typed already
            }
            if (!now.equals(readStamp)) {
                throw new StaleCalendar(current);
            }
        }
        CoachCalendarRow row = CoachCalendarRow.of(coachId, settings, clock.instant());
        if (calendars.existsById(coachId)) {
            calendars.update(row);
        } else {
            calendars.save(row);
        }
        return settings;
    }

    /** What the calendar's columns hold (coach_calendar: weekly_hours, overrides, absences), in characters. */
    static final int MAX_WEEKLY_TEXT = 1000;
    static final int MAX_OVERRIDES_TEXT = 4000;
    static final int MAX_ABSENCES_TEXT = 2000;

    /**
     * Settings that pass every rule but would not fit their columns as stored (many short spans, long override lines)
     * are a field error, not a database error that loses the form: the week at its busiest day's field.
     */
    private static void fits(Map<DayOfWeek, List<TimeRange>> weekly, Map<LocalDate, List<TimeRange>> overrides,
                             List<Absence> absences, Errors errors) {
        if (CalendarText.weekly(weekly).length() > MAX_WEEKLY_TEXT) {
            DayOfWeek busiest = weekly.entrySet().stream().max(java.util.Comparator.comparingInt(e -> e.getValue().size()))
                .map(Map.Entry::getKey).orElse(DayOfWeek.MONDAY);
            errors.add("weekly." + busiest.name(), "error.calendar.tooLong");
        }
        if (CalendarText.overrides(overrides).length() > MAX_OVERRIDES_TEXT) {
            errors.add("overrides", "error.calendar.tooLong");
        }
        if (CalendarText.absences(absences).length() > MAX_ABSENCES_TEXT) {
            errors.add("absences", "error.calendar.tooLong");
        }
    }

    private static int number(@Nullable String text, String field, int min, int max, Errors errors) {
        if (text == null || text.isBlank()) {
            errors.add(field, "error.required");
            return min;
        }
        java.util.Optional<Integer> value = TextRules.asciiInt(text.strip());
        if (value.isEmpty() || value.get() < min || value.get() > max) {
            errors.add(field, "error.calendar.number", min, max);
            return min;
        }
        return value.get();
    }

    // ------------------------------------------------------------------------------------------ appointment types

    /** All of an agency's appointment types, inactive ones included (for its staff). */
    public List<AppointmentType> typesOf(String agencyId) {
        return types.findByAgencyIdOrderByDurationMinutesAsc(agencyId).stream().map(AppointmentTypeRow::type).toList();
    }

    /** The form's input for an appointment type. */
    public record TypeInput(@Nullable String nameDe, @Nullable String nameEn, @Nullable String durationMinutes,
                            @Nullable String mode, @Nullable String travelBufferMinutes, List<String> coachIds,
                            boolean active) {
    }

    /**
     * Adds ({@code typeId} null) or changes an appointment type of the agency.
     *
     * @throws UnknownAppointmentType if the type is not the agency's
     * @throws de.digitalcheck.portal.shared.validation.ValidationException with every problem found
     */
    @Transactional(isolation = TransactionDefinition.Isolation.READ_COMMITTED)
    public AppointmentType saveType(String agencyId, @Nullable String typeId, TypeInput input,
                                    List<FieldError> formErrors) {
        return saveType(agencyId, typeId, input, formErrors, null);
    }

    /**
     * The version of an appointment type its form carries
     * ({@link #saveType(String, String, TypeInput, List, String)}): a fingerprint of what is stored, the coaches as a
     * set (the form lists them in another order than they are stored).
     */
    public static String stamp(AppointmentType t) {
        return de.digitalcheck.portal.shared.security.Fingerprints.of(t.nameDe(), t.nameEn(),
            String.valueOf(t.durationMinutes()), t.mode().name(), String.valueOf(t.travelBufferMinutes()),
            String.join(",", t.coachIds().stream().sorted().toList()), String.valueOf(t.active()));
    }

    /**
     * As above, unless the type was changed since its form was read: the agency's staff share the types, and the last
     * save silently undid another's change (a coach taken off the type offered again, a type switched off bookable
     * again). With {@code readStamp} (the {@link #stamp} the form was read with; null: not checked) the type's row is
     * locked and a change on top of another is refused with {@link StaleAppointmentType}, nothing stored, unless what
     * is stored is already what was typed. A new type ({@code typeId} null) has no version.
     *
     * @throws StaleAppointmentType if someone saved the type otherwise since the form was read
     */
    @Transactional(isolation = TransactionDefinition.Isolation.READ_COMMITTED)
    public AppointmentType saveType(String agencyId, @Nullable String typeId, TypeInput input,
                                    List<FieldError> formErrors, @Nullable String readStamp) {
        return save(agencyId, typeId, UUID.randomUUID().toString(), input, formErrors, readStamp);
    }

    /**
     * A new appointment type from a form that carries its own key (a random UUID the new type's form was shown with),
     * which becomes the type's id: the same form sent twice (a double click, a post the browser or the person repeats
     * after its answer was lost) adds one type. Sent again with what the type now holds, it is that type, nothing
     * stored; with something else, {@link AppointmentTypeAdded} with the type as it is, nothing stored — the form
     * added it already. A key that is no UUID, or another agency's type's id (ids are public), gets the type a new id
     * of its own.
     *
     * @throws AppointmentTypeAdded if the form's key made a type already, which differs from what is typed now
     */
    @Transactional(isolation = TransactionDefinition.Isolation.READ_COMMITTED)
    public AppointmentType addType(String agencyId, @Nullable String key, TypeInput input,
                                   List<FieldError> formErrors) {
        agencies.lock(agencyId); // saves of the agency's types take turns: see namesFree
        String id = key != null && NEW_KEY.matcher(key).matches() ? key : UUID.randomUUID().toString();
        Optional<AppointmentType> earlier = types.findById(id).map(AppointmentTypeRow::type);
        if (earlier.isPresent()) {
            if (!earlier.get().agencyId().equals(agencyId)) {
                id = UUID.randomUUID().toString();
            } else {
                if (stamp(typed(agencyId, id, input, formErrors)).equals(stamp(earlier.get()))) {
                    return earlier.get();
                }
                throw new AppointmentTypeAdded(earlier.get());
            }
        }
        return save(agencyId, null, id, input, formErrors, null);
    }

    /** The form of a key {@link #addType} takes as the new type's id: a UUID as the portal writes them. */
    private static final java.util.regex.Pattern NEW_KEY =
        java.util.regex.Pattern.compile("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");

    /** The type as typed, validated (every broken rule at once), with the id {@code id}; nothing stored. */
    private AppointmentType typed(String agencyId, String id, TypeInput input, List<FieldError> formErrors) {
        Errors errors = new Errors().addAll(formErrors);
        String nameDe = name(input.nameDe(), "nameDe", errors);
        String nameEn = name(input.nameEn(), "nameEn", errors);
        int duration = number(input.durationMinutes(), "durationMinutes", 5, 480, errors);
        MeetingMode mode = MeetingMode.parse(input.mode()).orElse(null);
        if (mode == null) {
            errors.add("mode", input.mode() == null || input.mode().isBlank() ? "error.type.modeRequired"
                : "error.type.modeUnknown");
        }
        int travel = number(input.travelBufferMinutes(), "travelBufferMinutes", 0, 240, errors);
        List<String> ofAgency = coaches.findByAgencyId(agencyId).stream().map(CoachRow::accountId).toList();
        List<String> chosen = input.coachIds().stream().distinct().toList();
        if (!ofAgency.containsAll(chosen)) {
            // only a changed form names another agency's coach (or none at all): the boxes offer the agency's own
            errors.add("coachIds", "error.type.coachNotOfAgency");
        }
        if (input.active()) {
            namesFree(agencyId, id, nameDe, nameEn, errors);
        }
        errors.throwIfAny();
        return new AppointmentType(id, agencyId, nameDe, nameEn, duration, mode, travel, chosen, input.active());
    }

    private AppointmentType save(String agencyId, @Nullable String typeId, String newId, TypeInput input,
                                 List<FieldError> formErrors, @Nullable String readStamp) {
        agencies.lock(agencyId); // saves of the agency's types take turns: see namesFree
        if (typeId != null && types.findById(typeId).filter(t -> t.agencyId().equals(agencyId)).isEmpty()) {
            throw new UnknownAppointmentType();
        }
        AppointmentType type = typed(agencyId, typeId == null ? newId : typeId, input, formErrors);
        if (typeId != null && readStamp != null) {
            AppointmentType current = types.lock(typeId).map(AppointmentTypeRow::type)
                .orElseThrow(UnknownAppointmentType::new);
            String now = stamp(current);
            if (now.equals(stamp(type))) {
                return current; // saved as typed already
            }
            if (!now.equals(readStamp)) {
                throw new StaleAppointmentType(current);
            }
        }
        if (typeId == null) {
            types.save(AppointmentTypeRow.of(type, clock.instant()));
        } else {
            types.update(AppointmentTypeRow.of(type, clock.instant()));
        }
        return type;
    }

    /**
     * Refuses a German or English name that another active type of the agency has in that language, compared as agency
     * and programme names are ({@link AgencyNames#form}: Unicode NFC, trimmed, inner white space as one space, case
     * ignored): companies choose among the active types by name, and two of one name could not be told apart. Only
     * active types count, the one saved included (an inactive one is checked when it is switched on): a switched-off
     * type is shown to no company, and it keeps its name for the appointments booked with it (renaming it to free its
     * name would rename those). {@code ownId}: the type being saved, whose own names are no conflict. Compared here
     * rather than by the database's collation, which differs between H2 and MariaDB; an agency has a handful of types.
     * Two saves at the same moment (two new forms of one name, or one and an edit that renames another type to it)
     * each found the name free before the other had stored its type: every save of a type now locks the agency's row
     * first ({@link AgencyAdministration#lock}) and reads in {@code READ_COMMITTED}, so the later one waits and then
     * sees the earlier one's type here, and gets the field's error as if it had been sent afterwards.
     */
    private void namesFree(String agencyId, String ownId, String nameDe, String nameEn, Errors errors) {
        List<AppointmentType> others = types.findByAgencyIdOrderByDurationMinutesAsc(agencyId).stream()
            .map(AppointmentTypeRow::type).filter(t -> t.active() && !t.id().equals(ownId)).toList();
        if (!errors.has("nameDe") && others.stream()
                .anyMatch(t -> AgencyNames.form(t.nameDe()).equals(AgencyNames.form(nameDe)))) {
            errors.add("nameDe", "error.type.nameDe.exists");
        }
        if (!errors.has("nameEn") && others.stream()
                .anyMatch(t -> AgencyNames.form(t.nameEn()).equals(AgencyNames.form(nameEn)))) {
            errors.add("nameEn", "error.type.nameEn.exists");
        }
    }

    private static String name(@Nullable String text, String field, Errors errors) {
        if (text == null || text.isBlank()) {
            errors.add(field, "error.required");
            return "";
        }
        if (!TextRules.check(text, false, field, errors)) {
            return text.strip();
        }
        if (TextRules.tooLong(text.strip(), 100)) {
            errors.add(field, "error.name.tooLong", 100);
        }
        return text.strip();
    }

    // ----------------------------------------------------------------------------------------------------- demo

    /**
     * The embedded default's calendars: for each agency with coaches, a 60-minute first talk by video and a
     * 120-minute visit at the company (30 minutes travel each way), each offered by those of its coaches who meet
     * companies that way (their profile's modes: a coach who does not visit companies offers no visit), who work Monday
     * to Friday 09:00–12:00 and 13:00–17:00 (Friday until 15:00). Idempotent: an agency that has types keeps them; of
     * its coaches only those just added ({@code newCoachIds}: demo coaches whose accounts the caller has just added)
     * get these hours and join those of its types whose mode they offer. The caller sets the coaches' modes first.
     *
     * @return how many agencies got types
     */
    @Transactional
    public int addDemoUnlessPresent(List<String> agencyIds, Collection<String> newCoachIds) {
        int added = 0;
        for (String agencyId : agencyIds) {
            List<CoachRow> ofAgency = coaches.findByAgencyId(agencyId).stream()
                .sorted(java.util.Comparator.comparing(CoachRow::accountId)).toList();
            if (ofAgency.isEmpty()) {
                continue;
            }
            List<AppointmentTypeRow> existing = types.findByAgencyIdOrderByDurationMinutesAsc(agencyId);
            if (existing.isEmpty()) {
                types.save(AppointmentTypeRow.of(new AppointmentType(UUID.randomUUID().toString(), agencyId,
                    "Erstgespräch (Video)", "First talk (video)", 60, MeetingMode.VIDEO, 0,
                    offering(ofAgency, MeetingMode.VIDEO), true), clock.instant()));
                types.save(AppointmentTypeRow.of(new AppointmentType(UUID.randomUUID().toString(), agencyId,
                    "Besuch im Unternehmen", "Visit at your company", 120, MeetingMode.ON_SITE, 30,
                    offering(ofAgency, MeetingMode.ON_SITE), true), clock.instant()));
                for (CoachRow coach : ofAgency) {
                    if (!calendars.existsById(coach.accountId())) {
                        calendars.save(CoachCalendarRow.of(coach.accountId(), demoCalendar(), clock.instant()));
                    }
                }
                added++;
                continue;
            }
            List<CoachRow> joining = ofAgency.stream().filter(c -> newCoachIds.contains(c.accountId())).toList();
            if (joining.isEmpty()) {
                continue;
            }
            for (AppointmentTypeRow row : existing) {
                AppointmentType t = row.type();
                List<String> offeredBy = new ArrayList<>(t.coachIds());
                offering(joining, t.mode()).stream().filter(c -> !offeredBy.contains(c)).forEach(offeredBy::add);
                if (offeredBy.size() == t.coachIds().size()) {
                    continue;
                }
                types.update(AppointmentTypeRow.of(new AppointmentType(t.id(), t.agencyId(), t.nameDe(), t.nameEn(),
                    t.durationMinutes(), t.mode(), t.travelBufferMinutes(), offeredBy, t.active()), clock.instant()));
            }
            for (CoachRow coach : joining) {
                if (!calendars.existsById(coach.accountId())) {
                    calendars.save(CoachCalendarRow.of(coach.accountId(), demoCalendar(), clock.instant()));
                }
            }
        }
        return added;
    }

    /** The ids of those coaches who meet companies in this mode. */
    private static List<String> offering(List<CoachRow> coaches, MeetingMode mode) {
        return coaches.stream().filter(c -> c.profile().modes().contains(mode)).map(CoachRow::accountId).toList();
    }

    static CalendarSettings demoCalendar() {
        List<TimeRange> day = List.of(new TimeRange(LocalTime.of(9, 0), LocalTime.of(12, 0)),
            new TimeRange(LocalTime.of(13, 0), LocalTime.of(17, 0)));
        Map<DayOfWeek, List<TimeRange>> weekly = new EnumMap<>(DayOfWeek.class);
        for (DayOfWeek d : List.of(DayOfWeek.MONDAY, DayOfWeek.TUESDAY, DayOfWeek.WEDNESDAY, DayOfWeek.THURSDAY)) {
            weekly.put(d, day);
        }
        weekly.put(DayOfWeek.FRIDAY, List.of(new TimeRange(LocalTime.of(9, 0), LocalTime.of(12, 0)),
            new TimeRange(LocalTime.of(13, 0), LocalTime.of(15, 0))));
        return new CalendarSettings(weekly, Map.<LocalDate, List<TimeRange>>of(), List.of(), 15, 15, 12 * 60, 56, 4, 30);
    }

    /** Whether the agency exists is the caller's check; this only says whether an id is one of its coaches. */
    public boolean isCoachOf(String coachId, String agencyId) {
        return coaches.findById(coachId).map(c -> c.agencyId().equals(agencyId)).orElse(false);
    }
}
