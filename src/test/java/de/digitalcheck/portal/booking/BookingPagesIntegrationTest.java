package de.digitalcheck.portal.booking;

import de.digitalcheck.portal.readiness.Questionnaires;
import de.digitalcheck.portal.shared.i18n.Dates;
import de.digitalcheck.portal.shared.i18n.Language;
import de.digitalcheck.portal.support.CompletedChecks;
import de.digitalcheck.portal.support.Database;
import de.digitalcheck.portal.support.Http;
import de.digitalcheck.portal.support.PdfText;
import io.micronaut.json.JsonMapper;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;
import java.net.http.HttpResponse;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The booking pages without JavaScript: the demo agency's types, a week of free times, the contact step (errors: 422,
 * nothing stored; the consent unticked), the confirmation under the private link, cancelling; from a check's result:
 * the link, the prefilled details, the booking carrying the check, and the report's cover showing the appointment.
 */
@MicronautTest(transactional = false)
class BookingPagesIntegrationTest {

    private static final Pattern TIME_LINK = Pattern.compile("href=\"([^\"]*start=[^\"]+)\"");

    @Inject
    EmbeddedServer server;
    @Inject
    JsonMapper json;
    @Inject
    DataSource dataSource;
    @Inject
    Questionnaires questionnaires;

    static String unescape(String href) {
        return href.replace("&amp;", "&");
    }

    /** The first free time of the first type at the given flow's address: the contact step's address. */
    String firstTime(Http http, String base) {
        String types = http.get(base).body();
        Matcher type = Pattern.compile("name=\"type\" id=\"type-([^\"]+)\"").matcher(types);
        assertThat(type.find()).isTrue();
        String times = http.get(base + "?type=" + type.group(1)).body();
        // the way back to the kinds of appointment, without the browser's back button
        assertThat(times).contains("id=\"booking-type-change\" href=\"" + base + "\"");
        Matcher time = TIME_LINK.matcher(times);
        if (!time.find()) { // nothing free this week (e.g. late on a Friday): the next week
            Matcher next = Pattern.compile("href=\"([^\"]*woche=[^\"]+)\"[^>]*>[^<]*(Nächste|Next)").matcher(times);
            assertThat(next.find()).isTrue();
            time = TIME_LINK.matcher(http.get(unescape(next.group(1))).body());
            assertThat(time.find()).isTrue();
        }
        return unescape(time.group(1));
    }

    /**
     * The error summary of a visit at the company (mode ON_SITE) follows the form: company, street, postal code,
     * town, the contact's name and email. It listed the errors as the rules found them: the postal code before the
     * street, the contact's name and email before the street and the town.
     */
    @Test
    void theSummaryOfAVisitsFormListsItsErrorsInTheFormsOrder() {
        Http http = new Http(server, json);
        String types = http.get("/termin/en-agentur").body();
        Matcher visit = Pattern.compile("id=\"type-([^\"]+)\"(?:(?!name=\"type\").)*?Besuch im Unternehmen",
            Pattern.DOTALL).matcher(types);
        assertThat(visit.find()).isTrue();
        String times = http.get("/termin/en-agentur?type=" + visit.group(1)).body();
        Matcher time = TIME_LINK.matcher(times);
        if (!time.find()) { // nothing free this week: the next week
            Matcher next = Pattern.compile("href=\"([^\"]*woche=[^\"]+)\"[^>]*>[^<]*(Nächste|Next)").matcher(times);
            assertThat(next.find()).isTrue();
            time = TIME_LINK.matcher(http.get(unescape(next.group(1))).body());
            assertThat(time.find()).isTrue();
        }
        Map<String, String> form = hiddenFields(http.get(unescape(time.group(1))).body());
        assertThat(form).containsEntry("type", visit.group(1));

        String page = http.postForm("/termin/en-agentur", form).body();
        String summary = page.substring(page.indexOf("id=\"error-summary\""), page.indexOf("<form method=\"post\""));
        List<String> order = new java.util.ArrayList<>();
        Matcher link = Pattern.compile("href=\"#booking-([A-Za-z]+)\">([^<:]+):").matcher(summary);
        while (link.find()) {
            order.add(link.group(1) + " " + link.group(2));
        }
        assertThat(order).containsExactly("companyName Name des Unternehmens", "street Straße und Hausnummer",
            "postalCode Postleitzahl", "town Ort", "contactName Ihr Name", "contactEmail E-Mail-Adresse");
        // the same order as the fields have on the page
        int previous = -1;
        for (String field : List.of("companyName", "street", "postalCode", "town", "contactName", "contactEmail")) {
            int at = page.indexOf("id=\"booking-" + field + "\"");
            assertThat(at).as(field).isGreaterThan(previous);
            previous = at;
        }
    }

