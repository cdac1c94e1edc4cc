package de.digitalcheck.portal.booking;

import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

import java.time.Instant;

/** A row of {@code coach_calendar}: a coach's {@link CalendarSettings}, hours as {@link CalendarText}. */
@MappedEntity("coach_calendar")
record CoachCalendarRow(@Id String coachId, String weeklyHours, String overrides, String absences,
                        int bufferBeforeMinutes, int bufferAfterMinutes, int minNoticeMinutes, int windowDays,
                        int maxPerDay, int slotIntervalMinutes, Instant updatedAt) {

    static CoachCalendarRow of(String coachId, CalendarSettings s, Instant now) {
        return new CoachCalendarRow(coachId, CalendarText.weekly(s.weekly()), CalendarText.overrides(s.overrides()),
            CalendarText.absences(s.absences()), s.bufferBefore(), s.bufferAfter(), s.minNotice(), s.windowDays(),
            s.maxPerDay(), s.slotInterval(), now);
    }

    CalendarSettings settings() {
        de.digitalcheck.portal.shared.validation.Errors ignored = new de.digitalcheck.portal.shared.validation.Errors();
        return new CalendarSettings(CalendarText.parseWeekly(weeklyHours),
            CalendarText.parseOverrides(overrides, "overrides", ignored),
            CalendarText.parseAbsences(absences, "absences", ignored), bufferBeforeMinutes, bufferAfterMinutes,
            minNoticeMinutes, windowDays, maxPerDay, slotIntervalMinutes);
    }
}
