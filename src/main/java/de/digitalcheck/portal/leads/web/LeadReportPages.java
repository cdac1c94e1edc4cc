package de.digitalcheck.portal.leads.web;

import de.digitalcheck.portal.leads.UnknownLead;
import de.digitalcheck.portal.leads.internal.LeadDossier;
import de.digitalcheck.portal.leads.internal.LeadOversight;
import de.digitalcheck.portal.leads.internal.LeadPaths;
import de.digitalcheck.portal.leads.internal.LeadRow;
import de.digitalcheck.portal.leads.internal.LeadWork;
import de.digitalcheck.portal.report.Reports;
import de.digitalcheck.portal.shared.security.SignedIn;
import de.digitalcheck.portal.shared.web.PortalLocaleResolver;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;

/**
 * The PDF report of a lead's check for signed-in staff (their agency's leads only: another agency's is 404) and
 * network admins: the staff's copy, which links to the lead's page and never to the company's private link.
 */
@Controller
@ExecuteOn(TaskExecutors.BLOCKING)
class LeadReportPages {

    static final String REPORT = "/bericht.pdf";

    private final LeadWork leadWork;
    private final LeadOversight oversight;
    private final LeadDossier dossier;

    LeadReportPages(LeadWork leadWork, LeadOversight oversight, LeadDossier dossier) {
        this.leadWork = leadWork;
        this.oversight = oversight;
        this.dossier = dossier;
    }

    @Get(LeadPaths.LEADS + "/{id}" + REPORT)
    @Secured("AGENCY_STAFF")
    HttpResponse<byte[]> staffReport(HttpRequest<?> request, Authentication authentication, @PathVariable String id) {
        return pdf(request, leadWork.detail(SignedIn.of(authentication).agencyId(), id).lead());
    }

    @Get(LeadPaths.FALLBACK + "/{id}" + REPORT)
    @Secured("NETWORK_ADMIN")
    HttpResponse<byte[]> adminReport(HttpRequest<?> request, @PathVariable String id) {
        return pdf(request, oversight.detail(id).lead());
    }

    private HttpResponse<byte[]> pdf(HttpRequest<?> request, LeadRow lead) {
        Reports.Report report = dossier.report(lead, PortalLocaleResolver.language(request)).orElseThrow(UnknownLead::new);
        return HttpResponse.ok(report.pdf()).contentType(MediaType.of("application/pdf"))
            .header(HttpHeaders.CONTENT_DISPOSITION, report.fileName().contentDisposition())
            .header(HttpHeaders.CACHE_CONTROL, "private, no-store");
    }
}
