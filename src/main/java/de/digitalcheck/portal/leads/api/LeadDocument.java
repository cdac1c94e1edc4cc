package de.digitalcheck.portal.leads.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import de.digitalcheck.portal.leads.internal.LeadFeed;
import de.digitalcheck.portal.leads.internal.LeadRow;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

import java.time.Instant;
import java.util.List;

/**
 * A lead as the agency API shows it. {@code status} is the workflow status of SPEC §5 ({@code NEW} … {@code REJECTED});
 * {@code consent} is the company's consent ({@code OPEN}, {@code WITHDRAWN}, {@code ERASED}); {@code version} is the
 * value of the {@code ETag} that a {@code PATCH} names in {@code If-Match}.
 */
@Serdeable
@JsonInclude(JsonInclude.Include.ALWAYS)
record LeadDocument(String id, String status, String consent, int version, String source, String createdAt,
                    String updatedAt, String contactDueAt, @Nullable String firstContactAt, Company company,
                    Contact contact, Assessment assessment, @Nullable Assignee assignee) {

    @Serdeable
    @JsonInclude(JsonInclude.Include.ALWAYS)
    record Company(@Nullable String name, @Nullable String postalCode, @Nullable String municipality,
                   @Nullable String ags, @Nullable String sector, @Nullable Integer employees,
                   @Nullable String companyType) {
    }

    @Serdeable
    @JsonInclude(JsonInclude.Include.ALWAYS)
    record Contact(@Nullable String name, @Nullable String email, @Nullable String phone) {
    }

    @Serdeable
    @JsonInclude(JsonInclude.Include.ALWAYS)
    record Assessment(@Nullable String id, @Nullable Double score, @Nullable Integer level) {
    }

    @Serdeable
    record Assignee(String id, @Nullable String name) {
    }

    @Serdeable
    @JsonInclude(JsonInclude.Include.ALWAYS)
    record Page(List<LeadDocument> items, @Nullable String nextCursor) {
    }

    /** A lead forwarded away from the agency: which, to which agency, when. No company or contact data. */
    @Serdeable
    record Forwarded(String leadId, String forwardedTo, String forwardedAt) {
        static Forwarded of(LeadFeed.Departure departure) {
            return new Forwarded(departure.leadId(), departure.forwardedTo(), time(departure.forwardedAt()));
        }
    }

    @Serdeable
    @JsonInclude(JsonInclude.Include.ALWAYS)
    record ForwardedPage(List<Forwarded> items, @Nullable String nextCursor) {
    }

    static LeadDocument of(LeadRow row) {
        LeadRow l = row.shownToAgency(); // withdrawn, erased: no contact, no result
        return new LeadDocument(l.id(), l.stage(), l.status(), l.lockVersion(), l.source(), time(l.createdAt()),
            time(l.updatedAt()), time(l.contactDueAt()), l.firstContactAt() == null ? null : time(l.firstContactAt()),
            new Company(l.companyName(), l.postalCode(), l.municipality(), l.ags(), l.sector(), l.employees(),
                l.companyType()),
            new Contact(l.contactName(), l.contactEmail(), l.contactPhone()),
            // withdrawn: the check is no longer shared, so not even its id (the webhook's lead.updated says null too)
            new Assessment(l.open() ? l.assessmentId() : null, l.score(), l.overallLevel()),
            l.assigneeId() == null ? null : new Assignee(l.assigneeId(), l.assigneeName()));
    }

    private static String time(Instant instant) {
        return instant.toString();
    }

    /** The {@code ETag} of a lead: its version, quoted (a strong validator). */
    static String etag(LeadRow l) {
        return "\"" + l.lockVersion() + "\"";
    }
}
