package de.digitalcheck.portal.shared.web;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.serde.annotation.Serdeable;

import java.util.List;

/** An RFC 9457 problem document; {@code errors} lists broken rules per field. */
@Serdeable
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Problem(String type, String title, int status, String detail, List<FieldMessage> errors) {

    public static final String MEDIA_TYPE = "application/problem+json";

    /**
     * One broken rule. Its {@code field} is always written, even when empty: the member with the empty name
     * ({@code {"":1}}) is the field {@code ""}, and the OpenAPI document requires {@code field} on every entry.
     */
    @Serdeable
    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record FieldMessage(String field, String message) {
    }
}
