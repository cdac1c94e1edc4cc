package de.digitalcheck.portal.routing;

/**
 * An agency's logo as it is served: PNG or JPEG, checked by its content and stripped of its metadata when it was
 * uploaded.
 */
public record AgencyLogo(String contentType, byte[] content) {
}
