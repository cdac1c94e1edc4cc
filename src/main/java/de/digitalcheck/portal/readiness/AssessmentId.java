package de.digitalcheck.portal.readiness;

import java.util.Objects;

/** The id of a self-check (an assessment): how other modules refer to it. Never reaches the check's pages. */
public record AssessmentId(String value) {

    public AssessmentId {
        Objects.requireNonNull(value, "value");
    }

    @Override
    public String toString() {
        return value;
    }
}