    static Map<String, String> hiddenFields(String page) {
        Map<String, String> fields = new HashMap<>();
        Matcher m = Pattern.compile("<input type=\"hidden\" name=\"(type|coach|start|key)\" value=\"([^\"]*)\"").matcher(page);
        while (m.find()) {
            fields.put(m.group(1), m.group(2));
        }
        return fields;
    }

    /**
     * No step of the flow holds a time: a booking is stored only when its form is sent complete, and then confirmed
     * at once (there is no state "awaiting confirmation" that would keep a time for someone who never comes back). A
     * company that opens the contact step and leaves, or sends it with errors, keeps nothing: the time stays offered
     * and another company books it; the first one's form sent later is told that the time is taken (409).
     */
    @Test
    void anAbandonedOrRefusedContactStepHoldsNoTime() {
        Http first = new Http(server, json);
        Http second = new Http(server, json);
        Database db = new Database(dataSource);
        String contactStep = firstTime(first, "/termin/en-agentur");
        Map<String, String> form = hiddenFields(first.get(contactStep).body());
        assertThat(first.postForm("/termin/en-agentur", form).statusCode()).isEqualTo(422); // nothing filled in
        String start = java.net.URLDecoder.decode(form.get("start"), java.nio.charset.StandardCharsets.UTF_8);
        assertThat(((Number) db.value("SELECT COUNT(*) FROM booking WHERE coach_id = ? AND start_at = ?",
            form.get("coach"), java.sql.Timestamp.from(java.time.Instant.parse(start)))).longValue()).isZero();

        // still offered to the next company, who books it
        assertThat(second.get(contactStep).statusCode()).isEqualTo(200);
        Map<String, String> theirs = hiddenFields(second.get(contactStep).body());
        theirs.putAll(Map.of("companyName", "Zweite Zeit GmbH", "postalCode", "58452", "contactName", "Zora Zweit",
            "contactEmail", "zora@zweite-zeit.example"));
        assertThat(second.postForm("/termin/en-agentur", theirs).statusCode()).isEqualTo(303);
        assertThat(db.rows("SELECT status FROM booking WHERE contact_email = 'zora@zweite-zeit.example'"))
            .singleElement().satisfies(r -> assertThat(r.get("status")).isEqualTo("CONFIRMED"));

        // the first company comes back and sends its form complete: taken
        Map<String, String> late = new HashMap<>(form);
        late.putAll(Map.of("companyName", "Erste Zeit GmbH", "postalCode", "58452", "contactName", "Emil Erst",
            "contactEmail", "emil@erste-zeit.example"));
        assertThat(first.postForm("/termin/en-agentur", late).statusCode()).isEqualTo(409);
        assertThat(((Number) db.value("SELECT COUNT(*) FROM booking WHERE contact_email = 'emil@erste-zeit.example'"))
            .longValue()).isZero();
        // no booking of any other state than confirmed or cancelled exists to hold a time
        assertThat(db.rows("SELECT DISTINCT status FROM booking")).allSatisfy(r -> assertThat(r.get("status"))
            .isIn("CONFIRMED", "CANCELLED"));
    }

