package de.digitalcheck.portal.readiness.web;

import java.net.URI;

/** The self-check's page addresses; the private token is part of the path. */
final class CheckPaths {

    static final String START = "/check";

    private CheckPaths() {
    }

    static String resume(String token) {
        return START + "/" + token;
    }

    static String profile(String token) {
        return resume(token) + "/profile";
    }

    static String step(String token, String dimensionId) {
        return resume(token) + "/step/" + dimensionId;
    }

    static String result(String token) {
        return resume(token) + "/result";
    }

    /** The PDF report of a completed check (served by the report module). */
    static String report(String token) {
        return resume(token) + "/report.pdf";
    }

    /** The form that mails the PDF report to the check's contact (served by the report module). */
    static String reportMail(String token) {
        return resume(token) + "/report/email";
    }

    static URI uri(String path) {
        return URI.create(path);
    }
}
