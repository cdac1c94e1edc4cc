package de.digitalcheck.portal.accounts.company.web;

import de.digitalcheck.portal.accounts.CompanyAppointments;
import de.digitalcheck.portal.accounts.company.CompanyAccess;
import de.digitalcheck.portal.readiness.CheckPaths;
import de.digitalcheck.portal.shared.privacy.PersonalDataRequests;
import de.digitalcheck.portal.shared.i18n.Language;
import de.digitalcheck.portal.shared.i18n.Messages;
import de.digitalcheck.portal.shared.validation.FieldError;
import de.digitalcheck.portal.shared.validation.FormValidation;
import de.digitalcheck.portal.shared.web.Csrf;
import de.digitalcheck.portal.shared.web.ErrorLink;
import de.digitalcheck.portal.shared.web.ErrorPages;
import de.digitalcheck.portal.shared.web.Flash;
import de.digitalcheck.portal.shared.web.PortalLocaleResolver;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Consumes;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Produces;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.micronaut.views.ModelAndView;

import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/** "Mein Unternehmen": a company asks for a magic link, opens it, sees its checks, exports or erases its data. */
@Controller(MyCompanyPages.PATH)
@Secured(SecurityRule.IS_ANONYMOUS)
@ExecuteOn(TaskExecutors.BLOCKING)
@Produces(MediaType.TEXT_HTML)
class MyCompanyPages {

    static final String PATH = "/mein-unternehmen";
    static final String OVERVIEW = PATH + "/uebersicht";
    /** The answer to the erasure ({@link #erased}). */
    static final String ERASED = PATH + "/geloescht";
    static final String REQUEST = "accounts/company-request";
    /** The query of the form's page right after a link was asked for. */
    static final String SENT = "gesendet";
    /**
     * The overview's note ({@link Flash}) after a consent was withdrawn: "?widerrufen" in the address said "Ihre
     * Einwilligung ist widerrufen" on any link that carried it, though nothing was withdrawn, and on every reload.
     */
    static final String WITHDRAWN = "withdrawn";

    private final CompanyAccess access;
    private final CompanySession session;
    private final PersonalDataRequests personalData;
    private final Csrf csrf;
    private final Messages messages;
    private final FormValidation validation;
    private final de.digitalcheck.portal.readiness.AgencyLeads leads;
    private final CompanyOverview overview;
    private final CompanyAppointments appointments;
    private final Flash flash;

    MyCompanyPages(CompanyAccess access, CompanySession session, PersonalDataRequests personalData, Csrf csrf,
                   Messages messages, FormValidation validation, de.digitalcheck.portal.readiness.AgencyLeads leads,
                   CompanyOverview overview, CompanyAppointments appointments, Flash flash) {
        this.flash = flash;
        this.leads = leads;
        this.overview = overview;
        this.appointments = appointments;
        this.access = access;
        this.session = session;
        this.personalData = personalData;
        this.csrf = csrf;
        this.messages = messages;
        this.validation = validation;
    }

    /**
     * The form; right after a link was asked for ({@code ?gesendet}, the redirect's), the answer above it. A company
     * signed in already is told so, with the way to its overview (it saw only the form, as if it were signed out); the
     * form stays, for a link to another address.
     */
    @Get
    ModelAndView<Map<String, Object>> requestForm(HttpRequest<?> request) {
        return new ModelAndView<>(REQUEST, requestModel(request, "", Map.of(), List.of(),
            request.getParameters().contains(SENT)));
    }

    private Map<String, Object> requestModel(HttpRequest<?> request, String email, Map<String, String> errors,
                                             List<ErrorLink> errorLinks, boolean sent) {
        return Map.of("email", email, "errors", errors, "errorLinks", errorLinks, "sent", sent,
            "signedInAs", session.email(request).orElse(""));
    }

