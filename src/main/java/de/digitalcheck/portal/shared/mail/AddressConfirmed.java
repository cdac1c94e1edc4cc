package de.digitalcheck.portal.shared.mail;

/**
 * Somebody proved that they read mail at this address (normalised: trimmed, lower case), e.g. by opening the
 * magic link of "Mein Unternehmen". Published inside the transaction of the proof; the report mail takes it as a
 * confirmed address for every check of it.
 */
public record AddressConfirmed(String email) {
}
