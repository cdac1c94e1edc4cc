package de.digitalcheck.portal.shared.validation;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A form field that may hold several lines (a note, a message, a list typed one item a line): {@link FormValidation}
 * lets it keep line breaks and tabs. Every other text component of a form is single-line (see {@link TextRules}).
 */
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.RECORD_COMPONENT, ElementType.FIELD})
public @interface MultiLine {
}