    @Test
    void aCompanyBooksAtTheAgencysAddressWithoutJavaScript() {
        Http http = new Http(server, json);
        Database db = new Database(dataSource);
        HttpResponse<String> first = http.get("/termin/en-agentur");
        assertThat(first.statusCode()).isEqualTo(200);
        assertThat(first.body()).contains("Erstgespräch (Video)", "Besuch im Unternehmen").doesNotContain("error-summary");
        // the kind of appointment in one phrase: the mode after the comma in lower case (it read "60 Minuten, Per Video")
        assertThat(first.body()).contains("Erstgespräch (Video) – 60 Minuten, per Video<",
            "Besuch im Unternehmen – 120 Minuten, vor Ort im Unternehmen<").doesNotContain(", Per Video", ", Vor Ort");
        try {
            assertThat(http.get("/termin/en-agentur?lang=en").body()).contains("– 60 minutes, by video<",
                "– 120 minutes, on site at the company<").doesNotContain(", By video", ", On site");
        } finally {
            http.get("/termin/en-agentur?lang=de");
        }
        assertThat(http.get("/termin/no-such-agency").statusCode()).isEqualTo(404);
        String contactStep = firstTime(http, "/termin/en-agentur");
        String page = http.get(contactStep).body();
        assertThat(page).contains("name=\"consent\"").doesNotContain("error-summary");
        assertThat(page).doesNotContainPattern("id=\"booking-consent\"[^>]*checked");
        Map<String, String> form = hiddenFields(page);
        assertThat(form).containsKeys("type", "coach", "start", "key");
        long before = ((Number) db.value("SELECT COUNT(*) FROM booking")).longValue();

        HttpResponse<String> invalid = http.postForm("/termin/en-agentur", form);
        assertThat(invalid.statusCode()).isEqualTo(422);
        assertThat(invalid.body()).contains("id=\"error-summary\"", "Bitte füllen Sie dieses Feld aus.",
            "<title>Bitte prüfen Sie Ihre Angaben – Termin mit einem Innovationscoach – Digitalcheck 4.0</title>");
        // the summary sits in the section headed by the h2 "Ihre Angaben": one level below it
        assertThat(invalid.body()).contains("<h3 class=\"kern-title\">Bitte prüfen Sie Ihre Angaben</h3>")
            .doesNotContain("<h2 class=\"kern-title\">Bitte prüfen");
        assertThat(page).as("the page before: no error in its title, the step's name")
            .contains("<title>Ihre Angaben – Termin mit einem Innovationscoach – ");
        assertThat(((Number) db.value("SELECT COUNT(*) FROM booking")).longValue()).isEqualTo(before);

        // names of nothing visible (no-break, zero-width spaces, a word joiner): refused, the rest of the input kept
        Map<String, String> invisible = new HashMap<>(form);
        invisible.putAll(Map.of("companyName", "\u00a0\u200b\u00a0", "postalCode", "58452", "contactName",
            "\u200b\u2060", "contactEmail", "unsichtbar@witten.example"));
        HttpResponse<String> nothing = http.postForm("/termin/en-agentur", invisible);
        assertThat(nothing.statusCode()).isEqualTo(422);
        assertThat(nothing.body()).contains("id=\"error-summary\"",
            "Bitte geben Sie sichtbare Zeichen ein: Leerzeichen und unsichtbare Zeichen allein reichen nicht.",
            "value=\"unsichtbar@witten.example\"");
        assertThat(((Number) db.value("SELECT COUNT(*) FROM booking")).longValue()).isEqualTo(before);

        Map<String, String> filled = new HashMap<>(form);
        filled.putAll(Map.of("companyName", "Witten Werkzeug GmbH", "postalCode", "58452", "contactName", "Wanda Witt",
            "contactEmail", "wanda@witten.example"));
        HttpResponse<String> booked = http.postForm("/termin/en-agentur", filled);
        assertThat(booked.statusCode()).isEqualTo(303);
        String location = booked.headers().firstValue("Location").orElseThrow();
        assertThat(location).startsWith("/termin/buchung/");
        Map<String, Object> row = db.rows("SELECT * FROM booking WHERE contact_email = 'wanda@witten.example'").get(0);
        assertThat(row.get("consent_share")).isEqualTo(false);
        assertThat(row.get("assessment_id")).isNull();
        // the same form again (a double click): the same booking
        assertThat(http.postForm("/termin/en-agentur", filled).headers().firstValue("Location")).contains(location);
        assertThat(((Number) db.value("SELECT COUNT(*) FROM booking")).longValue()).isEqualTo(before + 1);
        // sent again with the name corrected (back, changed, sent): no second booking and not the first one's link
        // (another request); the times with why, 409 — it was a 500
        Map<String, String> corrected = new HashMap<>(filled);
        corrected.put("companyName", "Witten Werkzeug GmbH & Co. KG");
        HttpResponse<String> again = http.postForm("/termin/en-agentur", corrected);
        assertThat(again.statusCode()).isEqualTo(409);
        assertThat(again.body()).contains("id=\"error-summary\"", "Mit diesem Formular wurde schon ein Termin gebucht.",
            "per E-Mail unterwegs").doesNotContain(location.substring(location.indexOf("token=") + 6))
            .doesNotContain("Das hat nicht geklappt");
        assertThat(((Number) db.value("SELECT COUNT(*) FROM booking")).longValue()).isEqualTo(before + 1);
        assertThat(db.value("SELECT company_name FROM booking WHERE contact_email = 'wanda@witten.example'"))
            .isEqualTo("Witten Werkzeug GmbH");
        // the same form once more after its link was replaced (a move or a reminder gives a new token): said so
        Object tokenHash = db.value("SELECT token_hash FROM booking WHERE contact_email = 'wanda@witten.example'");
        db.execute("UPDATE booking SET token_hash = ? WHERE contact_email = 'wanda@witten.example'", "replaced");
        try {
            HttpResponse<String> replaced = http.postForm("/termin/en-agentur", filled);
            assertThat(replaced.statusCode()).isEqualTo(409);
            assertThat(replaced.body()).contains("inzwischen verschoben", "neuesten E-Mail zu Ihrem Termin")
                .doesNotContain("Das hat nicht geklappt");
        } finally {
            db.execute("UPDATE booking SET token_hash = ? WHERE contact_email = 'wanda@witten.example'", tokenHash);
        }

        String confirmation = http.get(location).body();
        assertThat(confirmation).as("right after booking").contains("Wir haben Ihren Termin gespeichert. Sie bekommen")
            .doesNotContain("Hier sehen Sie Ihren Termin");
        // said once, by the booking's own post (a Flash note: "?gebucht" in the address said "just saved, a mail is on
        // its way" on any link that carried it, and on every reload)
        assertThat(location).doesNotContain("gebucht");
        String typed = location.replace("?token=", "?gebucht&token=");
        for (String reload : new String[] {location, typed}) {
            HttpResponse<String> shown = http.get(reload);
            assertThat(shown.statusCode()).as(reload).isEqualTo(200);
            assertThat(shown.body()).as(reload).contains("Ihr Termin ist gebucht", "Hier sehen Sie Ihren Termin")
                .doesNotContain("Wir haben Ihren Termin gespeichert");
        }
        assertThat(confirmation).contains("Ihr Termin ist gebucht", " Uhr",
            (String) db.value("SELECT name FROM account WHERE id = ?", row.get("coach_id")));
        assertThat(http.get(location.replaceAll("token=.*", "token=wrong")).statusCode()).isEqualTo(404);
        String token = location.substring(location.indexOf("token=") + 6);
        String id = location.substring("/termin/buchung/".length(), location.indexOf('?'));
        HttpResponse<String> tooLong = http.postForm("/termin/buchung/" + id + "/absagen", Map.of("token",
            java.net.URLDecoder.decode(token, java.nio.charset.StandardCharsets.UTF_8), "reason", "x".repeat(501)));
        assertThat(tooLong.statusCode()).isEqualTo(422);
        assertThat(tooLong.body()).contains("<title>Bitte prüfen Sie Ihre Angaben – Termin absagen – Digitalcheck 4.0</title>");
        // the language switch of a refused form keeps the private link's token, which the form sent in its body (it
        // led to "this link is not valid")
        String switchToEnglish = switchLink(tooLong.body());
        assertThat(switchToEnglish).startsWith("/termin/buchung/" + id + "/absagen?token=");
        HttpResponse<String> english = http.get(switchToEnglish);
        assertThat(english.statusCode()).isEqualTo(200);
        assertThat(english.body()).contains("lang=\"en\"").doesNotContain("not valid");
        http.get(location + "&lang=de");
        HttpResponse<String> offGrid = http.postForm("/termin/buchung/" + id + "/verschieben", Map.of("token",
            java.net.URLDecoder.decode(token, java.nio.charset.StandardCharsets.UTF_8), "start",
            de.digitalcheck.portal.support.BookableAgency.at(de.digitalcheck.portal.support.BookableAgency.bookableDay(9), 10).replace(":00:00", ":13:00")));
        assertThat(offGrid.statusCode()).isEqualTo(422);
        String moveInEnglish = switchLink(offGrid.body());
        assertThat(moveInEnglish).startsWith("/termin/buchung/" + id + "/verschieben?token=").contains("&woche=");
        HttpResponse<String> moveEnglish = http.get(moveInEnglish);
        assertThat(moveEnglish.statusCode()).isEqualTo(200);
        assertThat(moveEnglish.body()).contains("lang=\"en\"").doesNotContain("not valid");
        http.get(location + "&lang=de");
        HttpResponse<String> cancelled = http.postForm("/termin/buchung/" + id + "/absagen", Map.of("token",
            java.net.URLDecoder.decode(token, java.nio.charset.StandardCharsets.UTF_8)));
        assertThat(cancelled.statusCode()).isEqualTo(303);
        assertThat(http.get(location).body()).contains("Termin abgesagt");
        assertThat(db.value("SELECT status FROM booking WHERE id = ?", id)).isEqualTo("CANCELLED");
    }

