package de.digitalcheck.portal.shared.mail;

import io.micronaut.context.annotation.Replaces;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.email.javamail.sender.DefaultSessionProvider;
import io.micronaut.email.javamail.sender.MailPropertiesProvider;
import io.micronaut.email.javamail.sender.SessionProvider;
import jakarta.inject.Singleton;
import jakarta.mail.Authenticator;
import jakarta.mail.Session;

/**
 * A mail session of this application's own configuration. (The default provider uses Jakarta Mail's JVM-wide
 * default session, which keeps the first configuration it ever saw.)
 */
@Singleton
@Replaces(DefaultSessionProvider.class)
class MailSession implements SessionProvider {

    private final Session session;

    MailSession(MailPropertiesProvider properties, @Nullable Authenticator authenticator) {
        this.session = Session.getInstance(properties.mailProperties(), authenticator);
    }

    @Override
    public Session session() {
        return session;
    }
}
