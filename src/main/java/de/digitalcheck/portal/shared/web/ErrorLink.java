package de.digitalcheck.portal.shared.web;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * One line of a form's error summary (the {@code errorSummary} fragment of {@code fragments/forms}): the message and
 * the anchor of the field it is about ({@code #field-id}), so that the line takes keyboard users to the field.
 */
public record ErrorLink(String anchor, String message) {

    /**
     * A form's errors for its error summary, in the form's order ({@code labels}: field → label), each line starting
     * with its field's label and linking to the field ({@code prefix} and the field's name, dots as dashes): a bare
     * "Bitte füllen Sie dieses Feld aus." twice said nothing. An error of no field of the form links to
     * {@code fallback}, as it is.
     */
    public static List<ErrorLink> summary(Map<String, String> errors, Map<String, String> labels, String prefix,
                                          String fallback) {
        List<ErrorLink> links = new ArrayList<>();
        labels.forEach((field, label) -> {
            if (errors.containsKey(field)) {
                links.add(new ErrorLink(prefix + field.replace('.', '-'), label + ": " + errors.get(field)));
            }
        });
        errors.forEach((field, message) -> {
            if (!labels.containsKey(field)) {
                links.add(new ErrorLink(fallback, message));
            }
        });
        return links;
    }
}
