package de.digitalcheck.portal.booking;

import de.digitalcheck.portal.accounts.Accounts;
import de.digitalcheck.portal.routing.AgencyAdministration;
import de.digitalcheck.portal.routing.AgencyProfile;
import de.digitalcheck.portal.shared.i18n.Language;
import de.digitalcheck.portal.shared.security.Role;
import de.digitalcheck.portal.shared.time.NrwHolidays;
import de.digitalcheck.portal.support.Http;
import de.digitalcheck.portal.support.OnMariaDb;
import io.micronaut.json.JsonMapper;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Booking benchmark (SPEC §10; not part of the test run, started by name, see bench/README.md): slot search for an
 * agency with 20 coaches over 8 weeks with 30 % of their hours booked (server time: the facade call; and the API
 * end to end), and bookings per second for one coach under contention and for 20 coaches spread, with the race
 * counts. MariaDB only.
 */
@OnMariaDb
@MicronautTest(environments = "mariadb", transactional = false)
@io.micronaut.context.annotation.Property(name = "portal.mail.dispatch", value = "false") // no SMTP server here
class BookingBench {

    static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
    static final int COACHES = 20;

    @Inject
    EmbeddedServer server;
    @Inject
    JsonMapper json;
    @Inject
    AgencyAdministration agencies;
    @Inject
    Accounts accounts;
    @Inject
    Calendars calendars;
    @Inject
    de.digitalcheck.portal.booking.Coaches coachProfiles;
    @Inject
    Bookings bookings;
    @Inject
    BookingRows bookingRows;
    @Inject
    CoachRows coachRows;
    @Inject
    CoachCalendarRows calendarRows;
    javax.sql.DataSource dataSource;

    @Inject
    void dataSource(javax.sql.DataSource contextual) {
        // the pool itself: plain JDBC outside the application's transactions
        dataSource = contextual instanceof io.micronaut.data.connection.jdbc.advice.DelegatingDataSource d
            ? d.getTargetDataSource() : contextual;
    }

    record Setup(String agency, String type, List<String> coaches) {
    }

    Setup setup() {
        String agency = "bench-" + UUID.randomUUID().toString().substring(0, 8);
        agencies.addUnlessPresent(agency, new AgencyProfile("Bench " + agency, "B " + agency, "b@bench.example.org", "+49 231 0",
            "https://bench.example.org", "Benchstraße 1, 44135 Dortmund", "5"), List.of());
        List<Accounts.NewAccount> people = new ArrayList<>();
        for (int i = 0; i < COACHES; i++) {
            people.add(new Accounts.NewAccount("c" + i + "@" + agency + ".example.org", "Coach " + i, Role.COACH, agency));
        }
        accounts.addUnlessPresent(people);
        List<String> ids = people.stream().map(p -> accounts.byEmail(p.email()).orElseThrow().id()).sorted().toList();
        for (Accounts.NewAccount p : people) { // a coach is offered for the types whose mode they offer
            coachProfiles.update(accounts.byEmail(p.email()).orElseThrow().id(), p.name(), "", List.of("VIDEO"),
                List.of());
        }
        Map<DayOfWeek, String> weekly = new EnumMap<>(DayOfWeek.class);
        for (DayOfWeek d : List.of(DayOfWeek.MONDAY, DayOfWeek.TUESDAY, DayOfWeek.WEDNESDAY, DayOfWeek.THURSDAY,
            DayOfWeek.FRIDAY)) {
            weekly.put(d, "09:00-12:00, 13:00-17:00");
        }
        for (String id : ids) {
            calendars.update(id, agency, new Calendars.CalendarInput(weekly, "", "", "0", "0", "0", "70", "0", "30"),
                List.of());
        }
        AppointmentType type = calendars.saveType(agency, null, new Calendars.TypeInput("Erstgespräch", "First talk",
            "60", "VIDEO", "0", ids, true), List.of());
        return new Setup(agency, type.id(), ids);
    }

