package de.digitalcheck.portal.booking.web;

import de.digitalcheck.portal.shared.i18n.Dates;
import de.digitalcheck.portal.shared.i18n.Language;
import de.digitalcheck.portal.support.BookableAgency;
import de.digitalcheck.portal.support.Http;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.time.temporal.IsoFields;
import java.util.ArrayList;
import java.util.List;

import static de.digitalcheck.portal.support.BookableAgency.BERLIN;
import static de.digitalcheck.portal.support.BookableAgency.at;
import static de.digitalcheck.portal.support.BookableAgency.bookableDay;
import static de.digitalcheck.portal.support.BookableAgency.onToday;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A week ({@code ?woche=}) or a time ({@code ?start=}) in a calendar page's address that does not exist or was not
 * understood — a day that is not ({@code 2026-02-31}), words, week 99, a date decades away — once showed the current
 * week as if it had been asked for. Every page that takes one (the coach's and the staff's week of appointments, the
 * booking flow, the company's, the coach's and the staff's page to move an appointment) now shows its usual week with
 * a note in the user's language naming what it was given and which week is shown (400), never a 500. A week asked for
 * as a date or an ISO week ({@code 2026-W50}) within ten years is shown as before, without a note.
 */
@MicronautTest(transactional = false)
class UnreadableWeekIntegrationTest extends BookedAppointmentTests {

    /** What the address may hold that is no week (or no time) the portal can show. */
    static final List<String> UNREADABLE = List.of("2026-02-31", "abc", "2026-W99", "2026-W00",
        LocalDate.now(BERLIN).plusYears(11).toString(), LocalDate.now(BERLIN).minusYears(11).toString(),
        "%2B999999999-12-31", "-999999999-01-01", "2026-13-01", "31.2.2026", "%3Cb%3Ex%3C%2Fb%3E");

    @BeforeAll
    void people() {
        a = BookableAgency.create(agencies, accounts, calendars, coachProfiles, 1);
        signInAndBook("unreadable-week", 24);
    }

    static String week(Language lang, LocalDate day) {
        return (lang == Language.DE ? "Woche vom " : "Week from ") + Dates.longDate(lang, monday(day))
            + (lang == Language.DE ? " bis " : " to ") + Dates.longDate(lang, monday(day).plusDays(6));
    }

    /**
     * Each page that takes a week, by who may open it, and the week it opens on without one, {@code today} being the
     * test's (the tests run on {@link BookableAgency#onToday}: once more should midnight pass meanwhile).
     */
    record WeekPage(Http http, String path, LocalDate opensOn) {
    }

    List<WeekPage> pages(LocalDate today) {
        LocalDate appointment = bookableDay(24);
        List<WeekPage> pages = new ArrayList<>();
        pages.add(new WeekPage(coach, "/coach/termine?", today));
        pages.add(new WeekPage(staff, "/agentur/coaches/" + a.coachIds().get(0) + "/termine?", today));
        // the booking page opens on the first week with a free time: this week, or the next late on a Sunday
        Http company = new Http(server, json);
        String booking = "/termin/" + a.agencyId() + "?type=" + a.typeId() + "&";
        java.util.regex.Matcher opened = java.util.regex.Pattern.compile("name=\"woche\" value=\"(\\d{4}-\\d{2}-\\d{2})\"")
            .matcher(company.get(booking).body());
        assertThat(opened.find()).as("the week the booking page opens on").isTrue();
        pages.add(new WeekPage(company, booking, LocalDate.parse(opened.group(1))));
        pages.add(new WeekPage(new Http(server, json), "/termin/buchung/" + bookingId + "/verschieben?token="
            + Http.enc(token) + "&", appointment));
        pages.add(new WeekPage(coach, "/coach/termine/" + bookingId + "?", appointment));
        pages.add(new WeekPage(staff, "/agentur/coaches/" + a.coachIds().get(0) + "/termine/" + bookingId + "?",
            appointment));
        return pages;
    }

    @Test
    void aWeekThatDoesNotExistOrWasNotUnderstoodIsSaidSoOnEveryPageThatTakesOne() {
        onToday(today -> {
            for (WeekPage page : pages(today)) {
                for (String given : UNREADABLE) {
                    HttpResponse<String> answer = page.http().get(page.path() + "woche=" + given);
                    String shown = java.net.URLDecoder.decode(given, java.nio.charset.StandardCharsets.UTF_8);
                    assertThat(answer.statusCode()).as(page.path() + given).isEqualTo(400);
                    assertThat(answer.body()).as(page.path() + given)
                        .contains("Angabe in der Adresse nicht verstanden", "id=\"error-summary\"",
                            "Angezeigt wird stattdessen die Woche vom " + Dates.longDate(Language.DE, monday(page.opensOn())))
                        .contains(week(Language.DE, page.opensOn()))
                        // what was given, repeated as text (never as markup)
                        .contains("Die Woche „" + shown.replace("<", "&lt;").replace(">", "&gt;") + "“ gibt es nicht")
                        .doesNotContain("<b>x</b>");
                }
                // in English on an English page
                HttpResponse<String> english = page.http().get(page.path() + "woche=2026-02-31&lang=en");
                assertThat(english.statusCode()).isEqualTo(400);
                assertThat(english.body()).as(page.path()).contains("There is no week “2026-02-31”",
                    "Shown instead: the week from " + Dates.longDate(Language.EN, monday(page.opensOn())))
                    .doesNotContain("gibt es nicht");
                page.http().get(page.path() + "lang=de"); // the language chosen is remembered: German again
            }
        });
    }

    /**
     * A coach in the booking page's address who does not offer the type — made up, of another agency, or a coach of the
     * agency without it — is said so with every coach's times instead (400, as a week not understood; it was 200 with
     * the error shown and no times, "look at the next week"); the agency's coach and "any coach" are the usual page.
     */
    @Test
    void aCoachWhoDoesNotOfferTheTypeIsSaidSo() {
        Http company = new Http(server, json);
        String booking = "/termin/" + a.agencyId() + "?type=" + a.typeId() + "&coach=";
        BookableAgency other = BookableAgency.create(agencies, accounts, calendars, coachProfiles, 1);
        for (String coachId : List.of("garbage", java.util.UUID.randomUUID().toString(), other.coachIds().get(0),
            "%3Cb%3Ex%3C%2Fb%3E")) {
            HttpResponse<String> answer = company.get(booking + coachId);
            assertThat(answer.statusCode()).as(coachId).isEqualTo(400);
            // every coach's times instead (no week would have had one of this coach's), "any coach" chosen
            assertThat(answer.body()).as(coachId).contains("id=\"error-summary\"",
                "Dieser Coach bietet diese Terminart nicht an. Angezeigt werden die freien Zeiten aller Coaches.",
                "&amp;coach=any&amp;start=").doesNotContain("<b>x</b>", "Bitte sehen Sie in der nächsten Woche nach",
                "coach=" + coachId + "&amp;start=", "coach=" + coachId + "&amp;woche=");
        }
        assertThat(company.get(booking + "garbage&lang=en").body()).contains("This coach does not offer this kind of "
            + "appointment.");
        company.get(booking + "garbage&lang=de");
        for (String coachId : List.of(a.coachIds().get(0), "", "any")) {
            HttpResponse<String> answer = company.get(booking + coachId);
            assertThat(answer.statusCode()).as(coachId).isEqualTo(200);
            assertThat(answer.body()).as(coachId).contains("start=").doesNotContain("error-summary");
        }
    }

    @Test
    void aWeekAskedForAsADateOrAnIsoWeekIsShownWithoutANote() {
        onToday(today -> {
            LocalDate later = monday(today.plusWeeks(5));
            String isoWeek = later.get(IsoFields.WEEK_BASED_YEAR) + "-W"
                + String.format("%02d", later.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR));
            for (WeekPage page : pages(today)) {
                for (String given : List.of(later.plusDays(2).toString(), isoWeek, "", " " + later + " ",
                    later.getDayOfMonth() + "." + later.getMonthValue() + "." + later.getYear())) {
                    HttpResponse<String> answer = page.http().get(page.path() + "woche=" + Http.enc(given));
                    assertThat(answer.statusCode()).as(page.path() + given).isEqualTo(200);
                    assertThat(answer.body()).as(page.path() + given).doesNotContain("nicht verstanden")
                        .contains(week(Language.DE, given.isEmpty() ? page.opensOn() : later));
                }
            }
        });
    }

    /**
     * The links to the next and the previous week go as far as a week can be asked for and no further: following them
     * never leads to the note that the week was not understood.
     */
    @Test
    void theWeeksLinksStopWhereAWeekCanNoLongerBeAskedFor() {
        onToday(today -> {
            // the weeks of appointments (the booking and move pages stop much earlier, at the end of the booking window:
            // BookingWindowPagesIntegrationTest)
            for (WeekPage page : pages(today).subList(0, 2)) {
                String path = monday(today.plusYears(10)).minusWeeks(2).toString();
                int followed = 0;
                String next;
                while ((next = link(page.http().get(page.path() + "woche=" + path).body(), "Nächste Woche")) != null) {
                    path = next.replaceAll(".*woche=", "");
                    assertThat(page.http().get(page.path() + "woche=" + path).statusCode()).as(page.path() + path)
                        .isEqualTo(200);
                    assertThat(++followed).as(page.path()).isLessThan(4);
                }
                // the last week linked: the next one ends beyond ten years from today
                assertThat(monday(LocalDate.parse(path)).plusWeeks(1).plusDays(6)).as(page.path()).isAfter(today.plusYears(10));
            }
            // and back in time as far
            for (WeekPage page : pages(today).subList(0, 2)) {
                String path = monday(today.minusYears(10)).plusWeeks(2).toString();
                int followed = 0;
                String previous;
                while ((previous = link(page.http().get(page.path() + "woche=" + path).body(), "Vorherige Woche")) != null) {
                    path = previous.replaceAll(".*woche=", "");
                    assertThat(page.http().get(page.path() + "woche=" + path).statusCode()).as(page.path() + path)
                        .isEqualTo(200);
                    assertThat(++followed).as(page.path()).isLessThan(4);
                }
                assertThat(monday(LocalDate.parse(path)).minusWeeks(1)).as(page.path()).isBefore(today.minusYears(10));
            }
        });
    }

    /** The address of the link with {@code text}; null if the page has none. */
    static String link(String html, String text) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("href=\"([^\"]*)\"[^>]*>" + text).matcher(html);
        return m.find() ? m.group(1).replace("&amp;", "&") : null;
    }

    @Test
    void aTimeThatDoesNotExistOrWasNotUnderstoodShowsTheWeeksTimesAndSaysSo() {
        onToday(today -> {
            List<WeekPage> withTimes = pages(today).subList(2, 6);
            for (WeekPage page : withTimes) {
                for (String given : List.of("2026-02-31T10:00:00Z", "kaputt", "%2B1000000000-01-01T00:00:00Z",
                    LocalDate.now(BERLIN).plusYears(11) + "T09:00:00Z")) {
                    HttpResponse<String> answer = page.http().get(page.path() + "start=" + given);
                    assertThat(answer.statusCode()).as(page.path() + given).isEqualTo(400);
                    assertThat(answer.body()).as(page.path() + given)
                        .contains("Die Zeit „" + java.net.URLDecoder.decode(given, java.nio.charset.StandardCharsets.UTF_8)
                            + "“ gibt es nicht", "Wählen Sie bitte eine der Zeiten unten.", week(Language.DE, page.opensOn()))
                        // the week's free times to choose from (the appointment's week has some)
                        .satisfies(body -> assertThat(page.opensOn().equals(today) || body.contains("start="))
                            .isTrue());
                }
            }
        });
        // a time the page's own links carry: the next step, without a note (14:00, far from the appointment at 10:00 and
        // its buffer: bookableDay(25) is the appointment's own day when a holiday is the 24th, as 1 January from 8 December)
        String free = at(bookableDay(25), 14);
        String instant = java.time.OffsetDateTime.parse(free).toInstant().toString();
        HttpResponse<String> chosen = new Http(server, json).get("/termin/" + a.agencyId() + "?type=" + a.typeId()
            + "&start=" + Http.enc(instant));
        assertThat(chosen.statusCode()).isEqualTo(200);
        assertThat(chosen.body()).doesNotContain("nicht verstanden");
    }

    @Test
    void anotherCoachsWeekStaysUnknownWhateverTheWeek() {
        Http other = as("cal-en-staff", "staff@en-agentur.example.org");
        for (String given : List.of("abc", LocalDate.now(BERLIN).toString())) {
            assertThat(other.get("/agentur/coaches/" + a.coachIds().get(0) + "/termine?woche=" + given).statusCode())
                .isEqualTo(404);
        }
    }
}
