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

    /**
     * The lines that link to a radio or checkbox group ({@code group}: its fieldset's anchor) linked to the group's
     * first option instead ({@code optionIdPrefix} and the option's value, its input's id), the rest as they are. A
     * fieldset cannot take the focus: following the line left the focus on the page's body and the next Tab at the
     * page's top; the first option takes it as a field would, read out with its group's legend and error (the
     * fieldset's {@code aria-describedby}). A group without options keeps its line as it is.
     */
    public static List<ErrorLink> toFirstOption(List<ErrorLink> links, String group, String optionIdPrefix,
                                                List<Choice> options) {
        if (options.isEmpty()) {
            return links;
        }
        String first = "#" + optionIdPrefix + options.get(0).value();
        return links.stream().map(l -> l.anchor().equals(group) ? new ErrorLink(first, l.message()) : l).toList();
    }
}
