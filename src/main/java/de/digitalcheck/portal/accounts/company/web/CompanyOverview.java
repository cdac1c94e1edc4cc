package de.digitalcheck.portal.accounts.company.web;

import de.digitalcheck.portal.accounts.CompanyAppointments;
import de.digitalcheck.portal.accounts.CompanyAppointments.CompanyAppointment;
import de.digitalcheck.portal.accounts.company.CompanyAccess;
import de.digitalcheck.portal.readiness.AgencyLeads;
import de.digitalcheck.portal.readiness.AgencyLeads.GivenConsent;
import de.digitalcheck.portal.readiness.Assessment;
import de.digitalcheck.portal.readiness.ResultSummaries;
import de.digitalcheck.portal.shared.i18n.ConsentTextVersions;
import de.digitalcheck.portal.shared.i18n.Dates;
import de.digitalcheck.portal.shared.i18n.Language;
import de.digitalcheck.portal.shared.i18n.Messages;
import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What "Mein Unternehmen" shows of an address: its checks, its appointments (to come and past) and each consent it
 * gave, grouped by the lead it made (a withdrawal is per lead). Only what was found by the signed-in address.
 */
@Singleton
class CompanyOverview {


    private final CompanyAccess access;
    private final AgencyLeads leads;
    private final CompanyAppointments appointments;
    private final Messages messages;
    private final ConsentTextVersions versions;
    private final Clock clock;

    CompanyOverview(CompanyAccess access, AgencyLeads leads, CompanyAppointments appointments, Messages messages,
                    ConsentTextVersions versions, Clock clock) {
        this.versions = versions;
        this.access = access;
        this.leads = leads;
        this.appointments = appointments;
        this.messages = messages;
        this.clock = clock;
    }

    record CheckRow(String id, String company, String started, boolean completed, String score) {
    }

    record AppointmentRow(String id, String date, String time, String coach, String type, String mode,
                          boolean cancelled, boolean changeable) {
    }

    /** The appointments to come or the past ones ({@code key}: {@code upcoming}, {@code past}). */
    record AppointmentGroup(String key, boolean upcoming, List<AppointmentRow> rows) {
    }

    record ConsentLine(String given, String subject, String version, @Nullable String withdrawn) {
    }

    /** A lead with the consents behind it, newest first; {@code open}: it can still be withdrawn. */
    record LeadEntry(String id, String agency, boolean fallback, boolean open, List<ConsentLine> consents) {
    }

    Map<String, Object> model(String email, Language lang) {
        List<Assessment> checks = access.checksOf(email);
        Map<String, Assessment> checkById = new HashMap<>();
        checks.forEach(a -> checkById.put(a.id().value(), a));
        Map<String, Object> model = new HashMap<>();
        model.put("email", email);
        model.put("checks", checks.stream().map(a -> new CheckRow(a.id().value(), a.company().name(),
            Dates.date(lang, a.createdAt()), a.completed(),
            a.result() == null ? "–" : ResultSummaries.decimal(lang, a.result().score()))).toList());
        Instant now = clock.instant();
        List<AppointmentRow> upcoming = new ArrayList<>();
        List<AppointmentRow> past = new ArrayList<>();
        List<AppointmentRow> cancelled = new ArrayList<>();
        for (CompanyAppointment a : appointments.ofContact(email, lang)) {
            AppointmentRow row = new AppointmentRow(a.id(), Dates.date(lang, a.start()),
                Dates.timeRange(lang, a.start(), a.end()), a.coachName(), a.typeName(),
                messages.get(lang, "mode." + a.mode()), a.cancelled(), a.changeable());
            // a cancelled appointment is no longer to come, whatever its time: its own group, without actions
            (a.cancelled() ? cancelled : a.end().isAfter(now) ? upcoming : past).add(row);
        }
        Collections.reverse(past); // the latest first
        Collections.reverse(cancelled);
        List<AppointmentGroup> groups = new ArrayList<>();
        if (!upcoming.isEmpty()) {
            groups.add(new AppointmentGroup("upcoming", true, upcoming));
        }
        if (!past.isEmpty()) {
            groups.add(new AppointmentGroup("past", false, past));
        }
        if (!cancelled.isEmpty()) {
            groups.add(new AppointmentGroup("cancelled", false, cancelled));
        }
        model.put("appointments", groups);
        model.put("leads", leadEntries(leads.consentsOf(email), checkById, lang));
        return model;
    }

    private List<LeadEntry> leadEntries(List<GivenConsent> consents, Map<String, Assessment> checks, Language lang) {
        Map<String, List<ConsentLine>> lines = new LinkedHashMap<>();
        Map<String, GivenConsent> firstOf = new LinkedHashMap<>();
        for (GivenConsent c : consents) {
            firstOf.putIfAbsent(c.leadId(), c);
            lines.computeIfAbsent(c.leadId(), id -> new ArrayList<>()).add(new ConsentLine(
                Dates.dateTime(lang, c.givenAt()), subject(c, checks, lang), versions.name(lang, c.textVersion()),
                c.withdrawnAt() == null ? null : Dates.dateTime(lang, c.withdrawnAt())));
        }
        return firstOf.values().stream().map(c -> new LeadEntry(c.leadId(), c.agencyName(), c.fallback(), c.leadOpen(),
            lines.get(c.leadId()))).toList();
    }

    /** What a consent shared: the check (by its company and start) or the booked appointment. */
    private String subject(GivenConsent c, Map<String, Assessment> checks, Language lang) {
        if ("booking".equals(c.source())) {
            return c.appointmentStart() == null ? messages.get(lang, "company.consent.bookingUnknown")
                : messages.get(lang, "company.consent.booking", Dates.dateTime(lang, c.appointmentStart()));
        }
        Assessment check = c.assessmentId() == null ? null : checks.get(c.assessmentId());
        return check == null ? messages.get(lang, "company.consent.checkUnknown")
            : messages.get(lang, "company.consent.check", check.company().name(), Dates.date(lang, check.createdAt()));
    }
}
