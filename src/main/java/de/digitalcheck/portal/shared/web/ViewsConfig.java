package de.digitalcheck.portal.shared.web;

import io.micronaut.context.AbstractMessageSource;
import io.micronaut.context.MessageSource;
import io.micronaut.context.annotation.Factory;
import io.micronaut.context.i18n.ResourceBundleMessageSource;
import io.micronaut.core.annotation.NonNull;
import jakarta.inject.Singleton;

import java.util.Optional;
import java.util.function.Supplier;

/** The message bundle behind every page ({@code #{...}} in templates) and {@code Messages}. */
@Factory
class ViewsConfig {

    /** Where the bundle is: {@code i18n/messages.properties} and its translations. */
    static final String BUNDLE = "i18n.messages";

    @Singleton
    MessageSource messageSource() {
        return new Deferred(() -> new ResourceBundleMessageSource(BUNDLE));
    }

    /**
     * A message source read at its first message, not when it is made: Micronaut's bean validator takes every message
     * source when the start makes it (for a validated setting of the JWT signature), and reading the bundle of the default
     * language (about 100 KB of properties a language) then cost the start tens of milliseconds of parsing (bench/README.md, "3 December"). The
     * first page reads it instead.
     */
    static final class Deferred extends AbstractMessageSource {

        private final Supplier<MessageSource> read;
        private volatile MessageSource source;

        Deferred(Supplier<MessageSource> read) {
            this.read = read;
        }

        /** Whether the bundle has been read. */
        boolean isRead() {
            return source != null;
        }

        private MessageSource source() {
            MessageSource s = source;
            if (s == null) {
                synchronized (this) {
                    s = source;
                    if (s == null) {
                        s = read.get();
                        source = s;
                    }
                }
            }
            return s;
        }

        @Override
        public @NonNull Optional<String> getRawMessage(@NonNull String code, @NonNull MessageContext context) {
            return source().getRawMessage(code, context);
        }

        /** That of {@link ResourceBundleMessageSource} made without an order. */
        @Override
        public int getOrder() {
            return 0;
        }
    }
}
