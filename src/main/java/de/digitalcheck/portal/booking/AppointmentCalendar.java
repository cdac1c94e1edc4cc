package de.digitalcheck.portal.booking;

import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.TimeZone;
import net.fortuna.ical4j.model.TimeZoneRegistry;
import net.fortuna.ical4j.model.TimeZoneRegistryFactory;
import net.fortuna.ical4j.model.component.VEvent;
import net.fortuna.ical4j.model.parameter.Cn;
import net.fortuna.ical4j.model.parameter.PartStat;
import net.fortuna.ical4j.model.parameter.Role;
import net.fortuna.ical4j.model.parameter.Rsvp;
import net.fortuna.ical4j.model.property.Attendee;
import net.fortuna.ical4j.model.property.Description;
import net.fortuna.ical4j.model.property.DtEnd;
import net.fortuna.ical4j.model.property.DtStamp;
import net.fortuna.ical4j.model.property.DtStart;
import net.fortuna.ical4j.model.property.Location;
import net.fortuna.ical4j.model.property.Organizer;
import net.fortuna.ical4j.model.property.ProdId;
import net.fortuna.ical4j.model.property.Sequence;
import net.fortuna.ical4j.model.property.Summary;
import net.fortuna.ical4j.model.property.Uid;
import net.fortuna.ical4j.model.property.immutable.ImmutableCalScale;
import net.fortuna.ical4j.model.property.immutable.ImmutableMethod;
import net.fortuna.ical4j.model.property.immutable.ImmutableStatus;
import net.fortuna.ical4j.model.property.immutable.ImmutableVersion;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;

/**
 * One appointment as an iCalendar (RFC 5545) invitation: {@code METHOD:REQUEST} for a new or moved appointment,
 * {@code METHOD:CANCEL} for a cancelled one; the {@code UID} comes from the booking's id, {@code SEQUENCE} rises with
 * every change, times in {@code Europe/Berlin} with its {@code VTIMEZONE}. Built with ical4j rather than by hand:
 * escaping and the time-zone rules are its business; the lines are folded at 75 octets by {@link IcsText}.
 */
final class AppointmentCalendar {

    static final String ZONE_ID = "Europe/Berlin";
    private static final TimeZoneRegistry REGISTRY = TimeZoneRegistryFactory.getInstance().createRegistry();

    /** What the invitation says. */
    record Invitation(String bookingId, int sequence, boolean cancelled, Instant start, Instant end, String summary,
                      String description, String location, String organizerName, String organizerEmail,
                      String companyName, String companyEmail, String coachName, String coachEmail, Instant stamp) {
    }

    private AppointmentCalendar() {
    }

    static String uid(String bookingId) {
        return "booking-" + bookingId + "@digitalcheck-portal";
    }

    /**
     * An appointment's end as local time in its zone, or in UTC where that local time occurs twice (the hour the clocks
     * go back: an end at the second 02:00 read back as the first would make the appointment zero minutes long;
     * RFC 5545 §3.3.5 takes the first occurrence).
     */
    static DtEnd<?> end(Instant end, ZoneId zoneId) {
        ZonedDateTime local = ZonedDateTime.ofInstant(end, zoneId);
        return zoneId.getRules().getValidOffsets(local.toLocalDateTime()).size() > 1
            ? new DtEnd<>(end) : new DtEnd<>(local);
    }

    static String ics(Invitation i) {
        TimeZone zone = REGISTRY.getTimeZone(ZONE_ID);
        ZoneId zoneId = ZoneId.of(ZONE_ID);
        VEvent event = new VEvent(false);
        event.add(new Uid(uid(i.bookingId())));
        event.add(new Sequence(i.sequence()));
        event.add(new DtStamp(i.stamp()));
        event.add(new DtStart<>(ZonedDateTime.ofInstant(i.start(), zoneId)));
        event.add(end(i.end(), zoneId));
        event.add(new Summary(i.summary()));
        event.add(new Description(i.description()));
        event.add(new Location(i.location()));
        Organizer organizer = new Organizer(mailto(i.organizerEmail()));
        organizer.add(new Cn(i.organizerName()));
        event.add(organizer);
        if (i.companyEmail() != null) { // null: the company's data is erased
            event.add(attendee(i.companyName(), i.companyEmail()));
        }
        event.add(attendee(i.coachName(), i.coachEmail()));
        event.add(i.cancelled() ? ImmutableStatus.VEVENT_CANCELLED : ImmutableStatus.VEVENT_CONFIRMED);
        Calendar calendar = new Calendar();
        calendar.add(new ProdId("-//Digitalcheck 4.0//Booking//DE"));
        calendar.add(ImmutableVersion.VERSION_2_0);
        calendar.add(ImmutableCalScale.GREGORIAN);
        calendar.add(i.cancelled() ? ImmutableMethod.CANCEL : ImmutableMethod.REQUEST);
        calendar.add(zone.getVTimeZone());
        calendar.add(event);
        return IcsText.of(calendar);
    }

    /**
     * The address as a {@code mailto:} URI, its characters that a URI does not allow as they are ({@code { } | % ^ `},
     * letters beyond ASCII; all allowed in an address) percent-encoded (RFC 6068) instead of refused.
     */
    static URI mailto(String email) {
        try {
            return new URI("mailto", email, null);
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("not an address: " + email, e); // only for an empty one
        }
    }

    private static Attendee attendee(String name, String email) {
        Attendee attendee = new Attendee(mailto(email));
        attendee.add(new Cn(name));
        attendee.add(Role.REQ_PARTICIPANT);
        attendee.add(PartStat.ACCEPTED);
        attendee.add(Rsvp.FALSE);
        return attendee;
    }

}