    /**
     * A postal code typed with spaces ("58 452", no-break spaces around it) was refused as not five digits, and the
     * field's maxlength of 5 cut "58 452" to "58 45" before it was even sent; it is the same code, stored without the
     * spaces. Other characters are still refused with the field's error.
     */
    /**
     * A time in the address that cannot be booked — past, off the grid of free times, a coach who does not offer the
     * kind — shows the free times with why, before any contact data is typed (it was refused only once sent).
     */
    @Test
    void aTimeThatCannotBeBookedIsSaidBeforeTheContactFormIsShown() {
        Http http = new Http(server, json);
        String contactStep = firstTime(http, "/termin/en-agentur");
        assertThat(http.get(contactStep).body()).contains("id=\"booking-companyName\"");
        java.util.regex.Matcher start = Pattern.compile("start=([^&]+)").matcher(contactStep);
        assertThat(start.find()).isTrue();
        java.time.Instant free = java.time.Instant.parse(java.net.URLDecoder.decode(start.group(1),
            java.nio.charset.StandardCharsets.UTF_8));
        String otherAgencysCoach = (String) new Database(dataSource).value(
            "SELECT id FROM account WHERE name = 'Dominik Coach'");
        Map<String, String> cases = new java.util.LinkedHashMap<>();
        cases.put("past", contactStep.replace(start.group(1), Http.enc("2020-01-01T09:00:00Z")));
        cases.put("off the grid", contactStep.replace(start.group(1), Http.enc(free.plusSeconds(7 * 60).toString())));
        cases.put("another agency's coach", contactStep.replaceAll("coach=[^&]+", "coach=" + otherAgencysCoach));
        cases.put("no such coach", contactStep.replaceAll("coach=[^&]+", "coach=nope"));
        cases.forEach((what, url) -> {
            HttpResponse<String> page = http.get(url);
            assertThat(page.statusCode()).as(what).isEqualTo(409);
            assertThat(page.body()).as(what).contains("id=\"error-summary\"", "id=\"step-time\"")
                .doesNotContain("id=\"booking-companyName\"", "name=\"contactEmail\"");
        });
        assertThat(http.get(cases.get("past")).body())
            .contains("Diese Zeit kann nicht gebucht werden: Sie ist vorbei, schon vergeben oder wird nicht angeboten.");
    }

