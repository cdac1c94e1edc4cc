package de.digitalcheck.portal.shared.logging;

import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.OutputStreamAppender;
import ch.qos.logback.core.encoder.Encoder;
import io.micronaut.json.JsonMapper;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code LOG_FORMAT=json}: one JSON object per line, with the request id, and nothing but the formatted message. */
class JsonLogTest {

    private String log(String format, String requestId) {
        LoggerContext context = new LoggerContext();
        context.setMDCAdapter(new ch.qos.logback.classic.util.LogbackMDCAdapter());
        Encoder<ILoggingEvent> encoder = PortalLogging.encoder(context, format);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        OutputStreamAppender<ILoggingEvent> appender = new OutputStreamAppender<>();
        appender.setContext(context);
        appender.setEncoder(encoder);
        appender.setOutputStream(out);
        appender.start();
        ch.qos.logback.classic.Logger logger = context.getLogger("de.digitalcheck.portal.Example");
        logger.addAppender(appender);
        if (requestId != null) {
            context.getMDCAdapter().put(de.digitalcheck.portal.shared.web.RequestIds.MDC_KEY, requestId);
        }
        // as the callers log: the route template, never the token the path held
        logger.warn("Unexpected error on {} {}", "GET", "/check/{token}/result", new IllegalStateException("boom"));
        appender.stop();
        return out.toString(StandardCharsets.UTF_8);
    }

    @Test
    @SuppressWarnings("unchecked")
    void jsonLinesCarryTheRequestIdAndTheFormattedMessageOnly() throws Exception {
        String text = log("json", "req-42");
        String[] lines = text.split("\n");
        assertThat(lines).hasSize(1);
        Map<String, Object> line = JsonMapper.createDefault().readValue(lines[0], Map.class);
        assertThat(line).containsEntry("level", "WARN")
            .containsEntry("loggerName", "de.digitalcheck.portal.Example")
            .containsEntry("formattedMessage", "Unexpected error on GET /check/{token}/result")
            .containsKey("timestamp").containsKey("throwable")
            .doesNotContainKeys("arguments", "message", "context");
        assertThat((Map<String, Object>) line.get("mdc")).containsEntry("requestId", "req-42");
    }

    @Test
    void textIsTheDefaultAndJsonOnlyOnRequest() {
        for (String format : new String[] {null, "", "text", "jsonish"}) {
            String text = log(format, "req-1");
            assertThat(text).as(String.valueOf(format)).contains("WARN  de.digitalcheck.portal.Example - Unexpected error on GET")
                .doesNotStartWith("{");
        }
        assertThat(log(" JSON ", null)).startsWith("{");
    }
}
