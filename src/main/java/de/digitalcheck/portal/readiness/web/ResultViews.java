package de.digitalcheck.portal.readiness.web;

import de.digitalcheck.portal.readiness.AssessmentId;
import de.digitalcheck.portal.readiness.CheckAppointments;
import de.digitalcheck.portal.readiness.CheckPaths;
import de.digitalcheck.portal.readiness.internal.AssessmentRow;
import de.digitalcheck.portal.readiness.internal.SelfCheck;
import de.digitalcheck.portal.readiness.ResultSummaries;
import de.digitalcheck.portal.readiness.ResultSummary;
import de.digitalcheck.portal.shared.config.PortalSettings;
import de.digitalcheck.portal.shared.i18n.Dates;
import de.digitalcheck.portal.shared.i18n.Language;
import de.digitalcheck.portal.shared.i18n.Messages;
import de.digitalcheck.portal.shared.validation.FieldError;
import de.digitalcheck.portal.shared.web.ErrorLink;
import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Builds the result page's model: the check's {@link ResultSummary} (the same facts the PDF report shows) and
 * the page's own links and forms.
 */
@Singleton
class ResultViews {

    private final ResultSummaries summaries;
    private final SelfCheck selfCheck;
    private final PortalSettings settings;
    private final Messages messages;
    private final CheckAppointments appointments;
    private final CheckSharing sharing;
    private final int mailsPerDay;

    /** What the report section may say about a request to mail the report (from the report module's redirect). */
    static final java.util.Set<String> REPORT_MAIL_STATES = java.util.Set.of(CheckPaths.REPORT_MAIL_SENT,
        CheckPaths.REPORT_MAIL_LIMIT);
    /** The consent's redirect: the consent was just given (or given again), its answer takes the focus. */
    static final String CONSENT_GIVEN = "given";
    /**
     * The note ({@code shared.web.Flash}) the consent's form leaves for the result page when it was sent with details
     * it refuses (no name, no or an invalid email, no tick) for a check already shared: nothing was needed, nothing
     * was taken over.
     */
    static final String CONSENT_UNCHANGED = "consent-unchanged";

    ResultViews(ResultSummaries summaries, SelfCheck selfCheck, PortalSettings settings, Messages messages,
                CheckAppointments appointments, CheckSharing sharing,
                @io.micronaut.context.annotation.Value("${portal.mail.per-recipient-per-day:5}") int mailsPerDay) {
        this.sharing = sharing;
        this.appointments = appointments;
        this.mailsPerDay = mailsPerDay;
        this.summaries = summaries;
        this.selfCheck = selfCheck;
        this.settings = settings;
        this.messages = messages;
    }

    /**
     * @param note       the {@code shared.web.Flash} note a form's post left for this page (never the page's address:
     *     anyone can craft one): what became of a request to mail the report ({@code sent}: a mail went out, the
     *     report or a confirmation link; {@code limit}: today's limit of mails to the address is reached; what became
     *     of a confirmation is said on the confirmation link's own page, which does not lead here), or
     *     {@link #CONSENT_UNCHANGED}; else {@code null}
     * @param consent    {@link #CONSENT_GIVEN} right after the consent to share the result was given (its answer, who
     *     gets in touch by when, is focusable and focused then, and only then), else {@code null}
     */
    Map<String, Object> result(Language lang, AssessmentRow a, String token, @Nullable String note,
                               @Nullable String consent) {
        Map<String, Object> model = result(lang, a, token, note, ContactForm.EMPTY, List.of());
        model.put("consentGiven", CONSENT_GIVEN.equals(consent) && model.get("shared") != null);
        model.put("consentUnchanged", CONSENT_UNCHANGED.equals(note) && model.get("shared") != null);
        return model;
    }

