package de.digitalcheck.portal.leads.internal;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/** The addresses of the agency's lead pages (in mails and webhook payloads: no private check link). */
public final class LeadPaths {

    public static final String LEADS = "/agentur/leads";
    public static final String WEBHOOK = "/agentur/webhook";
    public static final String FALLBACK = "/admin/leads";

    private LeadPaths() {
    }

    public static String lead(String id) {
        return LEADS + "/" + segment(id);
    }

    /** A lead as network admins open it (any agency's, and the fallback queue's). */
    public static String adminLead(String id) {
        return FALLBACK + "/" + segment(id);
    }

    /**
     * The id as one encoded path segment: a lead's id is a UUID, but a redirect built from an id as a request sent it
     * (a space, a quote, a percent sign) made no URI, a 500.
     */
    private static String segment(String id) {
        return URLEncoder.encode(id, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
