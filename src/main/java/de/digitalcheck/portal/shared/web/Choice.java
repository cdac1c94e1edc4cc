package de.digitalcheck.portal.shared.web;

/** One option of a select or a radio group: the value the form posts and the text the page shows. */
public record Choice(String value, String label) {
}
