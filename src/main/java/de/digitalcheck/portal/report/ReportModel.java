package de.digitalcheck.portal.report;

import de.digitalcheck.portal.readiness.ResultSummary;
import de.digitalcheck.portal.shared.i18n.Language;
import io.micronaut.core.annotation.Nullable;

import java.time.LocalDate;

/**
 * What one report shows: the result (the same summary the result page shows), the link back to it, the booked
 * appointment if there is one, and for whom and when the report was made. A staff copy ({@code staffCopy}) links to
 * the lead's page in the agency's workspace instead (staff never see the company's private link).
 */
public record ReportModel(Language language, ResultSummary result, String resultUrl, @Nullable Appointment appointment,
                          String networkName, LocalDate createdOn, boolean staffCopy) {

    /** A company's report: its cover links to the company's private result page. */
    public ReportModel(Language language, ResultSummary result, String resultUrl, @Nullable Appointment appointment,
                       String networkName, LocalDate createdOn) {
        this(language, result, resultUrl, appointment, networkName, createdOn, false);
    }
}