    /**
     * The time step's week: its heading and the links to the other weeks come before its days (after them, "Nächste
     * Woche" was 64 Tab presses away), the links lead to the next week's heading (#week, focusable; focused by app.js
     * where a week was asked for), and the title names the step and the week, so that a page of another week is told
     * apart; the steps and the refused states have titles of their own.
     */
    @Test
    void theTitleSaysTheStepAndTheWeekAndTheWeeksLinksComeBeforeItsDays() {
        Http http = new Http(server, json);
        String types = http.get("/termin/en-agentur").body();
        assertThat(types)
            .contains("<title>Art des Termins – Termin mit einem Innovationscoach – Digitalcheck 4.0</title>");
        Matcher type = Pattern.compile("name=\"type\" id=\"type-([^\"]+)\"").matcher(types);
        assertThat(type.find()).isTrue();
        String times = http.get("/termin/en-agentur?type=" + type.group(1)).body();
        java.time.LocalDate monday = shownWeek(times);
        assertThat(times).contains("<title>Zeit wählen: " + Dates.dayRange(Language.DE, monday, monday.plusDays(6))
            + " – Termin mit einem Innovationscoach – Digitalcheck 4.0</title>");
        // the first look: the heading can take the focus, but nothing asks for it
        assertThat(times).contains("<h3 class=\"kern-heading-small\" id=\"week\" tabindex=\"-1\">");
        int heading = times.indexOf("id=\"week\"");
        Matcher next = Pattern.compile("href=\"([^\"]*woche=([0-9-]+)#week)\"[^>]*>Nächste Woche<").matcher(times);
        assertThat(next.find()).as("the next week's link names the heading as its fragment").isTrue();
        assertThat(next.start()).as("the link right after the heading").isGreaterThan(heading);
        if (times.contains("id=\"day-0\"")) {
            assertThat(next.start()).as("before the days").isLessThan(times.indexOf("id=\"day-0\""));
            assertThat(times.indexOf("class=\"kern-btn kern-btn--tertiary dc-time\"")).isGreaterThan(next.start());
        }
        HttpResponse<String> following = http.get(unescape(next.group(1)));
        assertThat(following.statusCode()).isEqualTo(200);
        java.time.LocalDate nextMonday = java.time.LocalDate.parse(next.group(2));
        assertThat(following.body()).contains("<title>Zeit wählen: "
                + Dates.dayRange(Language.DE, nextMonday, nextMonday.plusDays(6)) + " – Termin mit einem ",
            "<h3 class=\"kern-heading-small\" id=\"week\" tabindex=\"-1\" data-dc-ask=\"true\">",
            "#week\">Vorherige Woche</a>");
        assertThat(http.get("/termin/en-agentur?type=" + type.group(1) + "&lang=en").body())
            .contains("<title>Choose a time: " + Dates.dayRange(Language.EN, monday, monday.plusDays(6))
                + " – Appointment with an innovation coach – Digitalcheck 4.0</title>", "aria-label=\"Other weeks\"");
        http.get("/termin/en-agentur?lang=de");

        // refused: a time that cannot be booked, a week that does not exist
        String contactStep = firstTime(http, "/termin/en-agentur");
        assertThat(http.get(contactStep).body()).contains("<title>Ihre Angaben – Termin mit einem Innovationscoach – ")
            .containsPattern("href=\"[^\"]*woche=[0-9-]+#week\">Andere Zeit wählen<");
        HttpResponse<String> past = http.get(contactStep.replaceAll("start=[^&]+", "start=2020-01-01T09%3A00%3A00Z"));
        assertThat(past.statusCode()).isEqualTo(409);
        assertThat(past.body())
            .containsPattern("<title>Bitte prüfen Sie Ihre Angaben – Zeit wählen: [^<]+ – Termin mit");
        HttpResponse<String> noSuchWeek = http.get("/termin/en-agentur?type=" + type.group(1) + "&woche=2026-02-31");
        assertThat(noSuchWeek.statusCode()).isEqualTo(400);
        assertThat(noSuchWeek.body())
            .containsPattern("<title>Angabe in der Adresse nicht verstanden – Zeit wählen: [^<]+ – Termin mit");
    }

