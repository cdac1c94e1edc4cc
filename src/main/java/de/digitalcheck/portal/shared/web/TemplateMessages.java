package de.digitalcheck.portal.shared.web;

import de.digitalcheck.portal.shared.i18n.Language;
import de.digitalcheck.portal.shared.i18n.Messages;
import io.micronaut.context.event.BeanCreatedEvent;
import io.micronaut.context.event.BeanCreatedEventListener;
import jakarta.inject.Singleton;
import org.thymeleaf.TemplateEngine;
import org.thymeleaf.context.ITemplateContext;
import org.thymeleaf.messageresolver.AbstractMessageResolver;
import org.thymeleaf.messageresolver.StandardMessageResolver;

import java.util.Arrays;

/**
 * The templates' messages ({@code #{key(${value})}}) filled in once. Micronaut Views' resolver asks the message source
 * for the message, which fills in the arguments, and then fills in the result a second time: a value typed by a
 * company was read as a message pattern, so an apostrophe vanished ("o'brien@example.org" was shown as the address the
 * report goes to as "obrien@example.org", "O'Brien GmbH" as "OBrien GmbH") and braces were taken for placeholders.
 * This resolver takes that one's place in the template engine before the engine is first used.
 */
@Singleton
class TemplateMessages extends AbstractMessageResolver implements BeanCreatedEventListener<TemplateEngine> {

    private final Messages messages;
    private final StandardMessageResolver absent = new StandardMessageResolver();

    TemplateMessages(Messages messages) {
        this.messages = messages;
    }

    @Override
    public TemplateEngine onCreated(BeanCreatedEvent<TemplateEngine> event) {
        TemplateEngine engine = event.getBean();
        engine.setMessageResolver(this);
        return engine;
    }

    @Override
    public String resolveMessage(ITemplateContext context, Class<?> origin, String key, Object[] messageParameters) {
        Object[] args = messageParameters == null ? new Object[0]
            : Arrays.stream(messageParameters).map(p -> p == null ? "" : p.toString()).toArray();
        return messages.find(Language.of(context.getLocale()), key, args).orElse(null);
    }

    @Override
    public String createAbsentMessageRepresentation(ITemplateContext context, Class<?> origin, String key,
                                                    Object[] messageParameters) {
        return absent.createAbsentMessageRepresentation(context, origin, key, messageParameters);
    }
}