    Bookings.Request request(Setup s, String coach, Instant start, String email) {
        return new Bookings.Request(s.agency(), s.type(), start, coach, "Bench GmbH", "44135", "Bea Bench", email, null,
            null, null, false, Language.DE, null);
    }

    static List<LocalDate> workdays(LocalDate from, int days) {
        List<LocalDate> list = new ArrayList<>();
        for (LocalDate d = from; d.isBefore(from.plusDays(days)); d = d.plusDays(1)) {
            if (d.getDayOfWeek().getValue() <= 5 && !NrwHolidays.isHoliday(d)) {
                list.add(d);
            }
        }
        return list;
    }

    @Test
    void slotSearchAndBookingRates() throws Exception {
        Setup s = setup();
        LocalDate from = LocalDate.now(BERLIN).plusDays(1);
        // 30 % booked: 2 of the 7 hours of every working day, of every coach
        int seeded = 0;
        for (String coach : s.coaches()) {
            for (LocalDate day : workdays(from, 56)) {
                for (int hour : new int[]{9, 14}) {
                    bookings.book(request(s, coach, day.atTime(hour, 0).atZone(BERLIN).toInstant(),
                        "seed" + seeded++ + "@bench.example.org"));
                }
            }
        }
        LocalDate to = from.plusDays(55);
        System.out.println("BENCH load average before the slot search: " + loadAverage());
        for (int i = 0; i < 30; i++) {
            bookings.free(s.agency(), s.type(), from, to, null);
        }
        long[] server = new long[50];
        int found = 0;
        for (int i = 0; i < server.length; i++) {
            long t0 = System.nanoTime();
            found = bookings.free(s.agency(), s.type(), from, to, null).size();
            server[i] = System.nanoTime() - t0;
        }
        breakdown(s, from, to);
        Http http = new Http(server(), json);
        String path = "/api/v1/slots?agency=" + s.agency() + "&type=" + s.type() + "&from=" + from + "&to=" + to;
        for (int i = 0; i < 10; i++) {
            http.get(path);
        }
        long[] api = new long[30];
        for (int i = 0; i < api.length; i++) {
            long t0 = System.nanoTime();
            HttpResponse<String> r = http.get(path);
            api[i] = System.nanoTime() - t0;
            assertThat(r.statusCode()).isEqualTo(200);
        }
        System.out.printf("BENCH slot search: %d coaches, 8 weeks, %d bookings (30 %%), %d free slots: server median %.1f ms,"
                + " p95 %.1f ms; GET /api/v1/slots median %.1f ms (%d KB)%n", COACHES, seeded, found, ms(median(server)),
            ms(p95(server)), ms(median(api)), http.get(path).body().length() / 1024);

        // bookings per second: one coach, 64 clients racing for overlapping times of the last free day hours
        LocalDate contested = workdays(from, 56).get(20);
        List<String> bodies = new ArrayList<>();
        for (int i = 0; i < 400; i++) {
            int minute = (i % 8) * 30; // 10:00..13:30 mixed with the booked 14:00 neighbourhood
            bodies.add(body(s, s.coaches().get(0), contested.atTime(10, 0).plusMinutes(minute), "one" + i));
        }
        report("one coach under contention", bodies);
        // twenty coaches spread: every request a distinct free hour of some coach
        List<String> spread = new ArrayList<>();
        List<LocalDate> days = workdays(from, 56);
        int n = 0;
        for (int d = 30; d < days.size() && spread.size() < 400; d++) {
            for (String coach : s.coaches()) {
                for (int hour : new int[]{10, 11, 13, 15, 16}) {
                    spread.add(body(s, coach, days.get(d).atTime(hour, 0), "spread" + n++));
                }
            }
        }
        report("20 coaches spread", spread.subList(0, Math.min(400, spread.size())));
        System.out.println("BENCH load average at the end: " + loadAverage());
        long doubles = doubleBookings(s.agency());
        System.out.printf("BENCH double bookings (overlapping confirmed bookings of one coach, SQL): %d%n", doubles);
        assertThat(doubles).isZero();
    }