    private static java.time.LocalDate shownWeek(String page) {
        Matcher week = Pattern.compile("name=\"woche\" value=\"([0-9-]+)\"").matcher(page);
        assertThat(week.find()).isTrue();
        return java.time.LocalDate.parse(week.group(1));
    }

    @Test
    void aPostalCodeTypedWithSpacesIsBookedAsTheSameCode() {
        Http http = new Http(server, json);
        Database db = new Database(dataSource);
        String page = http.get(firstTime(http, "/termin/en-agentur")).body();
        Matcher field = Pattern.compile("<input[^>]*name=\"postalCode\"[^>]*>").matcher(page);
        assertThat(field.find()).isTrue();
        assertThat(field.group()).as("room for the spaces people type").contains("maxlength=\"20\"");
        Map<String, String> form = hiddenFields(page);
        long before = ((Number) db.value("SELECT COUNT(*) FROM booking")).longValue();
        for (String wrong : new String[] {"5845", "58a52", "58 a52"}) {
            Map<String, String> refused = new HashMap<>(form);
            refused.putAll(Map.of("companyName", "Leer Zeichen GmbH", "postalCode", wrong, "contactName", "Lea Leer",
                "contactEmail", "lea@leer-zeichen.example"));
            HttpResponse<String> answer = http.postForm("/termin/en-agentur", refused);
            assertThat(answer.statusCode()).as(wrong).isEqualTo(422);
            assertThat(answer.body()).as(wrong).contains("id=\"error-summary\"", "href=\"#booking-postalCode\"",
                "Die Postleitzahl muss aus genau fünf Ziffern bestehen.");
        }
        assertThat(((Number) db.value("SELECT COUNT(*) FROM booking")).longValue()).isEqualTo(before);

        Map<String, String> filled = new HashMap<>(form);
        filled.putAll(Map.of("companyName", "Leer Zeichen GmbH", "postalCode", "\u00a058 452\u00a0", "contactName",
            "Lea Leer", "contactEmail", "lea@leer-zeichen.example"));
        HttpResponse<String> booked = http.postForm("/termin/en-agentur", filled);
        assertThat(booked.statusCode()).as(booked.body()).isEqualTo(303);
        assertThat(db.value("SELECT company_postal_code FROM booking WHERE contact_email = 'lea@leer-zeichen.example'"))
            .isEqualTo("58452");
    }

