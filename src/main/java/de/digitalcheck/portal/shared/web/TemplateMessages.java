package de.digitalcheck.portal.shared.web;

import io.micronaut.context.MessageSource;
import io.micronaut.context.event.BeanCreatedEvent;
import io.micronaut.context.event.BeanCreatedEventListener;
import jakarta.inject.Singleton;
import org.thymeleaf.TemplateEngine;
import org.thymeleaf.context.ITemplateContext;
import org.thymeleaf.messageresolver.AbstractMessageResolver;
import org.thymeleaf.messageresolver.StandardMessageResolver;

import java.util.HashMap;
import java.util.Map;

/**
 * The templates' messages ({@code #{key(${value})}}) filled in once. Micronaut Views' resolver asks the message source
 * for the message, which fills in the arguments, and then fills in the result a second time: a value typed by a
 * company was read as a message pattern, so an apostrophe vanished ("o'brien@example.org" was shown as the address the
 * report goes to as "obrien@example.org", "O'Brien GmbH" as "OBrien GmbH") and braces were taken for placeholders.
 * This resolver takes that one's place in the template engine before the engine is first used.
 */
@Singleton
class TemplateMessages extends AbstractMessageResolver implements BeanCreatedEventListener<TemplateEngine> {

    private final MessageSource source;
    private final StandardMessageResolver absent = new StandardMessageResolver();

    TemplateMessages(MessageSource source) {
        this.source = source;
    }

    @Override
    public TemplateEngine onCreated(BeanCreatedEvent<TemplateEngine> event) {
        TemplateEngine engine = event.getBean();
        engine.setMessageResolver(this);
        return engine;
    }

    @Override
    public String resolveMessage(ITemplateContext context, Class<?> origin, String key, Object[] messageParameters) {
        Map<String, Object> variables = new HashMap<>();
        if (messageParameters != null) {
            for (int i = 0; i < messageParameters.length; i++) {
                variables.put(String.valueOf(i), messageParameters[i] == null ? "" : messageParameters[i].toString());
            }
        }
        return source.getMessage(key, MessageSource.MessageContext.of(context.getLocale(), variables)).orElse(null);
    }

    @Override
    public String createAbsentMessageRepresentation(ITemplateContext context, Class<?> origin, String key,
                                                    Object[] messageParameters) {
        return absent.createAbsentMessageRepresentation(context, origin, key, messageParameters);
    }
}
