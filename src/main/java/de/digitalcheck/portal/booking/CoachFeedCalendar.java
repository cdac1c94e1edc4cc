package de.digitalcheck.portal.booking;

import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.TimeZone;
import net.fortuna.ical4j.model.TimeZoneRegistry;
import net.fortuna.ical4j.model.TimeZoneRegistryFactory;
import net.fortuna.ical4j.model.component.VEvent;
import net.fortuna.ical4j.model.property.Description;
import net.fortuna.ical4j.model.property.DtStamp;
import net.fortuna.ical4j.model.property.DtStart;
import net.fortuna.ical4j.model.property.Location;
import net.fortuna.ical4j.model.property.ProdId;
import net.fortuna.ical4j.model.property.Sequence;
import net.fortuna.ical4j.model.property.Summary;
import net.fortuna.ical4j.model.property.Uid;
import net.fortuna.ical4j.model.property.XProperty;
import net.fortuna.ical4j.model.property.immutable.ImmutableCalScale;
import net.fortuna.ical4j.model.property.immutable.ImmutableStatus;
import net.fortuna.ical4j.model.property.immutable.ImmutableVersion;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;

/**
 * A coach's calendar subscription (RFC 5545): one event per appointment with the same {@code UID} and {@code SEQUENCE}
 * as the invitations mailed for it, so that a calendar holding both shows one appointment; cancelled ones as
 * {@code STATUS:CANCELLED}. No organizer or attendee addresses, and so no {@code METHOD}: a feed that is subscribed to
 * is no iTIP message (RFC 5546), and iTIP's {@code METHOD:PUBLISH}, which it had, requires an {@code ORGANIZER} in
 * every event (ical4j's validator refused it); RFC 5545 asks for no {@code METHOD}, and calendar programs subscribe to
 * feeds without one. Lines folded at 75 octets ({@link IcsText}).
 */
final class CoachFeedCalendar {

    private static final TimeZoneRegistry REGISTRY = TimeZoneRegistryFactory.getInstance().createRegistry();

    /** One appointment in the feed. */
    record Event(String bookingId, int sequence, boolean cancelled, Instant start, Instant end, String summary,
                 String description, String location) {
    }

    private CoachFeedCalendar() {
    }

    static String ics(String name, List<Event> events, Instant stamp) {
        ZoneId zoneId = ZoneId.of(AppointmentCalendar.ZONE_ID);
        TimeZone zone = REGISTRY.getTimeZone(AppointmentCalendar.ZONE_ID);
        Calendar calendar = new Calendar();
        calendar.add(new ProdId("-//Digitalcheck 4.0//Coach feed//DE"));
        calendar.add(ImmutableVersion.VERSION_2_0);
        calendar.add(ImmutableCalScale.GREGORIAN);
        calendar.add(new XProperty("X-WR-CALNAME", name));
        calendar.add(new XProperty("X-WR-TIMEZONE", AppointmentCalendar.ZONE_ID));
        calendar.add(zone.getVTimeZone());
        for (Event e : events) {
            VEvent event = new VEvent(false);
            event.add(new Uid(AppointmentCalendar.uid(e.bookingId())));
            event.add(new Sequence(e.sequence()));
            event.add(new DtStamp(stamp));
            event.add(new DtStart<>(ZonedDateTime.ofInstant(e.start(), zoneId)));
            event.add(AppointmentCalendar.end(e.end(), zoneId));
            event.add(new Summary(e.summary()));
            event.add(new Description(e.description()));
            event.add(new Location(e.location()));
            event.add(e.cancelled() ? ImmutableStatus.VEVENT_CANCELLED : ImmutableStatus.VEVENT_CONFIRMED);
            calendar.add(event);
        }
        return IcsText.of(calendar);
    }
}