    /** Where a search's time goes: each of its reads and the finder alone, medians of 30 after 10 warm-up rounds. */
    void breakdown(Setup s, LocalDate from, LocalDate to) {
        Instant since = from.minusDays(1).atStartOfDay(BERLIN).toInstant();
        Instant until = to.plusDays(2).atStartOfDay(BERLIN).toInstant();
        Map<String, Runnable> phases = new java.util.LinkedHashMap<>();
        phases.put("type (agency + type)", () -> bookings.type(s.agency(), s.type()));
        phases.put("coaches of the agency", () -> coachRows.findByAgencyId(s.agency()));
        phases.put("calendars (read + parse)", () -> calendarRows.findByCoachIdIn(s.coaches()).forEach(
            CoachCalendarRow::settings));
        phases.put("busy times (5 columns as seconds)", () -> bookingRows.busyTimes(s.coaches(), since, until));
        phases.put("bookings in range (whole rows, before)", () -> bookingRows
            .findByCoachIdInAndStatusAndBlockedFromLessThanAndBlockedUntilGreaterThan(s.coaches(), BookingRow.CONFIRMED,
                until, since));
        String in = String.join(",", java.util.Collections.nCopies(s.coaches().size(), "?"));
        phases.put("busy times, raw JDBC getTimestamp", () -> raw("SELECT coach_id, start_at, end_at, blocked_from,"
            + " blocked_until FROM booking WHERE coach_id IN (" + in + ") AND status = 'CONFIRMED' AND blocked_from < ?"
            + " AND blocked_until > ?", s.coaches(), since, until, false));
        phases.put("busy times, raw JDBC minutes as ints", () -> raw("SELECT coach_id, TIMESTAMPDIFF(MINUTE, ?,"
            + " start_at), TIMESTAMPDIFF(MINUTE, ?, end_at), TIMESTAMPDIFF(MINUTE, ?, blocked_from),"
            + " TIMESTAMPDIFF(MINUTE, ?, blocked_until) FROM booking WHERE coach_id IN (" + in + ") AND status ="
            + " 'CONFIRMED' AND blocked_from < ? AND blocked_until > ?", s.coaches(), since, until, true));
        phases.put("coach names", () -> bookings.coachNames(s.agency()));
        CalendarSettings calendar = calendarRows.findById(s.coaches().get(0)).orElseThrow().settings();
        Map<String, List<SlotFinder.Booked>> booked = new java.util.HashMap<>();
        bookingRows.findByCoachIdInAndStatusAndBlockedFromLessThanAndBlockedUntilGreaterThan(s.coaches(),
            BookingRow.CONFIRMED, until, since).forEach(b -> booked.computeIfAbsent(b.coachId(),
                k -> new ArrayList<>()).add(b.booked()));
        Instant now = Instant.now();
        phases.put("slot finder, 20 coaches (no I/O)", () -> {
            for (String coach : s.coaches()) {
                new SlotFinder(calendar, BERLIN, 60, 0).free(booked.getOrDefault(coach, List.of()), from, to, now);
            }
        });
        phases.put("the whole search (Bookings.free)", () -> bookings.free(s.agency(), s.type(), from, to, null));
        phases.forEach((name, phase) -> {
            long[] t = new long[30];
            for (int i = 0; i < 10; i++) {
                phase.run();
            }
            for (int i = 0; i < t.length; i++) {
                long t0 = System.nanoTime();
                phase.run();
                t[i] = System.nanoTime() - t0;
            }
            System.out.printf("BENCH slot search phase: %-36s median %6.2f ms%n", name, ms(median(t)));
        });
    }

