package de.digitalcheck.portal.shared.mail;

/** A plain-text email to one person. */
public record Mail(String to, String subject, String text) {
}
