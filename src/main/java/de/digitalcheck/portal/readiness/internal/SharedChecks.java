package de.digitalcheck.portal.readiness.internal;

import de.digitalcheck.portal.readiness.AgencyLeads;
import de.digitalcheck.portal.readiness.AgencyLeads.SharedLead;
import de.digitalcheck.portal.readiness.UnknownAssessment;
import de.digitalcheck.portal.shared.i18n.Language;
import de.digitalcheck.portal.shared.persistence.Deadlocks;
import de.digitalcheck.portal.shared.validation.Errors;
import de.digitalcheck.portal.shared.validation.FieldError;
import io.micronaut.data.exceptions.OptimisticLockException;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Singleton;

import java.sql.Connection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * A check shared with the responsible agency by the company's consent, in one transaction with the change that
 * carries the consent (the API's submission, the result page's contact): the lead exists exactly when the check (or
 * its contact) was saved. Consent needs a contact name and email; without them nothing is saved.
 */
@Singleton
public class SharedChecks {

    public static final String SOURCE_API = "api";
    /**
     * A consent is tried again as a deadlock's victim ({@link Deadlocks}): consents of one contact at the same moment
     * wait for each other on the lead's key (InnoDB), and the next try finds the lead and updates it.
     */
    private static final String CONSENT = "A consent";
    /** Attempts of a consent on the result page whose check another request changes at each (as the store's). */
    private static final int ATTEMPTS = 10;
    public static final String SOURCE_CHECK = "check";


    private final SelfCheck selfCheck;
    private final AgencyLeads leads;
    private final TransactionOperations<Connection> transactions;

    SharedChecks(SelfCheck selfCheck, AgencyLeads leads, TransactionOperations<Connection> transactions) {
        this.selfCheck = selfCheck;
        this.leads = leads;
        this.transactions = transactions;
    }

    /** A submitted check and the lead its consent made. */
    public record Shared(SelfCheck.Started started, SharedLead lead) {
    }

    /** {@link SelfCheck#submitChecked} and the consent, together; a missing contact is reported with the rest. */
    public Shared submitAndShare(CompanyInput company, ContactInput contact, Map<String, String> answers,
                                 Language language, List<FieldError> earlier) {
        Errors errors = new Errors().addAll(earlier);
        requireContact(contact, errors);
        List<FieldError> all = errors.list();
        return Deadlocks.retrying(CONSENT, () -> transactions.executeWrite(status -> {
            SelfCheck.Started started = selfCheck.submitChecked(company, contact, answers, language, all);
            return new Shared(started, leads.share(selfCheck.view(started.assessment()), language, SOURCE_API));
        }));
    }

    /**
     * Stores the contact (if changed) of a completed check and shares it, in one transaction. Posts of one consent at
     * the same moment (a double click, two tabs) each save the check: the first to commit wins, and each other one
     * loses the check's optimistic lock, which rolls its transaction back whole (contact, lead, consent log, event)
     * and runs it again with the check as it is now — unless {@code stands} finds the consent given on the check as
     * it is now (as a post repeated later finds it), so that a double click gives one consent, as one click does.
     *
     * @param stands whether the check, as read again after a lost race, is shared with this contact already; then
     *               nothing more is written
     * @return the lead, or empty where {@code stands} found the consent given
     * @throws OptimisticLockException when the check changed under each of {@value #ATTEMPTS} attempts (a 409)
     * @throws UnknownAssessment       when the check's link stopped working meanwhile (erased)
     */
    public Optional<SharedLead> shareFromResult(AssessmentRow check, ContactInput contact, Language language,
                                                List<FieldError> formErrors, Predicate<AssessmentRow> stands) {
        AssessmentRow current = check;
        for (int attempt = 1; ; attempt++) {
            AssessmentRow read = current;
            try {
                return Optional.of(Deadlocks.retrying(CONSENT, () -> transactions.executeWrite(status ->
                    leads.share(selfCheck.view(selfCheck.updateContact(read, contact, formErrors)), language,
                        SOURCE_CHECK))));
            } catch (OptimisticLockException e) {
                if (attempt == ATTEMPTS) {
                    throw e;
                }
                current = selfCheck.now(read).orElseThrow(UnknownAssessment::new);
                if (stands.test(current)) {
                    return Optional.empty();
                }
            }
        }
    }

    private static void requireContact(ContactInput contact, Errors errors) {
        if (contact == null || ContactInput.blank(contact.name())) {
            errors.add("contact.name", "consent.name.required");
        }
        if (contact == null || ContactInput.blank(contact.email())) {
            errors.add("contact.email", "consent.email.required");
        }
    }
}
