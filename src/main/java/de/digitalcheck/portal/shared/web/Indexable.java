package de.digitalcheck.portal.shared.web;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A public page that search engines may list (the home page, the start of the check, the legal pages, the API's page).
 * Every other answer says {@code X-Robots-Tag: noindex, nofollow} ({@link SecurityHeadersFilter}): most of the
 * portal's addresses are private links (a check, its result and report, a booking's management page, a sign-in link)
 * or staff pages, and a private link that a company pasted somewhere public must not end up in a search index; a new
 * route is private until it says otherwise.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface Indexable {
}
