package de.digitalcheck.portal.leads.internal;

import de.digitalcheck.portal.accounts.Accounts;
import de.digitalcheck.portal.booking.AppointmentOutcome;
import de.digitalcheck.portal.booking.AppointmentOutcomes;
import de.digitalcheck.portal.booking.Booking;
import de.digitalcheck.portal.booking.Calendars;
import de.digitalcheck.portal.booking.Coaches;
import de.digitalcheck.portal.booking.MeetingMode;
import de.digitalcheck.portal.readiness.Assessment;
import de.digitalcheck.portal.readiness.CompanyType;
import de.digitalcheck.portal.readiness.Questionnaires;
import de.digitalcheck.portal.readiness.Sector;
import de.digitalcheck.portal.readiness.internal.SharedChecks;
import de.digitalcheck.portal.routing.AgencyAdministration;
import de.digitalcheck.portal.shared.i18n.Language;
import de.digitalcheck.portal.shared.privacy.PersonalDataRequests;
import de.digitalcheck.portal.shared.security.Tokens;
import de.digitalcheck.portal.support.BookableAgency;
import de.digitalcheck.portal.support.CompletedChecks;
import de.digitalcheck.portal.support.Database;
import de.digitalcheck.portal.support.Http;
import io.micronaut.json.JsonMapper;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.function.Function;

