package de.digitalcheck.portal.shared.web;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The media types an API route takes as its body ({@code application/json}; a charset parameter is allowed). Checked
 * by {@link ApiContentTypeFilter} after the security filter, so that who may call the route is decided before what
 * was sent: a route of the API with a body declares {@code @Consumes(MediaType.ALL)} and this, because the router
 * refuses a body of a type a route does not {@code @Consumes} with {@code 415} before any filter runs (a token made
 * to read only got {@code 415} for a wrong type instead of {@code 403}, a request without a token {@code 415} instead
 * of {@code 401}). A route of the API with a body but without this annotation takes {@code application/json}.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface ApiConsumes {

    /** The media types, without parameters. */
    String[] value();
}
