package de.digitalcheck.portal.shared.logging;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.encoder.JsonEncoder;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.pattern.DateConverter;
import ch.qos.logback.classic.pattern.ExtendedThrowableProxyConverter;
import ch.qos.logback.classic.pattern.LevelConverter;
import ch.qos.logback.classic.pattern.LineSeparatorConverter;
import ch.qos.logback.classic.pattern.LoggerConverter;
import ch.qos.logback.classic.pattern.MessageConverter;
import ch.qos.logback.classic.pattern.ThrowableProxyConverter;
import ch.qos.logback.classic.spi.Configurator;
import ch.qos.logback.classic.spi.ConfiguratorRank;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.ConsoleAppender;
import ch.qos.logback.core.CoreConstants;
import ch.qos.logback.core.LayoutBase;
import ch.qos.logback.core.encoder.Encoder;
import ch.qos.logback.core.encoder.LayoutWrappingEncoder;
import ch.qos.logback.core.pattern.Converter;
import ch.qos.logback.core.pattern.DynamicConverter;
import ch.qos.logback.core.pattern.FormatInfo;
import ch.qos.logback.core.pattern.LiteralConverter;
import ch.qos.logback.core.spi.ContextAwareBase;
import org.slf4j.Logger;

import java.util.List;

/**
 * The portal's logging, configured in code: one line per event on standard output (what container platforms
 * collect), Flyway and HikariCP only from WARN, without the sign-in library's lines that carry claims or tokens
 * ({@link LibraryPersonalData}). Parsing an XML configuration cost about half a second of every
 * start; the layout is assembled without parsing its pattern too (see {@link Layout}). A
 * {@code logback.configurationFile} system property or a {@code logback-test.xml} on the class path still takes
 * precedence (operators and tests can configure logging as usual).
 */
@ConfiguratorRank(ConfiguratorRank.CUSTOM_HIGH_PRIORITY)
public class PortalLogging extends ContextAwareBase implements Configurator {

    static final String PATTERN = "%d{HH:mm:ss.SSS} %-5level %logger{36} - %msg%n";

    @Override
    public ExecutionStatus configure(LoggerContext context) {
        if (System.getProperty("logback.configurationFile") != null
            || PortalLogging.class.getClassLoader().getResource("logback-test.xml") != null) {
            return ExecutionStatus.INVOKE_NEXT_IF_ANY;
        }
        apply(context);
        return ExecutionStatus.DO_NOT_INVOKE_NEXT_IF_ANY;
    }

    /** Configures {@code context} with the portal's logging. */
    static void apply(LoggerContext context) {
        apply(context, System.getenv("LOG_FORMAT"));
    }

    /** Configures {@code context} with the portal's logging, as JSON lines where {@code format} is {@code json}. */
    static void apply(LoggerContext context, String format) {
        Encoder<ILoggingEvent> encoder = encoder(context, format);
        ConsoleAppender<ILoggingEvent> console = new ConsoleAppender<>();
        console.setContext(context);
        console.setName("STDOUT");
        console.setEncoder(encoder);
        console.start();
        ch.qos.logback.classic.Logger root = context.getLogger(Logger.ROOT_LOGGER_NAME);
        root.setLevel(Level.INFO);
        root.addAppender(console);
        context.getLogger("org.flywaydb").setLevel(Level.WARN);
        context.getLogger("com.zaxxer.hikari").setLevel(Level.WARN);
        LibraryPersonalData personalData = new LibraryPersonalData();
        personalData.setContext(context);
        personalData.start();
        context.addTurboFilter(personalData);
    }

    /**
     * The encoder for {@code LOG_FORMAT}: {@code json} gives one JSON object per line (logback's own
     * {@link JsonEncoder}: no further library, and it writes the MDC, so the request id of {@code shared.web.RequestIds}); anything
     * else the text line of {@link #PATTERN}. The JSON line has the same formatted message as the text line (the
     * callers keep tokens and personal data out of it) and leaves out the message's template arguments and logback's
     * context properties.
     */
    static Encoder<ILoggingEvent> encoder(LoggerContext context, String format) {
        if ("json".equalsIgnoreCase(format == null ? "" : format.trim())) {
            JsonEncoder json = new JsonEncoder();
            json.setContext(context);
            json.setWithSequenceNumber(false);
            json.setWithNanoseconds(false);
            json.setWithContext(false);
            json.setWithMessage(false);
            json.setWithArguments(false);
            json.setWithFormattedMessage(true);
            json.start();
            return json;
        }
        Layout layout = new Layout();
        layout.setContext(context);
        layout.start();
        LayoutWrappingEncoder<ILoggingEvent> text = new LayoutWrappingEncoder<>();
        text.setContext(context);
        text.setLayout(layout);
        text.start();
        return text;
    }

    /**
     * {@link #PATTERN} built from logback's own converters, as {@code PatternLayout} would build it (with the
     * stack trace of a throwable after the line), but without parsing the pattern: initialising
     * {@code PatternLayout} registers every converter logback knows, about 10 ms of every start.
     */
    static final class Layout extends LayoutBase<ILoggingEvent> {

        private Converter<ILoggingEvent> head;

        @Override
        public void start() {
            LoggerContext context = (LoggerContext) getContext();
            DateConverter date = dynamic(new DateConverter(), List.of("HH:mm:ss.SSS"));
            LevelConverter level = dynamic(new LevelConverter(), List.of());
            level.setFormattingInfo(FormatInfo.valueOf("-5"));
            LoggerConverter logger = dynamic(new LoggerConverter(), List.of("36"));
            MessageConverter message = dynamic(new MessageConverter(), List.of());
            LineSeparatorConverter lineSeparator = dynamic(new LineSeparatorConverter(), List.of());
            // what PatternLayout appends to a pattern without a throwable conversion word
            ThrowableProxyConverter throwable = dynamic(context.isPackagingDataEnabled()
                ? new ExtendedThrowableProxyConverter() : new ThrowableProxyConverter(), List.of());
            head = date;
            chain(date, new LiteralConverter<>(" "), level, new LiteralConverter<>(" "), logger,
                new LiteralConverter<>(" - "), message, lineSeparator, throwable);
            super.start();
        }

        private <C extends DynamicConverter<ILoggingEvent>> C dynamic(C converter, List<String> options) {
            converter.setContext(getContext());
            converter.setOptionList(options);
            converter.start();
            return converter;
        }

        @SafeVarargs
        private static void chain(Converter<ILoggingEvent>... converters) {
            for (int i = 1; i < converters.length; i++) {
                converters[i - 1].setNext(converters[i]);
            }
        }

        @Override
        public String doLayout(ILoggingEvent event) {
            if (!isStarted()) {
                return CoreConstants.EMPTY_STRING;
            }
            StringBuilder line = new StringBuilder(256);
            for (Converter<ILoggingEvent> c = head; c != null; c = c.getNext()) {
                c.write(line, event);
            }
            return line.toString();
        }
    }
}