    @Post
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    HttpResponse<?> requestLink(HttpRequest<?> request, @Body @Nullable LinkRequestForm body) {
        csrf.verify(request, body);
        LinkRequestForm form = Objects.requireNonNullElse(body, LinkRequestForm.EMPTY);
        Language lang = PortalLocaleResolver.language(request);
        List<FieldError> errors = validation.errors(form);
        if (!errors.isEmpty()) {
            Map<String, String> byField = messages.byField(lang, errors);
            // the error list above the form, focused by the script like every other form's: without it, keyboard and
            // screen-reader users were left at the top of the page with nothing saying what went wrong
            // each line names its field, as on every other form ("E-Mail: Bitte füllen Sie dieses Feld aus.")
            List<ErrorLink> links = byField.entrySet().stream()
                .map(e -> new ErrorLink("#" + e.getKey(), e.getKey().equals("email")
                    ? messages.get(lang, "profile.contact.email") + ": " + e.getValue() : e.getValue())).toList();
            return page(HttpStatus.UNPROCESSABLE_ENTITY, REQUEST, requestModel(request, form.email(), byField, links,
                false));
        }
        access.requestLink(form.email(), lang);
        // redirected, not answered: the answer is announced and focused (its fragment, app.js) like every other
        // form's, the title says so, and the form comes empty (it kept the address, and Enter sent another mail;
        // reloading the answer asked for the form's post again); the address is not put into the redirect's address
        return HttpResponse.seeOther(URI.create(PATH + "?" + SENT + "#link-sent"));
    }

    /**
     * Opening a link only shows a button: mail scanners that fetch links must not use them up. A link that can no
     * longer open anything (unknown, used or expired; {@link CompanyAccess#usable}, which reads and changes nothing)
     * says so at once, {@code 410}, with the way to a new one — it showed the button, and only pressing it told.
     */
    @Get("/link/{token}")
    HttpResponse<?> confirm(@PathVariable String token) {
        if (!access.usable(token)) {
            return page(HttpStatus.GONE, "accounts/company-link", Map.of("action", "", "invalid", true));
        }
        return page(HttpStatus.OK, "accounts/company-link", Map.of("action", PATH + "/link/" + token, "invalid", false));
    }

    @Post("/link/{token}")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    HttpResponse<?> redeem(HttpRequest<?> request, @PathVariable String token,
                           @Body @Nullable Csrf.TokenForm button) {
        csrf.verify(request, button);
        Optional<String> email = access.redeem(token);
        if (email.isEmpty()) {
            return page(HttpStatus.GONE, "accounts/company-link", Map.of("action", "", "invalid", true));
        }
        return HttpResponse.seeOther(URI.create(OVERVIEW)).cookie(session.open(email.get(),
            CompanyAccess.sessionOf(token)));
    }

    @Get("/uebersicht")
    HttpResponse<?> overview(HttpRequest<?> request) {
        Optional<String> email = session.email(request);
        if (email.isEmpty()) {
            return HttpResponse.seeOther(URI.create(PATH));
        }
        Map<String, Object> model = overview.model(email.get(), PortalLocaleResolver.language(request));
        // once, after the withdrawal that led here (Flash): never from the address, which any link can carry
        model.put("withdrawn", flash.is(request, WITHDRAWN));
        return flash.clear(request, HttpResponse.ok(new ModelAndView<>("accounts/company-overview", model)));
    }

    /**
     * Opens one of the address's appointments still to come on its own page: it gets a new private link (the link of
     * the newest mail stops working, as a check's does). Another address's, a past or a cancelled one: 404.
     */
    @Post("/termine/{id}/verwalten")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    HttpResponse<?> manage(HttpRequest<?> request, @PathVariable String id, @Body @Nullable Csrf.TokenForm button) {
        csrf.verify(request, button);
        Optional<String> email = session.email(request);
        if (email.isEmpty()) {
            return HttpResponse.seeOther(URI.create(PATH));
        }
        return HttpResponse.seeOther(URI.create(appointments.reissueLink(email.get(), id)
            .orElseThrow(ErrorPages.NotFound::new)));
    }

