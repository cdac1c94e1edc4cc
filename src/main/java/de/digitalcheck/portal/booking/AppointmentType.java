package de.digitalcheck.portal.booking;

import de.digitalcheck.portal.shared.i18n.Language;

import java.util.List;

/**
 * A kind of appointment an agency offers.
 *
 * @param travelBufferMinutes kept free before and after, in addition to the coach's buffers (travel to a visit)
 * @param coachIds            the agency's coaches who offer it
 * @param active              offered to companies (an inactive type is kept for the bookings made with it)
 */
public record AppointmentType(String id, String agencyId, String nameDe, String nameEn, int durationMinutes,
                              MeetingMode mode, int travelBufferMinutes, List<String> coachIds, boolean active) {

    public AppointmentType {
        coachIds = List.copyOf(coachIds);
    }

    public String name(Language language) {
        return language == Language.EN ? nameEn : nameDe;
    }
}
