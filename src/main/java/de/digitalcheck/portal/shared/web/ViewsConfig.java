package de.digitalcheck.portal.shared.web;

import io.micronaut.context.MessageSource;
import io.micronaut.context.annotation.Factory;
import io.micronaut.context.i18n.ResourceBundleMessageSource;
import jakarta.inject.Singleton;

/** The message bundle behind every page ({@code #{...}} in templates) and {@code Messages}. */
@Factory
class ViewsConfig {

    @Singleton
    MessageSource messageSource() {
        return new ResourceBundleMessageSource("i18n.messages");
    }
}
