package de.digitalcheck.portal.readiness.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

import java.util.List;

/** An assessment as the public API v1 shows it. */
@Serdeable
@JsonInclude(JsonInclude.Include.ALWAYS)
record AssessmentDocument(
    String id,
    String token,
    String status,
    String questionnaireVersion,
    @Nullable Overall overall,
    List<DimensionLevel> dimensions,
    @Nullable AgencyRef agency,
    @Nullable @JsonInclude(JsonInclude.Include.NON_NULL) LeadRef lead,
    String resultUrl,
    String reportUrl) {

    @Serdeable
    record Overall(double score, int level, String levelName, String group) {
    }

    @Serdeable
    @JsonInclude(JsonInclude.Include.ALWAYS)
    record DimensionLevel(String id, @Nullable Integer level, List<String> cappedBy) {
    }

    @Serdeable
    record AgencyRef(String id, String name) {
    }

    @Serdeable
    record LeadRef(String id, String agencyName, boolean fallback, String contactBy) {
    }
}