    @Test
    void fromTheCheckTheBookingCarriesItAndTheReportShowsIt() {
        Http http = new Http(server, json);
        Database db = new Database(dataSource);
        CompletedChecks.Completed check = CompletedChecks.of(questionnaires.current()).named("Ennepe Elektro GmbH")
            .at("58452").contact("Egon Elektro", "egon@ennepe.example").submit(http);
        String result = http.get(check.resultPath()).body();
        String base = "/check/" + check.token() + "/termin";
        assertThat(result).contains("href=\"" + base + "\"", "Termin mit einem Innovationscoach vereinbaren")
            .doesNotContain("id=\"appointment\"");
        String page = http.get(firstTime(http, base)).body();
        assertThat(page).contains("value=\"Ennepe Elektro GmbH\"", "value=\"egon@ennepe.example\"");
        Map<String, String> form = new HashMap<>(hiddenFields(page));
        form.putAll(Map.of("companyName", "Ennepe Elektro GmbH", "postalCode", "58452", "contactName", "Egon Elektro",
            "contactEmail", "egon@ennepe.example", "consent", "on"));
        HttpResponse<String> booked = http.postForm(base, form);
        assertThat(booked.statusCode()).isEqualTo(303);
        Map<String, Object> row = db.rows("SELECT * FROM booking WHERE contact_email = 'egon@ennepe.example'").get(0);
        assertThat(row.get("assessment_id")).isEqualTo(check.id());
        assertThat(row.get("consent_share")).isEqualTo(true);
        assertThat(row.get("consent_text_version")).isEqualTo(Bookings.CONSENT_TEXT_VERSION);
        String pdf = PdfText.of(http.getBytes("/check/" + check.token() + "/report.pdf").body());
        // the EN-Agentur has more than one coach (SPEC §11): the report names the one booked
        String coachName = (String) db.value("SELECT name FROM account WHERE id = ?", row.get("coach_id"));
        assertThat(pdf).contains(coachName);
        // the result page shows the same appointment instead of offering to book one; the check's link does not hold
        // the appointment's private link, so none is shown
        String withAppointment = http.get(check.resultPath()).body();
        String appointment = withAppointment.substring(withAppointment.indexOf("id=\"appointment\""));
        appointment = appointment.substring(0, appointment.indexOf("</dl>"));
        assertThat(appointment).contains(coachName, " Uhr");
        assertThat(withAppointment).contains("über den Link in Ihrer neuesten E-Mail")
            .doesNotContain("Termin mit einem Innovationscoach vereinbaren", "id=\"booking-link\"", "/termin/buchung/");
        // cancelled: the offer to book is back, the appointment gone
        String location = booked.headers().firstValue("Location").orElseThrow();
        String id = location.substring("/termin/buchung/".length(), location.indexOf('?'));
        String token = java.net.URLDecoder.decode(location.substring(location.indexOf("token=") + 6),
            java.nio.charset.StandardCharsets.UTF_8);
        assertThat(http.postForm("/termin/buchung/" + id + "/absagen", Map.of("token", token)).statusCode())
            .isEqualTo(303);
        assertThat(http.get(check.resultPath()).body()).contains("Termin mit einem Innovationscoach vereinbaren")
            .doesNotContain("id=\"appointment\"", coachName);
        assertThat(http.get("/check/not-a-valid-token-at-all/termin").statusCode()).isIn(404, 410);
    }

