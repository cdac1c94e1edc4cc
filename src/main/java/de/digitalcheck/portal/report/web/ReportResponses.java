package de.digitalcheck.portal.report.web;

import de.digitalcheck.portal.report.Reports;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;

/** The PDF as a download: never cached by anyone but the user's own browser session (it holds the private link). */
final class ReportResponses {

    static final String PDF = "application/pdf";

    private ReportResponses() {
    }

    static HttpResponse<byte[]> pdf(Reports.Report report) {
        return HttpResponse.ok(report.pdf()).contentType(MediaType.of(PDF))
            .header(HttpHeaders.CONTENT_DISPOSITION, report.fileName().contentDisposition())
            .header(HttpHeaders.CACHE_CONTROL, "private, no-store");
    }
}
