package de.digitalcheck.portal.shared.web;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.core.annotation.Creator;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

import java.util.List;

/**
 * An RFC 9457 problem document; {@code errors} lists broken rules per field, at most {@link #MAX_ERRORS} of them:
 * {@code errorsOmitted} counts those left off (absent when none were). A body of 10,000 unknown answers (99 KB) was
 * answered with 10,000 entries (840 KB), one of 24,000 (239 KB, within the request size limit) with 2 MB.
 */
@Serdeable
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Problem(String type, String title, int status, String detail, @Nullable List<FieldMessage> errors,
                      @Nullable Integer errorsOmitted) {

    public static final String MEDIA_TYPE = "application/problem+json";

    /**
     * The most entries {@code errors} lists. Twice what a request of the documented shape can break at most (an
     * assessment: 40 questions, {@code QuestionnaireLoader.MAX_QUESTIONS}, and about a dozen other members), so that
     * such a request is always told every problem, however many; more can only come from members the API does not
     * know, which are all reported alike, and a client gains nothing from the 101st of them.
     */
    public static final int MAX_ERRORS = 100;

    /** Keeps the first {@link #MAX_ERRORS} entries of {@code errors}, adding those left off to {@code errorsOmitted}. */
    @Creator
    public Problem {
        if (errors != null && errors.size() > MAX_ERRORS) {
            errorsOmitted = (errorsOmitted == null ? 0 : errorsOmitted) + errors.size() - MAX_ERRORS;
            errors = List.copyOf(errors.subList(0, MAX_ERRORS));
        }
    }

    /** A problem whose {@code errors} (if any) are all there is. */
    public Problem(String type, String title, int status, String detail, @Nullable List<FieldMessage> errors) {
        this(type, title, status, detail, errors, null);
    }

    /**
     * One broken rule. Its {@code field} is always written, even when empty: the member with the empty name
     * ({@code {"":1}}) is the field {@code ""}, and the OpenAPI document requires {@code field} on every entry.
     */
    @Serdeable
    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record FieldMessage(String field, String message) {
    }
}
