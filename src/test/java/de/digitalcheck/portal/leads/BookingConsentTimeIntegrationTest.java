package de.digitalcheck.portal.leads;

import de.digitalcheck.portal.accounts.Accounts;
import de.digitalcheck.portal.booking.Bookings;
import de.digitalcheck.portal.booking.Calendars;
import de.digitalcheck.portal.readiness.AgencyLeads;
import de.digitalcheck.portal.routing.AgencyAdministration;
import de.digitalcheck.portal.shared.i18n.Language;
import de.digitalcheck.portal.support.BookableAgency;
import io.micronaut.test.annotation.MockBean;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A booking's consent in the consent log finds its appointment again (Mein Unternehmen: "bei der Buchung des Termins
 * am …") by its time. The clock here is the system's with 0.9 ms beyond every millisecond, as a real clock's
 * microseconds often are: stored at millisecond precision, such a time must read the same in the booking and in the
 * lead's consent log, however the database rounds.
 */
@MicronautTest(transactional = false)
class BookingConsentTimeIntegrationTest {

    @Inject
    Bookings bookings;
    @Inject
    AgencyAdministration agencies;
    @Inject
    Accounts accounts;
    @Inject
    Calendars calendars;
    @Inject
    de.digitalcheck.portal.booking.Coaches coachProfiles;
    @Inject
    AgencyLeads leads;

    @MockBean(Clock.class)
    Clock clock() {
        return new Clock() {
            @Override
            public ZoneId getZone() {
                return ZoneOffset.UTC;
            }

            @Override
            public Clock withZone(ZoneId zone) {
                return this;
            }

            @Override
            public Instant instant() {
                return Instant.now().truncatedTo(ChronoUnit.MILLIS).plusNanos(900_000);
            }
        };
    }

    @Test
    void aBookingsConsentNamesItsAppointmentWhateverTheClocksMicroseconds() {
        BookableAgency agency = BookableAgency.create(agencies, accounts, calendars, coachProfiles, 1);
        Instant start = BookableAgency.bookableDay(6).atTime(10, 0).atZone(BookableAgency.BERLIN).toInstant();
        String email = "mikro-" + agency.agencyId() + "@example.org";
        bookings.book(new Bookings.Request(agency.agencyId(), agency.typeId(), start, null, "Mikro GmbH", "58452",
            "Mia Mikro", email, null, null, null, true, Language.DE, null));

        assertThat(leads.consentsOf(email)).singleElement()
            .satisfies(c -> assertThat(c.appointmentStart()).as("the consent's appointment").isEqualTo(start));
    }
}
