package de.digitalcheck.portal.shared.web;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What {@link HeadReader} reads of a head, whatever pieces the bytes arrive in, and that every byte passes on
 * unchanged, a piece ending with a head's end on its own.
 */
class HeadReaderTest {

    private static final String BODY = "{\"x\":1}";
    private static final String LONG = "/api/v1/agencies?x=" + "x".repeat(70_000);
    /** Three requests on one connection: a GET, a POST whose body ends without a line break, a line too long. */
    private static final String CONNECTION = "GET /check HTTP/1.1\r\nHost: h\r\nAccept-Language: de\r\n\r\n"
        + "POST /api/v1/assessments HTTP/1.1\r\nContent-Length: 7\r\nCookie: lang=de\r\n\r\n" + BODY
        + "GET " + LONG + " HTTP/1.1\r\nHost: h\r\nCookie: a=b; lang=en\r\nAccept-Language: en-GB, de;q=0.5\r\n"
        + "X-Other: 1\r\n\r\n";

    private static EmbeddedChannel channel(HeadReader reader) {
        EmbeddedChannel channel = new EmbeddedChannel();
        channel.pipeline().addLast(reader);
        return channel;
    }

    private static void send(EmbeddedChannel channel, String text, int pieces) {
        byte[] bytes = text.getBytes(StandardCharsets.ISO_8859_1);
        for (int at = 0; at < bytes.length; at += pieces) {
            channel.writeInbound(Unpooled.copiedBuffer(bytes, at, Math.min(pieces, bytes.length - at)));
        }
    }

    private static List<String> passed(EmbeddedChannel channel) {
        List<String> passed = new ArrayList<>();
        for (Object o = channel.readInbound(); o != null; o = channel.readInbound()) {
            ByteBuf buf = (ByteBuf) o;
            passed.add(buf.toString(StandardCharsets.ISO_8859_1));
            buf.release();
        }
        return passed;
    }

    @Test
    void everyBytePassesUnchangedAndAHeadsEndEndsAPiece() {
        for (int pieces : new int[] {1, 2, 7, 100, 4096, Integer.MAX_VALUE}) {
            EmbeddedChannel channel = channel(new HeadReader());
            send(channel, CONNECTION, pieces);
            List<String> passed = passed(channel);
            assertThat(String.join("", passed)).as("in pieces of " + pieces).isEqualTo(CONNECTION);
            if (pieces == Integer.MAX_VALUE) {
                // one buffer with three heads: three pieces, each ending with a head's end
                assertThat(passed).hasSize(3);
                assertThat(passed.get(0)).endsWith("Accept-Language: de\r\n\r\n");
                assertThat(passed.get(1)).endsWith("Cookie: lang=de\r\n\r\n");
                assertThat(passed.get(2)).startsWith(BODY + "GET ").endsWith("X-Other: 1\r\n\r\n");
            }
            assertThat(channel.finish()).isFalse();
        }
    }

    @Test
    void theHeadIsTheLastRequestLineWithItsCookiesAndLanguageWhateverCameBeforeIt() {
        for (int pieces : new int[] {1, 3, 9, 10, 11, 100, Integer.MAX_VALUE}) {
            HeadReader reader = new HeadReader();
            EmbeddedChannel channel = channel(reader);
            String upToTheLast = CONNECTION.substring(0, CONNECTION.length() - 2); // the last head not ended yet
            send(channel, upToTheLast, pieces);
            HeadReader.Head head = reader.head();
            assertThat(head.found()).as("in pieces of " + pieces).isTrue();
            assertThat(head.method()).isEqualTo("GET");
            // the body before it does not count; the target's first 4,096 bytes are kept
            assertThat(head.target()).startsWith("/api/v1/agencies?x=xxx").hasSizeLessThan(HeadReader.KEPT);
            assertThat(head.cookies()).containsExactly("a=b; lang=en");
            assertThat(head.acceptLanguage()).isEqualTo("en-GB, de;q=0.5");
            passed(channel);
        }
    }

    @Test
    void aWholeShortLineAndAnUnfinishedLongOne() {
        HeadReader reader = new HeadReader();
        EmbeddedChannel channel = channel(reader);
        send(channel, "HEAD /check?q=1 HTTP/1.0\nHost: h\n", 5);
        assertThat(reader.head()).isEqualTo(new HeadReader.Head(true, "HEAD", "/check?q=1", List.of(), null));
        send(channel, "\n", 1); // its end: the next head
        assertThat(reader.head().found()).isFalse();
        // a line still being read, longer than what is kept: its start counts until it ends
        send(channel, "GET /api/x?" + "y".repeat(10_000), 1000);
        assertThat(reader.head().found()).isTrue();
        assertThat(reader.head().target()).startsWith("/api/x?yyy");
        // a head without a request line: nothing found
        send(channel, "\r\n\r\nCookie: lang=en\r\n", 4);
        assertThat(reader.head().found()).isFalse();
        passed(channel);
    }

