package de.digitalcheck.portal.leads.web;

import de.digitalcheck.portal.shared.time.PortalTime;

import java.time.Instant;
import java.time.format.DateTimeFormatter;

/** Dates of the lead pages in Berlin time (templates call it as {@code dates}). */
public final class LeadDates {

    static final LeadDates INSTANCE = new LeadDates();
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd.MM.yyyy");
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("dd.MM.yyyy HH:mm:ss");

    /** The day of an instant. */
    public String day(Instant instant) {
        return PortalTime.local(instant).format(DAY);
    }

    /** The last day before a deadline (a deadline is the start of the day after it). */
    public String dueDay(Instant deadline) {
        return PortalTime.local(deadline.minusSeconds(1)).format(DAY);
    }

    public String time(Instant instant) {
        return PortalTime.local(instant).format(TIME);
    }
}