    /** Withdraws the consent behind one of the address's leads or its checks' (another address's lead: 404). */
    @Post("/leads/{id}/widerrufen")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    HttpResponse<?> withdraw(HttpRequest<?> request, @PathVariable String id, @Body @Nullable Csrf.TokenForm button) {
        csrf.verify(request, button);
        Optional<String> email = session.email(request);
        if (email.isEmpty()) {
            return HttpResponse.seeOther(URI.create(PATH));
        }
        leads.withdraw(email.get(), id);
        // the fragment is the answer itself, focusable (the section's heading is not: Chromium left the focus on the
        // page's body, and keyboard and screen-reader users started again at the top of the page)
        return flash.redirect(OVERVIEW + "#lead-withdrawn", WITHDRAWN);
    }

    @Get(value = "/export", produces = MediaType.APPLICATION_JSON)
    HttpResponse<?> export(HttpRequest<?> request) {
        Optional<String> email = session.email(request);
        if (email.isEmpty()) {
            return HttpResponse.seeOther(URI.create(PATH));
        }
        Language lang = PortalLocaleResolver.language(request);
        return HttpResponse.ok(personalData.export(email.get(), lang))
            .header("Content-Disposition", "attachment; filename=\"" + messages.get(lang, "company.export.file") + "\"");
    }

    /**
     * Opens one of the address's checks: it gets a new private link (the company has the address, not the link; the
     * old link stops working) and the browser goes on to the check.
     */
    @Post("/checks/{id}/oeffnen")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    HttpResponse<?> open(HttpRequest<?> request, @PathVariable String id, @Body @Nullable Csrf.TokenForm button) {
        csrf.verify(request, button);
        Optional<String> email = session.email(request);
        if (email.isEmpty()) {
            return HttpResponse.seeOther(URI.create(PATH));
        }
        String token = access.reopen(email.get(), id).orElseThrow(ErrorPages.NotFound::new);
        return HttpResponse.seeOther(CheckPaths.uri(CheckPaths.resume(token)));
    }

    /** Erasing asks first. */
    @Get("/loeschen")
    HttpResponse<?> askErase(HttpRequest<?> request) {
        Optional<String> email = session.email(request);
        if (email.isEmpty()) {
            return HttpResponse.seeOther(URI.create(PATH));
        }
        return HttpResponse.ok(new ModelAndView<>("accounts/company-erase", Map.of("email", email.get(),
            "count", access.checksOf(email.get()).size())));
    }

    @Post("/loeschen")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    HttpResponse<?> erase(HttpRequest<?> request, @Body @Nullable Csrf.TokenForm button) {
        csrf.verify(request, button);
        Optional<String> email = session.email(request);
        if (email.isEmpty()) {
            return HttpResponse.seeOther(URI.create(PATH));
        }
        int erased = personalData.erase(email.get()).getOrDefault("checks", 0);
        // signed out (the cookie cleared here; the erased address's links are gone, so the session is over in any
        // browser that still has it) and redirected, so that a reload does not post again (the page was the post's
        // answer, with the session still open and the erased address's empty overview behind it)
        return flash.put(HttpResponse.seeOther(URI.create(ERASED)), ERASED, Integer.toString(erased))
            .cookie(CompanySession.close());
    }

    /**
     * The answer to the erasure, once, right after it (how many checks it erased, in the page's language: the
     * {@link Flash} note its post put on the redirect). Without that note — a reload, the address typed in or sent
     * by someone — the form to ask for a link: nothing vouches then that anything was erased.
     */
    @Get("/geloescht")
    HttpResponse<?> erased(HttpRequest<?> request) {
        Optional<Integer> count = flash.note(request).flatMap(MyCompanyPages::count);
        if (count.isEmpty()) {
            return HttpResponse.seeOther(URI.create(PATH));
        }
        return flash.clear(request, HttpResponse.ok(new ModelAndView<>("accounts/company-erased",
            Map.of("count", count.get()))));
    }

    private static Optional<Integer> count(String note) {
        try {
            return Optional.of(Integer.parseInt(note)).filter(n -> n >= 0);
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    private static HttpResponse<?> page(HttpStatus status, String view, Map<String, Object> model) {
        return HttpResponse.status(status).contentType(MediaType.TEXT_HTML_TYPE).body(new ModelAndView<>(view, model));
    }
}