    @Test
    void anAnswerWaitsForTheHeadsEndOrAShortTime() {
        HeadReader reader = new HeadReader();
        EmbeddedChannel channel = channel(reader);
        AtomicInteger answered = new AtomicInteger();
        send(channel, "GET " + LONG + " HTTP/1.1\r\nAccept-Language: en\r\n", 8192);
        assertThat(reader.whenHeadRead(answered::incrementAndGet)).isFalse();
        assertThat(answered).hasValue(0);
        send(channel, "Cookie: lang=de\r\n", 3);
        assertThat(answered).hasValue(0);
        send(channel, "\r\n", 1);
        assertThat(answered).as("once its end has passed").hasValue(1);

        send(channel, "GET " + LONG, 8192);
        assertThat(reader.whenHeadRead(answered::incrementAndGet)).isFalse();
        channel.advanceTimeBy(HeadReader.WAIT_MILLIS - 100, TimeUnit.MILLISECONDS);
        channel.runScheduledPendingTasks();
        assertThat(answered).hasValue(1);
        channel.advanceTimeBy(200, TimeUnit.MILLISECONDS);
        channel.runScheduledPendingTasks();
        assertThat(answered).as("after the wait").hasValue(2);
        assertThat(reader.head().target()).startsWith("/api/v1/agencies?x=xxx");
        send(channel, "\r\n\r\n", 4);
        assertThat(answered).as("once only").hasValue(2);

        send(channel, "GET " + LONG, 8192);
        assertThat(reader.whenHeadRead(answered::incrementAndGet)).isFalse();
        send(channel, "x".repeat((int) HeadReader.WAIT_BYTES + 1), 65536);
        assertThat(answered).as("after a megabyte more").hasValue(3);
        passed(channel);
    }

    /**
     * Cookies sent as many lines of their own do not crowd out the language: the first {@code Accept-Language} line is
     * kept wherever it stands (it was dropped after eight lines of either kind), the cookies up to eight lines.
     */
    @Test
    void theLanguageIsKeptAfterManyCookieLines() {
        HeadReader reader = new HeadReader();
        EmbeddedChannel channel = channel(reader);
        StringBuilder head = new StringBuilder("GET /api/v1/agencies HTTP/1.1\r\nHost: h\r\n");
        for (int i = 0; i < 20; i++) {
            head.append("Cookie: c").append(i).append("=1\r\n");
        }
        head.append("Accept-Language: en\r\nAccept-Language: de\r\nX-Other: 1\r\n");
        send(channel, head.toString(), 64);
        assertThat(reader.head().acceptLanguage()).isEqualTo("en");
        assertThat(reader.head().cookies()).hasSize(HeadReader.MAX_HEADERS).first().isEqualTo("c0=1");
        passed(channel);
        channel.finishAndReleaseAll();
    }

    /**
     * The language is read as the server reads it for a request it can read: whole up to the headers' limit (it was cut
     * after 4,096 bytes, and so unreadable), and with the lines it is folded over joined by a space (they were left
     * out); one longer than the limit counts as none. A folded line of another header joins nothing.
     */
    @Test
    void theLanguageIsReadWholeAndWithItsFoldedLines() {
        String longLanguage = "fr;q=0.9, ".repeat(600) + "en";
        java.util.Map<String, String> cases = new java.util.LinkedHashMap<>();
        cases.put("Accept-Language: " + longLanguage + "\r\n", longLanguage);
        cases.put("Accept-Language: fr,\r\n en\r\n", "fr, en");
        cases.put("Accept-Language: fr\n\t, en;q=0.5\n  \n de\n", "fr , en;q=0.5 de");
        cases.put("Accept-Language:\r\n en\r\n", "en");
        cases.put("X-Other: a,\r\n en\r\nAccept-Language: de\r\n fr\r\nX-More: 1\r\n en\r\n", "de fr");
        cases.put("Accept-Language: fr,\r\n en\r\nAccept-Language: de\r\n", "fr, en");
        cases.put("Accept-Language: " + "x".repeat(HeadReader.LANGUAGE_KEPT) + "\r\nAccept-Language: en\r\n", null);
        cases.put("Accept-Language: en,\r\n " + "x".repeat(HeadReader.LANGUAGE_KEPT - 3) + "\r\n", null);
        for (var c : cases.entrySet()) {
            for (int pieces : new int[] {1, 7, 4096, Integer.MAX_VALUE}) {
                HeadReader reader = new HeadReader();
                EmbeddedChannel channel = channel(reader);
                send(channel, "GET /api/v1/agencies HTTP/1.1\r\nHost: h\r\nCookie: a=1\r\n" + c.getKey(), pieces);
                String as = c.getKey().replaceAll("[x]{20,}|(fr;q=0.9, ){20,}", "…") + " in pieces of " + pieces;
                assertThat(reader.head().acceptLanguage()).as(as).isEqualTo(c.getValue());
                assertThat(reader.head().cookies()).as(as).containsExactly("a=1");
                passed(channel);
                channel.finishAndReleaseAll();
            }
        }
    }
}