    int raw(String sql, List<String> coaches, Instant since, Instant until, boolean ints) {
        java.util.Calendar utc = java.util.Calendar.getInstance(java.util.TimeZone.getTimeZone("UTC"));
        try (var c = dataSource.getConnection(); var st = c.prepareStatement(sql)) {
            int i = 1;
            if (ints) {
                for (int k = 0; k < 4; k++) {
                    st.setTimestamp(i++, java.sql.Timestamp.from(since), utc);
                }
            }
            for (String coach : coaches) {
                st.setString(i++, coach);
            }
            st.setTimestamp(i++, java.sql.Timestamp.from(until), utc);
            st.setTimestamp(i, java.sql.Timestamp.from(since), utc);
            int n = 0;
            try (var rs = st.executeQuery()) {
                while (rs.next()) {
                    rs.getString(1);
                    for (int col = 2; col <= 5; col++) {
                        if (ints) {
                            rs.getLong(col);
                        } else {
                            rs.getTimestamp(col, utc).toInstant();
                        }
                    }
                    n++;
                }
            }
            return n;
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Pairs of confirmed bookings of one coach whose times overlap (must be none). */
    long doubleBookings(String agency) throws java.sql.SQLException {
        try (var c = dataSource.getConnection(); var st = c.prepareStatement(
            "SELECT COUNT(*) FROM booking a JOIN booking b ON a.coach_id = b.coach_id AND a.id < b.id"
                + " WHERE a.agency_id = ? AND a.status = 'CONFIRMED' AND b.status = 'CONFIRMED'"
                + " AND a.start_at < b.end_at AND b.start_at < a.end_at")) {
            st.setString(1, agency);
            try (var rs = st.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    private EmbeddedServer server() {
        return server;
    }

    String body(Setup s, String coach, java.time.LocalDateTime local, String mail) {
        return "{\"agencyId\":\"" + s.agency() + "\",\"typeId\":\"" + s.type() + "\",\"start\":\""
            + local.atZone(BERLIN).toOffsetDateTime() + "\",\"coachId\":\"" + coach + "\","
            + "\"company\":{\"name\":\"Bench GmbH\",\"postalCode\":\"44135\"},"
            + "\"contact\":{\"name\":\"Bea Bench\",\"email\":\"" + mail + "@bench.example.org\"},\"language\":\"de\"}";
    }

    void report(String what, List<String> bodies) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(64);
        AtomicInteger wins = new AtomicInteger();
        AtomicInteger conflicts = new AtomicInteger();
        AtomicInteger other = new AtomicInteger();
        try {
            long t0 = System.nanoTime();
            List<Future<?>> futures = new ArrayList<>();
            for (String body : bodies) {
                Http http = new Http(server, json);
                futures.add(pool.submit(() -> {
                    int status = http.postJson("/api/v1/bookings", body).statusCode();
                    (status == 201 ? wins : status == 409 ? conflicts : other).incrementAndGet();
                }));
            }
            for (Future<?> f : futures) {
                f.get();
            }
            double seconds = (System.nanoTime() - t0) / 1e9;
            System.out.printf("BENCH bookings, %s: %d requests in %.2f s = %.0f requests/s, %d wins (%.0f bookings/s),"
                    + " %d 409s, %d other%n", what, bodies.size(), seconds, bodies.size() / seconds, wins.get(),
                wins.get() / seconds, conflicts.get(), other.get());
        } finally {
            pool.shutdownNow();
        }
    }

    static String loadAverage() {
        try {
            return java.nio.file.Files.readString(java.nio.file.Path.of("/proc/loadavg")).strip();
        } catch (java.io.IOException e) {
            return "unknown";
        }
    }

    static long median(long[] values) {
        long[] copy = values.clone();
        Arrays.sort(copy);
        return copy[copy.length / 2];
    }

    static long p95(long[] values) {
        long[] copy = values.clone();
        Arrays.sort(copy);
        return copy[(int) Math.ceil(copy.length * 0.95) - 1];
    }

    static double ms(long nanos) {
        return nanos / 1e6;
    }
}