import static de.digitalcheck.portal.support.BookableAgency.at;
import static de.digitalcheck.portal.support.BookableAgency.bookableDay;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The company's data export ("Mein Unternehmen") gives each code it carries its words beside it, in the export's
 * language: a lead's status, source and stage, its consents' source, text version and language, its webhook
 * deliveries' event and state; a booking's status, meeting mode, language and its outcome's attendance; a check's
 * status, language, sector and kind of company; a report mail confirmation's language and what confirmed it. They were
 * bare codes ({@code "status": "OPEN"}, {@code "meetingMode": "VIDEO"}). Every code the code base can write is set on
 * the stored rows here, one after another — the codes are read from the enums and the code's constants, so a new
 * constant without words fails this test —, and exported in German and in English; a code without words (an old
 * row's, a newer version's) reads "Sonstiger Wert" / "Other value", the code kept.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ExportedCodesInWordsIntegrationTest {

    private static final String EMAIL = "wilma@codes-in-worten.example.org";
    private static final Properties DE = bundle("i18n/messages_de.properties");
    private static final Properties EN = bundle("i18n/messages_en.properties");

    @Inject
    EmbeddedServer server;
    @Inject
    JsonMapper json;
    @Inject
    Questionnaires questionnaires;
    @Inject
    javax.sql.DataSource dataSource;
    @Inject
    PersonalDataRequests personalData;
    @Inject
    AgencyAdministration agencies;
    @Inject
    Accounts accounts;
    @Inject
    Calendars calendars;
    @Inject
    Coaches coachProfiles;
    @Inject
    AppointmentOutcomes outcomes;

    Database db;
    String leadId;
    String checkId;
    String bookingId;

    @BeforeAll
    void aCompanyWithACheckALeadABookingAndAConfirmation() {
        db = new Database(dataSource);
        Http http = new Http(server, json);
        CompletedChecks.Completed check = CompletedChecks.of(questionnaires.current()).named("Codes in Worten GmbH")
            .at("58452").contact("Wilma Worte", EMAIL).sharedWithAgency().submit(http);
        checkId = check.id();
        leadId = (String) ((Map<?, ?>) check.document().get("lead")).get("id");
        String agencyId = (String) db.value("SELECT agency_id FROM agency_lead WHERE id = ?", leadId);
        // a webhook delivery of the lead (the agency has no endpoint here: as the outbox writes one)
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        db.execute("INSERT INTO webhook_delivery (id, agency_id, lead_id, event_type, payload, state, attempts, "
                + "next_attempt_at, created_at) VALUES (?, ?, ?, ?, '{}', ?, 1, ?, ?)", "msg_" + UUID.randomUUID(),
            agencyId, leadId, LeadEvents.CREATED, DeliveryRow.DELIVERED, Timestamp.from(now), Timestamp.from(now));
        // a booking without consent, held, with its outcome
        BookableAgency a = BookableAgency.create(agencies, accounts, calendars, coachProfiles, 1);
        HttpResponse<String> made = http.postJson("/api/v1/bookings",
            a.body(at(bookableDay(10), 9), EMAIL, false, null));
        assertThat(made.statusCode()).as(made.body()).isEqualTo(201);
        bookingId = (String) http.map(made).get("id");
        Instant start = now.minus(2, ChronoUnit.HOURS);
        db.execute("UPDATE booking SET start_at = ?, end_at = ?, blocked_from = ?, blocked_until = ? WHERE id = ?",
            Timestamp.from(start), Timestamp.from(start.plusSeconds(3600)), Timestamp.from(start.minusSeconds(900)),
            Timestamp.from(start.plusSeconds(4500)), bookingId);
        outcomes.record(bookingId, AppointmentOutcomes.Scope.coach(a.coachIds().get(0)),
            new AppointmentOutcomes.Input("HELD", false, null, ""), null, "c", "C");
        // a report mail confirmation for the check, and the sign-in's for every check
        db.execute("INSERT INTO report_mail_confirmation (token_hash, assessment_id, email_hash, created_at, expires_at, "
                + "confirmed_at, language) VALUES (?, ?, ?, ?, ?, ?, 'de')", Tokens.hash(Tokens.newToken()), checkId,
            Tokens.hash(EMAIL), Timestamp.from(now), Timestamp.from(now.plusSeconds(3600)), Timestamp.from(now));
        db.execute("INSERT INTO report_mail_confirmation (token_hash, assessment_id, email_hash, created_at, expires_at, "
                + "confirmed_at) VALUES (?, NULL, ?, ?, ?, ?)", Tokens.hash(Tokens.newToken()), Tokens.hash(EMAIL),
            Timestamp.from(now), Timestamp.from(now.plusSeconds(3600)), Timestamp.from(now));
    }

    /** A code the export carries: the column it is stored in, every value the code base writes, where it is exported. */
    private record Kind(String name, String update, List<String> codes, String prefix,
                        Function<Map<String, Object>, Map<String, Object>> holder, String field) {
    }

    private List<Kind> kinds() {
        List<String> languages = Arrays.stream(Language.values()).map(Language::code).toList();
        return List.of(
            new Kind("lead status", "UPDATE agency_lead SET status = ? WHERE id = '" + leadId + "'", leadStatuses(),
                "leads.status.", this::lead, "status"),
            new Kind("lead stage", "UPDATE agency_lead SET stage = ? WHERE id = '" + leadId + "'",
                constants(LeadStages.class), "leads.stage.", this::lead, "stage"),
            new Kind("lead source", "UPDATE agency_lead SET source = ? WHERE id = '" + leadId + "'", sources(),
                "leads.source.", this::lead, "source"),
            new Kind("consent source", "UPDATE lead_consent SET source = ? WHERE lead_id = '" + leadId + "'", sources(),
                "leads.source.", e -> first(lead(e), "consents"), "source"),
            new Kind("consent language", "UPDATE lead_consent SET language = ? WHERE lead_id = '" + leadId + "'",
                languages, "language.name.", e -> first(lead(e), "consents"), "language"),
            new Kind("delivery state", "UPDATE webhook_delivery SET state = ? WHERE lead_id = '" + leadId + "'",
                constants(DeliveryRow.class), "leads.log.state.", e -> first(lead(e), "deliveries"), "state"),
            new Kind("delivery event", "UPDATE webhook_delivery SET event_type = ? WHERE lead_id = '" + leadId + "'",
                constants(LeadEvents.class), "leads.event.", e -> first(lead(e), "deliveries"), "event"),
            new Kind("booking status", "UPDATE booking SET status = ? WHERE id = '" + bookingId + "'",
                names(Booking.Status.values()), "booking.status.", this::booking, "status"),
            new Kind("meeting mode", "UPDATE booking SET meeting_mode = ? WHERE id = '" + bookingId + "'",
                names(MeetingMode.values()), "mode.", this::booking, "meetingMode"),
            new Kind("booking language", "UPDATE booking SET language = ? WHERE id = '" + bookingId + "'", languages,
                "language.name.", this::booking, "language"),
            new Kind("attendance", "UPDATE appointment_outcome SET attendance = ? WHERE booking_id = '" + bookingId + "'",
                names(AppointmentOutcome.Attendance.values()), "outcome.attendance.",
                e -> map(booking(e), "outcome"), "attendance"),
            new Kind("check status", "UPDATE assessment SET status = ? WHERE id = '" + checkId + "'",
                names(Assessment.Status.values()), "check.status.", this::check, "status"),
            new Kind("check language", "UPDATE assessment SET language = ? WHERE id = '" + checkId + "'", languages,
                "language.name.", this::check, "language"),
            new Kind("sector", "UPDATE assessment SET sector = ? WHERE id = '" + checkId + "'", Sector.SECTIONS,
                "sector.", e -> map(check(e), "company"), "sector"),
            new Kind("company type", "UPDATE assessment SET company_type = ? WHERE id = '" + checkId + "'",
                names(CompanyType.values()), "profile.companyType.", e -> map(check(e), "company"), "companyType"),
            new Kind("confirmation language", "UPDATE report_mail_confirmation SET language = ? WHERE assessment_id = '"
                + checkId + "'", languages, "language.name.", e -> confirmation(e, true), "language"));
    }

    @Test
    void everyCodeTheCodeBaseWritesIsExportedWithItsWordsInGermanAndEnglish() {
        for (Kind kind : kinds()) {
            assertThat(kind.codes()).as(kind.name()).isNotEmpty();
            for (String code : kind.codes()) {
                db.execute(kind.update(), code);
                for (Language language : Language.values()) {
                    Map<String, Object> holder = kind.holder().apply(personalData.export(EMAIL, language));
                    // the code as stored (a check's status in lower case, as before)
                    assertThat(String.valueOf(holder.get(kind.field())).toUpperCase())
                        .as(kind.name()).isEqualTo(code.toUpperCase());
                    Properties words = language == Language.DE ? DE : EN;
                    assertThat(words.getProperty(kind.prefix() + code))
                        .as("%s %s has words in %s", kind.name(), code, language).isNotBlank();
                    assertThat(holder.get(kind.field() + "Text")).as("%s %s in %s", kind.name(), code, language)
                        .isEqualTo(words.getProperty(kind.prefix() + code));
                }
            }
        }
        // the sign-in's confirmation for every check: what confirmed it, in words
        assertThat(confirmation(personalData.export(EMAIL, Language.DE), false))
            .containsEntry("confirmedBy", "magicLinkSignIn").containsEntry("confirmedByText",
                "Anmeldung bei „Mein Unternehmen“ über den Link in der E-Mail");
        assertThat(confirmation(personalData.export(EMAIL, Language.EN), false))
            .containsEntry("confirmedByText", "Signed in to “My company” with the link from the email");
        // a consent's text version as a person reads it
        Map<String, Object> consent = first(lead(personalData.export(EMAIL, Language.DE)), "consents");
        assertThat((String) consent.get("textVersionText")).startsWith("Einwilligungstext");
        restore();
    }

    @Test
    void aCodeWithoutWordsReadsAsAnotherValueAndKeepsItsCode() {
        Map<String, String> unknown = Map.of("lead source", "fax", "delivery state", "PAUSED", "delivery event",
            "lead.merged", "meeting mode", "HOLOGRAM", "lead stage", "PARKED", "sector", "Z", "booking language", "fr");
        List<Kind> changed = new ArrayList<>();
        for (Kind kind : kinds()) {
            if (unknown.containsKey(kind.name())) {
                db.execute(kind.update(), unknown.get(kind.name()));
                changed.add(kind);
            }
        }
        assertThat(changed).hasSize(unknown.size());
        try {
            for (Language language : Language.values()) {
                Map<String, Object> export = personalData.export(EMAIL, language);
                for (Kind kind : changed) {
                    Map<String, Object> holder = kind.holder().apply(export);
                    assertThat(holder).as(kind.name()).containsEntry(kind.field(), unknown.get(kind.name()))
                        .containsEntry(kind.field() + "Text", language == Language.DE ? "Sonstiger Wert" : "Other value");
                }
                assertThat(json(export)).doesNotContain("??", "leads.source.", "leads.log.state.", "mode.HOLOGRAM",
                    "code.other");
            }
        } finally {
            restore();
        }
    }

    private void restore() {
        db.execute("UPDATE agency_lead SET status = 'OPEN', stage = 'NEW', source = ? WHERE id = ?",
            SharedChecks.SOURCE_API, leadId);
        db.execute("UPDATE lead_consent SET source = ?, language = 'de' WHERE lead_id = ?", SharedChecks.SOURCE_API,
            leadId);
        db.execute("UPDATE webhook_delivery SET state = ?, event_type = ? WHERE lead_id = ?", DeliveryRow.DELIVERED,
            LeadEvents.CREATED, leadId);
        db.execute("UPDATE booking SET status = 'CONFIRMED', meeting_mode = 'VIDEO', language = 'de' WHERE id = ?",
            bookingId);
        db.execute("UPDATE assessment SET status = 'COMPLETED', language = 'de', sector = 'C' WHERE id = ?", checkId);
    }

    /** Every status a lead can have: {@link LeadRow}'s constants but its first stage ({@code NEW}). */
    private static List<String> leadStatuses() {
        List<String> statuses = new ArrayList<>(constants(LeadRow.class));
        statuses.removeAll(constants(LeadStages.class));
        assertThat(statuses).contains(LeadRow.OPEN, LeadRow.WITHDRAWN, LeadRow.ERASED);
        return statuses;
    }

    /** Where a consent is given: the result page, the API (readiness) and a booking. */
    private static List<String> sources() {
        return List.of(SharedChecks.SOURCE_CHECK, SharedChecks.SOURCE_API, BookingLeads.SOURCE);
    }

    /** The values of a class's static String constants (its codes). */
    private static List<String> constants(Class<?> type) {
        List<String> values = new ArrayList<>();
        for (Field f : type.getDeclaredFields()) {
            if (Modifier.isStatic(f.getModifiers()) && Modifier.isFinal(f.getModifiers()) && !Modifier.isPrivate(f.getModifiers())
                && f.getType() == String.class) {
                try {
                    f.setAccessible(true);
                    values.add((String) f.get(null));
                } catch (IllegalAccessException e) {
                    throw new IllegalStateException(e);
                }
            }
        }
        return values;
    }

    private static List<String> names(Enum<?>[] values) {
        return Arrays.stream(values).map(Enum::name).toList();
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> lead(Map<String, Object> export) {
        return ((List<Map<String, Object>>) export.get("leads")).stream().filter(l -> leadId.equals(l.get("id")))
            .findFirst().orElseThrow();
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> booking(Map<String, Object> export) {
        return ((List<Map<String, Object>>) export.get("bookings")).stream().filter(b -> bookingId.equals(b.get("id")))
            .findFirst().orElseThrow();
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> check(Map<String, Object> export) {
        return ((List<Map<String, Object>>) export.get("checks")).stream().filter(c -> checkId.equals(c.get("id")))
            .findFirst().orElseThrow();
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> confirmation(Map<String, Object> export, boolean ofTheCheck) {
        return ((List<Map<String, Object>>) export.get("reportMailConfirmations")).stream()
            .filter(c -> ofTheCheck == checkId.equals(c.get("check"))).findFirst().orElseThrow();
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> first(Map<String, Object> holder, String list) {
        List<Map<String, Object>> items = (List<Map<String, Object>>) holder.get(list);
        assertThat(items).as(list).isNotEmpty();
        return items.get(0);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Map<String, Object> holder, String member) {
        return (Map<String, Object>) holder.get(member);
    }

    private String json(Object value) {
        try {
            return new String(json.writeValueAsBytes(value), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Properties bundle(String name) {
        Properties messages = new Properties();
        try (InputStream in = ExportedCodesInWordsIntegrationTest.class.getClassLoader().getResourceAsStream(name)) {
            messages.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return messages;
    }
}
