package de.digitalcheck.portal.leads.internal;

/** The addresses of the agency's lead pages (in mails and webhook payloads: no private check link). */
public final class LeadPaths {

    public static final String LEADS = "/agentur/leads";
    public static final String WEBHOOK = "/agentur/webhook";
    public static final String FALLBACK = "/admin/leads";

    private LeadPaths() {
    }

    public static String lead(String id) {
        return LEADS + "/" + id;
    }

    /** A lead as network admins open it (any agency's, and the fallback queue's). */
    public static String adminLead(String id) {
        return FALLBACK + "/" + id;
    }
}