    /** As above, with the report contact form as typed and its errors (a failed attempt to add an email). */
    Map<String, Object> result(Language lang, AssessmentRow a, String token, @Nullable String reportMail,
                               ContactForm contactForm, List<FieldError> contactErrors) {
        ResultSummary s = summaries.summarise(lang, selfCheck.view(a));
        Map<String, Object> model = new HashMap<>();
        model.put("companyName", s.companyName());
        model.put("score", s.score());
        model.put("levelLabel", s.levelLabel());
        model.put("completedAt", s.completedAt());
        model.put("dimensions", s.dimensions());
        model.put("allTop", s.allTop());
        model.put("chart", s.chart());
        model.put("benchmark", s.benchmark());
        model.put("programmes", s.firstProgrammes());
        model.put("morePrograms", s.moreProgrammes());
        model.put("agency", s.agency());
        model.put("agencyIntro", s.agencyIntro());
        model.put("networkName", settings.networkName());
        model.put("version", s.version());
        model.put("previous", s.previous());
        model.put("interpretation", s.interpretation());
        model.put("potential", s.potential());
        model.put("actions", s.actions());
        model.put("mailto", s.agency() == null ? null : "mailto:" + s.agency().email() + "?subject="
            + URLEncoder.encode(messages.get(lang, "result.next.mail.subject"), StandardCharsets.UTF_8).replace("+", "%20"));
        // the booked appointments, all of them (the report's cover shows the next), in place of the offer to book one
        List<Map<String, String>> booked = appointments.coming(new AssessmentId(a.id()), lang).stream()
            .map(appointment -> appointment(lang, appointment)).toList();
        model.put("appointments", booked);
        model.put("bookingUrl", s.agency() == null || !booked.isEmpty() ? null : CheckPaths.booking(token));
        model.put("tel", s.agency() == null || s.agency().phone() == null ? null
            : "tel:" + s.agency().phone().replaceAll("[^+0-9]", ""));
        Map<String, String> steps = new HashMap<>();
        s.dimensions().forEach(d -> steps.put(d.id(), CheckPaths.step(token, d.id())));
        model.put("stepUrls", steps);
        // in the page's language: the link is kept and opened later, often in another browser (German without it)
        model.put("resumeUrl", settings.link(CheckPaths.resume(token) + CheckPaths.languageQuery(lang)));
        model.put("contactUrl", a.contact().email() == null ? CheckPaths.contact(token) : null);
        model.put("contactForm", contactForm);
        Map<String, String> contactByField = messages.byField(lang, contactErrors);
        model.put("contactErrors", contactByField);
        // its own error summary, in its own form (the consent form has another): linked to the fields, focused
        model.put("contactErrorLinks", contactByField.entrySet().stream().map(e -> new ErrorLink(
            "contact.name".equals(e.getKey()) ? "#contact-name" : "#contact-email", e.getValue())).toList());
        model.put("profileUrl", CheckPaths.profile(token));
        model.put("againUrl", CheckPaths.again(token));
        model.put("eraseUrl", CheckPaths.erase(token));
        model.put("reportUrl", CheckPaths.report(token));
        model.put("reportMailUrl", a.contact().email() == null ? null : CheckPaths.reportMail(token));
        model.put("contactEmail", a.contact().email());
        model.put("reportMail", reportMail != null && REPORT_MAIL_STATES.contains(reportMail) ? reportMail : null);
        model.put("mailsPerDay", mailsPerDay);
        consent(model, lang, a, token, ConsentForm.of(a.contact().name(), a.contact().email()), List.of());
        return model;
    }

    /** The appointment's lines as the page shows them: when, kind, coach, how. */
    private Map<String, String> appointment(Language lang, CheckAppointments.CheckAppointment a) {
        return Map.of("when", messages.get(lang, "report.appointment.time", Dates.longDate(lang, a.start()),
                Dates.time(lang, a.start(), Dates.needsZone(a.start(), a.end())),
                Dates.endTime(lang, a.start(), a.end(), Dates.needsZone(a.start(), a.end()))),
            "type", a.typeName(), "coach", a.coachName(), "mode", messages.get(lang, "mode." + a.mode()));
    }

    // Leads (issue 12): the consent to share the check with the agency, and who will get in touch by when.

    /** The result page with the consent form as typed and its errors (a refused consent). */
    Map<String, Object> withConsent(Language lang, AssessmentRow a, String token, ConsentForm form,
                                    List<FieldError> errors) {
        Map<String, Object> model = result(lang, a, token, null, null);
        consent(model, lang, a, token, form, errors);
        return model;
    }

    /**
     * The result page as it stands after a consent given again that was refused because the lead's agency has another
     * open lead under the new email ({@link de.digitalcheck.portal.readiness.AgencyLeads.ContactTaken}): nothing
     * changed, and the page says why.
     */
    Map<String, Object> withContactTaken(Language lang, AssessmentRow a, String token, String email,
                                         String agencyName) {
        Map<String, Object> model = result(lang, a, token, null, null);
        model.put("consentTaken", messages.get(lang, "consent.contactTaken", email, agencyName));
        return model;
    }

    private void consent(Map<String, Object> model, Language lang, AssessmentRow a, String token, ConsentForm form,
                         List<FieldError> errors) {
        // who holds the data (the agency of the lead, which a change of the location does not move) and whether the
        // consent for the agency responsible now is offered: CheckSharing decides it for every page alike
        CheckSharing.State state = sharing.of(a);
        var shared = state.here();
        model.put("shared", shared);
        model.put("consentGiven", false);
        model.put("consentUnchanged", false);
        model.put("sharedContactBy", shared == null ? null
            : Dates.date(lang, shared.contactBy()));
        model.put("consentOffered", state.offer());
        model.put("sharedElsewhere", state.elsewhere().stream().map(l -> messages.get(lang,
            l.fallback() ? "consent.elsewhere.fallback" : "consent.elsewhere.text", l.agencyName(),
            Dates.date(lang, l.consentAt()), Dates.date(lang, l.contactBy()))).toList());
        String consentAgency = a.agencyId() == null ? settings.networkName()
            : selfCheck.agencyOf(a).map(de.digitalcheck.portal.routing.Agency::name).orElse(settings.networkName());
        boolean fallback = selfCheck.agencyOf(a).isEmpty();
        model.put("consentAgency", consentAgency);
        model.put("consentFallback", fallback);
        // the location moved since the result was shared: the agency responsible now gets it only by this consent
        model.put("consentMoved", state.offer() && !state.elsewhere().isEmpty()
            ? messages.get(lang, fallback ? "consent.moved.fallback" : "consent.moved", a.company().location(),
                consentAgency) : null);
        model.put("consentUrl", CheckPaths.result(token).replace("/result", "/einwilligung"));
        model.put("consentForm", form);
        Map<String, String> byField = messages.byField(lang, errors);
        model.put("consentErrors", byField);
        model.put("errorLinks", byField.entrySet().stream().map(e -> new ErrorLink("#" + switch (e.getKey()) {
            case "contact.name" -> "consent-name";
            case "contact.email" -> "consent-email";
            default -> "consent-share";
        }, e.getValue())).toList());
    }
}