    /**
     * A check whose result the company already shared with the agency: the booking page said "if you agree when you
     * book, the agency receives your result" and asked for the booking's consent as if the agency had nothing. It says
     * when the result went there and that the consent below is about the appointment; a check not shared keeps the
     * first text, and a check shared with another agency than the one it is booked with says nothing of it.
     */
    @Test
    void aCheckSharedAlreadySaysSoOnTheBookingPage() {
        Http http = new Http(server, json);
        CompletedChecks.Completed shared = CompletedChecks.of(questionnaires.current()).named("Geteilt GmbH")
            .at("58452").contact("Gerd Geteilt", "gerd@geteilt.example").sharedWithAgency().submit(http);
        String base = "/check/" + shared.token() + "/termin";
        for (String path : new String[] {base, firstTime(http, base)}) {
            String page = http.get(path + (path.contains("?") ? "&" : "?") + "lang=de").body();
            assertThat(page).contains("id=\"booking-shared\"").containsPattern("Das Ergebnis dieses Selbstchecks haben "
                    + "Sie am [A-Z][a-z]+tag, \\d{1,2}\\. [A-Z][a-zä]+ 20\\d\\d an Wirtschaftsförderungsagentur Ennepe-Ruhr "
                    + "„EN-Agentur“ weitergegeben\\. Die Einwilligung bei der Buchung betrifft den Termin und Ihre Angaben dazu\\.")
                .doesNotContain("Wenn Sie bei der Buchung einwilligen");
        }
        assertThat(http.get(base + "?lang=en").body()).contains("You shared this check’s result with ",
            "The consent when you book covers the appointment").doesNotContain("If you agree when you book");
        CompletedChecks.Completed notShared = CompletedChecks.of(questionnaires.current()).named("Nicht Geteilt GmbH")
            .at("58452").contact("Nina Nicht", "nina@nicht.example").submit(http);
        assertThat(http.get("/check/" + notShared.token() + "/termin?lang=de").body())
            .contains("Wenn Sie bei der Buchung einwilligen").doesNotContain("id=\"booking-shared\"");
        assertThat(http.get("/termin/en-agentur?lang=de").body())
            .doesNotContain("id=\"booking-shared\"", "Wenn Sie bei der Buchung einwilligen");
    }

    /**
     * The booking pages once said "your self-check is attached to the appointment so that the coach can prepare" above
     * an optional, unticked consent: the result goes to the agency only with that consent, and without it the coach
     * sees nothing of the check. The page says so now, in both languages; and the confirmation says that a mail with
     * the appointment and its link comes, as the move and cancel pages do.
     */
    @Test
    void theBookingPagesSayTheResultGoesOnlyWithConsentAndThatAMailComes() {
        Http http = new Http(server, json);
        CompletedChecks.Completed check = CompletedChecks.of(questionnaires.current()).named("Ruhr Rohr GmbH")
            .at("58452").contact("Rita Rohr", "rita@ruhr-rohr.example").submit(http);
        String base = "/check/" + check.token() + "/termin";
        String contactStep = firstTime(http, base);
        for (String path : new String[] {base, contactStep}) {
            assertThat(http.get(path).body())
                .contains("Wenn Sie bei der Buchung einwilligen, erhält die Wirtschaftsförderung mit dem Termin auch das Ergebnis "
                    + "Ihres Selbstchecks", "Ohne Einwilligung erhält Ihr Coach nur den Termin und Ihre Angaben dazu.")
                .doesNotContain("wird dem Termin beigefügt");
        }
        assertThat(http.get(contactStep + "&lang=en").body())
            .contains("If you agree when you book, the agency receives your self-check’s result with the appointment",
                "Without your consent, your coach receives only the appointment and your details for it.")
            .doesNotContain("is attached to the appointment", "Selbstcheck");
        // booked without the consent: the promise on the page is kept, no lead comes of it
        Database db = new Database(dataSource);
        Map<String, String> form = new HashMap<>(hiddenFields(http.get(contactStep).body()));
        form.putAll(Map.of("companyName", "Ruhr Rohr GmbH", "postalCode", "58452", "contactName", "Rita Rohr",
            "contactEmail", "rita@ruhr-rohr.example"));
        HttpResponse<String> booked = http.postForm(base, form);
        assertThat(booked.statusCode()).isEqualTo(303);
        assertThat(db.value("SELECT consent_share FROM booking WHERE contact_email = 'rita@ruhr-rohr.example'"))
            .isEqualTo(false);
        assertThat(((Number) db.value("SELECT COUNT(*) FROM agency_lead WHERE assessment_id = ?", check.id()))
            .longValue()).isZero();
        String location = booked.headers().firstValue("Location").orElseThrow();
        assertThat(http.get(location + "&lang=de").body()) // the English page above left its language cookie
            .contains("Sie bekommen eine E-Mail mit dem Termin für Ihren Kalender und dem Link zu dieser Seite")
            .doesNotContain("Bewahren Sie die Adresse dieser Seite auf");
        // the note is the post's, said once (a Flash note): the page again, in English, shows the appointment only
        assertThat(http.get(location + "&lang=en").body())
            .contains("Here you see your appointment and can move or cancel it.")
            .doesNotContain("You will get an email with the appointment", "Keep the address of this page");
    }

    /** The language switch's link of a page, unescaped. */
    static String switchLink(String page) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("href=\"([^\"]*[?&](?:amp;)?lang=(?:en|de))\"")
            .matcher(page);
        assertThat(m.find()).as("a language switch").isTrue();
        return m.group(1).replace("&amp;", "&");
    }
}
