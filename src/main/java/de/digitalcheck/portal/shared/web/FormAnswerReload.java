package de.digitalcheck.portal.shared.web;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a GET route on a form post's address that only leads ({@code 303}) to the page the form is on: the address
 * bar's reload of a page answered to the post itself (a new secret, a refused form), which was {@code 405}. It is not a
 * page of its own: the language switch of a page answered to the post does not link to it, but to the page the form
 * was sent from ({@link LayoutModel}), as it did before the route was there (the inbox's filter kept, for one).
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface FormAnswerReload {
}
