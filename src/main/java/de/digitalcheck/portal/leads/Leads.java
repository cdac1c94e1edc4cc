package de.digitalcheck.portal.leads;

import de.digitalcheck.portal.leads.internal.LeadBook;
import de.digitalcheck.portal.readiness.AgencyLeads.SharedLead;
import de.digitalcheck.portal.readiness.AssessmentId;
import de.digitalcheck.portal.shared.i18n.Language;
import jakarta.inject.Singleton;

/**
 * The leads as other modules use them: a consent given elsewhere (e.g. when booking a coach with a completed check)
 * makes a lead, or updates the company's open lead at that agency, inside the caller's transaction.
 */
@Singleton
public class Leads {

    private final LeadBook book;

    Leads(LeadBook book) {
        this.book = book;
    }

    /**
     * Records the company's consent to share this completed check with its agency.
     *
     * @param source where the consent was given, e.g. {@code booking}
     * @throws de.digitalcheck.portal.shared.validation.ValidationException if the check has no contact name and email
     */
    public SharedLead consent(AssessmentId assessmentId, Language language, String source) {
        return book.share(assessmentId, language, source);
    }
}
