package de.digitalcheck.portal.readiness;

import de.digitalcheck.portal.shared.i18n.Language;

import java.util.List;

/**
 * What the self-check's pages and API need from the leads: sharing a completed check with the responsible agency
 * (the company's consent makes a lead), whether and with whom a check was shared, and a company's shared checks
 * with the withdrawal of its consent. Declared here, implemented by the module that keeps the leads (it depends on
 * this one), as {@code routing.AgencyTeam} is.
 */
public interface AgencyLeads {

    /**
     * The version of the consent text the pages and the API show (stored with every consent): the year and month of
     * its last change. Any change of the consent's wording ({@code consent.receives}, {@code consent.checkbox} and their {@code .team} forms, in any
     * language) raises it, so that each stored consent names the text that was agreed to ({@code ConsentTextTest}
     * fails until it is raised; a second change in one month adds {@code -2}, …). 2026-11: the agency was said to
     * receive a phone number the form does not collect. 2026-12-2: where no territory covers the location, the text
     * names the network's team that receives the result ({@code consent.receives.team}, {@code consent.checkbox.team})
     * instead of an agency.
     */
    String CONSENT_VERSION = "2026-12-2";

    /**
     * Shares a completed check with the agency responsible for its location, inside the caller's transaction: the
     * consent is logged and a lead made (or the company's open lead at that agency updated) with its deliveries.
     * The check must have a contact name and email. A check that made an open lead there consents into that lead,
     * which takes the check's contact (a corrected email, name): one check, one open lead per agency.
     *
     * @param check  the check as the caller's transaction has just written it (not read again)
     * @param source where the consent was given: {@code check} (the result page) or {@code api}
     * @throws ContactTaken when the check's open lead there would take an email under which that agency has another
     *                      open lead (nothing is changed; the caller's transaction is to be rolled back)
     */
    SharedLead share(Assessment check, Language language, String source);

    /**
     * A consent given again for the check that made an open lead names a contact email under which the lead's agency
     * has another open lead (of another check): the two are not merged (two histories, two consents), and the lead
     * keeps its contact.
     */
    final class ContactTaken extends RuntimeException {

        private final String agencyName;

        public ContactTaken(String agencyName) {
            super(null, null, false, false);
            this.agencyName = agencyName;
        }

        /** The agency (or the network, for its fallback queue) that holds the lead. */
        public String agencyName() {
            return agencyName;
        }
    }

    /**
     * Every lead this check was shared into, the one of its newest consent first, each once (erased ones left out): a
     * check shared with one agency and, after its location moved, with the agency responsible now, is in two leads.
     */
    List<SharedLead> sharedWith(AssessmentId assessmentId);

    /** The leads of a company's contact email (Mein Unternehmen), newest first. */
    List<SharedLead> ofContact(String email);

    /**
     * Every consent behind the leads of this contact email, and of the leads its checks made (a booking or a consent
     * given again with the check's private link under another address takes such a lead over), to share a check or a
     * booking with an agency (Mein Unternehmen), newest first: two consents to the same agency are two entries, each
     * with its time, check or appointment, text version and withdrawal.
     */
    List<GivenConsent> consentsOf(String email);

    /**
     * When the consent to share that each of these bookings carried was withdrawn: the withdrawal of the lead the
     * booking's consent made or updated ({@link #withdraw}, which withdraws all of its consents), by booking id. A
     * booking whose consent stands, that carried none or whose lead is not (yet) made is not in it.
     */
    java.util.Map<String, java.time.Instant> bookingConsentsWithdrawn(java.util.Collection<String> bookingIds);

    /**
     * Withdraws the consent behind a lead of this contact email, or of a lead one of its checks made: deliveries not
     * yet made stop and the agency is told.
     *
     * @throws de.digitalcheck.portal.shared.NoSuchThing if the email has no such open lead
     */
    void withdraw(String email, String leadId);

    /**
     * A consent as the company's page shows it.
     *
     * @param leadId           the lead it made or updated (its withdrawal withdraws the lead's consents)
     * @param source           where it was given: {@code check}, {@code api} or {@code booking}
     * @param assessmentId     the check it shared, if any (and not erased)
     * @param appointmentStart the start of the booked appointment it came with ({@code booking} only), if known
     * @param textVersion      the version of the consent text agreed to
     * @param leadOpen         whether its lead is still open (can be withdrawn)
     * @param fallback         its lead is in the network's fallback queue ({@code agencyName} is the network's)
     */
    record GivenConsent(String leadId, String agencyName, java.time.Instant givenAt, String source,
                        @io.micronaut.core.annotation.Nullable String assessmentId,
                        @io.micronaut.core.annotation.Nullable java.time.Instant appointmentStart, String textVersion,
                        @io.micronaut.core.annotation.Nullable java.time.Instant withdrawnAt, boolean leadOpen,
                         boolean fallback) {
    }

    /**
     * Who will get in touch with a company that shared its check, and by when.
     *
     * @param agencyId the agency that holds the lead now, {@code null} for the network's fallback queue
     * @param ags      the company's location as the lead holds it (from its latest consent), if known
     */
    record SharedLead(String id, String agencyName, boolean fallback, java.time.LocalDate contactBy,
                      java.time.Instant consentAt, boolean withdrawn,
                      @io.micronaut.core.annotation.Nullable String agencyId,
                      @io.micronaut.core.annotation.Nullable String ags) {
    }
}
