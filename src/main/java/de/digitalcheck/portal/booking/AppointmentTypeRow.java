package de.digitalcheck.portal.booking;

import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;

/** A row of {@code appointment_type}; {@code coachIds} comma-separated account ids. */
@MappedEntity("appointment_type")
record AppointmentTypeRow(@Id String id, String agencyId, String nameDe, String nameEn, int durationMinutes,
                          String meetingMode, int travelBufferMinutes, String coachIds, boolean active,
                          Instant updatedAt) {

    AppointmentType type() {
        return new AppointmentType(id, agencyId, nameDe, nameEn, durationMinutes,
            MeetingMode.parse(meetingMode).orElse(MeetingMode.VIDEO), travelBufferMinutes,
            Arrays.stream(coachIds.split(",")).map(String::strip).filter(s -> !s.isEmpty()).toList(), active);
    }

    static AppointmentTypeRow of(AppointmentType t, Instant now) {
        return new AppointmentTypeRow(t.id(), t.agencyId(), t.nameDe(), t.nameEn(), t.durationMinutes(),
            t.mode().name(), t.travelBufferMinutes(), String.join(",", t.coachIds()), t.active(), now);
    }

    static List<String> ids(String list) {
        return Arrays.stream(list.split(",")).map(String::strip).filter(s -> !s.isEmpty()).toList();
    }
}
