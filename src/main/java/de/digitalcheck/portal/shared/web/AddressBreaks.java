package de.digitalcheck.portal.shared.web;

import io.micronaut.context.event.BeanCreatedEvent;
import io.micronaut.context.event.BeanCreatedEventListener;
import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;
import org.thymeleaf.TemplateEngine;
import org.thymeleaf.context.IExpressionContext;
import org.thymeleaf.dialect.AbstractDialect;
import org.thymeleaf.dialect.IExpressionObjectDialect;
import org.thymeleaf.expression.IExpressionObjectFactory;
import org.unbescape.html.HtmlEscape;

import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The templates' {@code #breaks.addresses(text)}: the text escaped for HTML, with a line break opportunity
 * ({@code <wbr>}) after each "/", ".", "?", "&", "=", "#" and "-" inside the web addresses it holds. A field's hint
 * held an example address without any ("https://crm.example.org/hooks/digitalcheck"), which a 390 px phone broke
 * inside a word ("digitalc|heck"); now it breaks after a slash or a dot. Not between the two slashes after the scheme,
 * and not after punctuation that ends the sentence rather than the address. Copying the text copies no {@code <wbr>}.
 * An e-mail address in the text (a sentence naming where a mail went, a booking's contact line) is marked as an
 * address ({@code <span class="dc-address">}: never hyphenated, it breaks where it must) with a line break opportunity
 * after its "@" and each ".": inside prose it took the text's hyphenation, and a browser with a dictionary could
 * break "beratungs-|gesellschaft@…" with a hyphen that is no part of the address.
 */
@Singleton
public class AddressBreaks extends AbstractDialect implements IExpressionObjectDialect,
    BeanCreatedEventListener<TemplateEngine> {

    /** A web address (group 1) or an e-mail address (group 2), whose last label ends it (no sentence's full stop). */
    private static final Pattern ADDRESS = Pattern.compile("(https?://[^\\s<>\"]+)"
        + "|([\\p{L}\\p{N}\\p{M}._%+!#$&'*/=?^`{|}~-]+@[\\p{L}\\p{N}\\p{M}-]+(?:\\.[\\p{L}\\p{N}\\p{M}-]+)+)");
    private static final String MAIL_BREAK_AFTER = "@.";
    private static final String BREAK_AFTER = "/.?&=#-";
    private static final String SENTENCE_END = ".,;:!?)]}»«“”\"'";

    AddressBreaks() {
        super("address-breaks");
    }

    @Override
    public TemplateEngine onCreated(BeanCreatedEvent<TemplateEngine> event) {
        TemplateEngine engine = event.getBean();
        engine.addDialect(this);
        return engine;
    }

    /** The text as HTML, line break opportunities in its web addresses, its e-mail addresses marked; null for none. */
    public String addresses(@Nullable String text) {
        return html(text);
    }

    static String html(@Nullable String text) {
        if (text == null) {
            return null;
        }
        StringBuilder out = new StringBuilder();
        Matcher address = ADDRESS.matcher(text);
        int done = 0;
        while (address.find()) {
            if (address.group(2) != null) {
                out.append(HtmlEscape.escapeHtml4Xml(text.substring(done, address.start())));
                out.append(mail(address.group(2)));
                done = address.end();
                continue;
            }
            int end = address.end();
            while (end > address.start() && SENTENCE_END.indexOf(text.charAt(end - 1)) >= 0) {
                end--;
            }
            out.append(HtmlEscape.escapeHtml4Xml(text.substring(done, address.start())));
            int segment = address.start();
            for (int i = address.start(); i < end - 1; i++) {
                char c = text.charAt(i);
                if (BREAK_AFTER.indexOf(c) >= 0 && text.charAt(i + 1) != c) {
                    out.append(HtmlEscape.escapeHtml4Xml(text.substring(segment, i + 1))).append("<wbr>");
                    segment = i + 1;
                }
            }
            out.append(HtmlEscape.escapeHtml4Xml(text.substring(segment, end)));
            done = end;
        }
        return out.append(HtmlEscape.escapeHtml4Xml(text.substring(done))).toString();
    }

    /** An e-mail address as an address ({@code .dc-address}), a line break opportunity after "@" and each ".". */
    private static String mail(String address) {
        StringBuilder out = new StringBuilder("<span class=\"dc-address\">");
        int segment = 0;
        for (int i = 0; i < address.length() - 1; i++) {
            if (MAIL_BREAK_AFTER.indexOf(address.charAt(i)) >= 0) {
                out.append(HtmlEscape.escapeHtml4Xml(address.substring(segment, i + 1))).append("<wbr>");
                segment = i + 1;
            }
        }
        return out.append(HtmlEscape.escapeHtml4Xml(address.substring(segment))).append("</span>").toString();
    }

    @Override
    public IExpressionObjectFactory getExpressionObjectFactory() {
        return new IExpressionObjectFactory() {
            @Override
            public Set<String> getAllExpressionObjectNames() {
                return Set.of("breaks");
            }

            @Override
            public Object buildObject(IExpressionContext context, String expressionObjectName) {
                return AddressBreaks.this;
            }

            @Override
            public boolean isCacheable(String expressionObjectName) {
                return true;
            }
        };
    }
}
