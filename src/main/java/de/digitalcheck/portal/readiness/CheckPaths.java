package de.digitalcheck.portal.readiness;

import de.digitalcheck.portal.shared.i18n.Language;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/**
 * The addresses of a self-check's pages: the private token is part of the path ({@value #BASE}). Other modules add
 * pages under a check's address with {@link #BASE} as their controller's path and the suffixes below, and find the
 * check with {@link Assessments#byLink(String)}; an unknown link then answers with the check's own "this link is not
 * valid" page.
 */
public final class CheckPaths {

    /** The start of the self-check: the empty company profile. */
    public static final String START = "/check";
    /** A check's address, as a route template. */
    public static final String BASE = START + "/{token}";
    /** The PDF report of a completed check (served by the report module), under {@link #BASE}. */
    public static final String REPORT_PDF = "/report.pdf";
    /** The form that mails the PDF report to the check's contact (served by the report module), under {@link #BASE}. */
    public static final String REPORT_MAIL = "/report/email";
    /**
     * The note ({@code shared.web.Flash}) the report mail's form leaves for the result page: a mail went out (the
     * report or a confirmation link).
     */
    public static final String REPORT_MAIL_SENT = "sent";
    /** The note the report mail's form leaves for the result page: today's mails to the address are sent, none went. */
    public static final String REPORT_MAIL_LIMIT = "limit";

    private CheckPaths() {
    }

    /** A check's address: it resumes the check where it was left, or shows its result. */
    public static String resume(String token) {
        return START + "/" + URLEncoder.encode(token, StandardCharsets.UTF_8);
    }

    public static String profile(String token) {
        return resume(token) + "/profile";
    }

    public static String step(String token, String dimensionId) {
        return resume(token) + "/step/" + dimensionId;
    }

    public static String result(String token) {
        return resume(token) + "/result";
    }

    /**
     * The result page in a language: German is the pages' default, any other language is named ({@code ?lang=en}), so
     * that a link handed out in English (the API's {@code resultUrl}, the English report and its mail) opens an English
     * page.
     */
    public static String result(String token, Language language) {
        return result(token) + languageQuery(language);
    }

    /** {@code ?lang=…} for a language other than German, else nothing. */
    public static String languageQuery(Language language) {
        return language == Language.DE ? "" : "?lang=" + language.code();
    }

    public static String again(String token) {
        return resume(token) + "/again";
    }

    /** The form that adds a contact (name and email) to a completed check, for the PDF report by mail. */
    public static String contact(String token) {
        return resume(token) + "/kontakt";
    }

    /** The page that erases the check's personal data through its own link. */
    public static String erase(String token) {
        return resume(token) + "/loeschen";
    }

    public static String report(String token) {
        return resume(token) + REPORT_PDF;
    }

    public static String reportMail(String token) {
        return resume(token) + REPORT_MAIL;
    }

    /** Under a check's address: booking an appointment with a coach of the check's agency (the booking module's page). */
    public static final String BOOKING = "/termin";

    public static String booking(String token) {
        return resume(token) + BOOKING;
    }

    public static URI uri(String path) {
        return URI.create(path);
    }
}
