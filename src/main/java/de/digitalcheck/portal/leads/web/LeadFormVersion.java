package de.digitalcheck.portal.leads.web;

import io.micronaut.http.HttpStatus;
import io.micronaut.http.exceptions.HttpStatusException;

/**
 * A lead form's hidden {@code version} that is no number (a forged or truncated post): {@code 400}, answered by the
 * error page ({@code ErrorPages}) in the reader's language. A bare {@code 400} response has no page: the browser
 * showed an empty one.
 */
final class LeadFormVersion {

    private LeadFormVersion() {
    }

    static HttpStatusException malformed() {
        return new HttpStatusException(HttpStatus.BAD_REQUEST, "malformed version");
    }
}
