package de.digitalcheck.portal.shared.web;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.util.concurrent.ScheduledFuture;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Sits in front of Netty's HTTP codec and notes, from the bytes as they pass, what {@link UnreadableTargets} needs to
 * answer a request whose head the codec gave up on: the request's line (its method and the start of its target) and
 * its {@code Cookie} and {@code Accept-Language} headers. The codec stops at the first thing it cannot read — a line
 * over 64 KB, headers over 8 KB, a header it cannot parse — and reads nothing after it: of a request line cut off it
 * keeps a stand-in ({@code /bad-request}) and no header, of headers too large those before the one too large but the
 * one right before it. The bytes themselves pass unchanged (a piece ending with a head's empty line passes on its
 * own, so that a failure of the codec always belongs to the head read last).
 *
 * <p>What it keeps: of the current line its first {@value #KEPT} bytes (a method and the start of a target, a
 * header's value) and its last bytes (" HTTP/1.1"); of the current head — the lines since the last empty one — the
 * last line that ends as a request line ends and, after it, at most {@value #MAX_HEADERS} {@code Cookie} lines and
 * the first {@code Accept-Language} line (the one the API's language is read from, {@link ApiProblems#language}),
 * wherever it stands: however many cookie lines come before it. That line is read as the server reads it for a
 * request it can read: whole, up to the headers' limit ({@value #LANGUAGE_KEPT} bytes; one longer cannot be read and
 * counts as none), and with the lines it is folded over (obs-fold, RFC 9112 §5.2: a line that begins with a space or
 * tab continues it) joined by a space. Nothing else, and nothing of it is logged. Lines of a body pass through it too, and a
 * body's last line without a line break runs into the next request's line; the request's target is taken as the text
 * after the last space before the version, so that such a prefix does not count.
 *
 * <p>{@link #whenHeadRead} answers once the head has passed, or after {@link #WAIT_MILLIS} ms, or after
 * {@value #WAIT_BYTES} more bytes, with what was read by then.
 */
final class HeadReader extends ChannelInboundHandlerAdapter {

    /** The most of a line kept: the request line's method and the start of its target, a header's value. */
    static final int KEPT = UnreadableTargets.MAX_LINE;
    /** How long an answer waits for the rest of the head at most. */
    static final long WAIT_MILLIS = 2000;
    /** How many more bytes an answer waits for the head's end at most: a line cut off may be megabytes long. */
    static final long WAIT_BYTES = 1024 * 1024;
    static final int MAX_HEADERS = 8;
    /**
     * The longest {@code Accept-Language} kept, folded lines included: the server's limit for all headers
     * (Netty's {@code max-header-size}), so that it is read whole wherever the server would read it.
     */
    static final int LANGUAGE_KEPT = 8192;
    /** The longest line end kept: " HTTP/1.1" with its carriage return. */
    private static final int TAIL = 10;
    private static final String COOKIE = "cookie:";
    private static final String ACCEPT_LANGUAGE = "accept-language:";

    /** The current line's first bytes: {@link #KEPT}, grown to {@link #LANGUAGE_KEPT} by the first line that needs it. */
    private byte[] line = new byte[KEPT];
    private final byte[] tail = new byte[TAIL];
    private long lineLength;
    private int tailLength;

    private String requestLine;
    private boolean requestLineWhole;
    private final List<String> cookies = new ArrayList<>();
    /** The first Accept-Language line was read (its value: {@link #acceptLanguage}, null where it was too long). */
    private boolean languageRead;
    private String acceptLanguage;
    /** The last line was the Accept-Language kept (or a line it is folded over): a folded line continues it. */
    private boolean folding;
    /** The head's empty line has passed (while the piece it ends is handed on). */
    private boolean ended;

    private ChannelHandlerContext context;
    private Runnable waiting;
    private ScheduledFuture<?> timeout;
    private long waitedBytes;

    /** What was read of the current head. {@code found}: a request line was. */
    record Head(boolean found, String method, String target, List<String> cookies, String acceptLanguage) {
    }

    @Override
    public void handlerAdded(ChannelHandlerContext ctx) {
        context = ctx;
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        if (!(msg instanceof ByteBuf buf)) {
            ctx.fireChannelRead(msg);
            return;
        }
        int from = buf.readerIndex();
        int end = buf.writerIndex();
        if (waiting != null) {
            waitedBytes += end - from;
        }
        int pieceStart = from;
        boolean handedOn = false; // the buffer itself went on (its pieces do not need it any more)
        int i = from;
        while (i < end) {
            int lf = buf.indexOf(i, end, (byte) '\n');
            take(buf, i, lf < 0 ? end : lf);
            if (lf < 0) {
                break;
            }
            i = lf + 1;
            if (lineEnded()) {
                ended = true;
                // the head's end: what came before it goes on alone (the whole buffer where it ends there, as mostly)
                handedOn = pieceStart == from && i == end;
                ctx.fireChannelRead(handedOn ? buf : buf.retainedSlice(pieceStart, i - pieceStart));
                pieceStart = i;
                answerWaiting();
                newHead();
            }
        }
        if (pieceStart == from) {
            ctx.fireChannelRead(buf);
        } else if (!handedOn) {
            if (pieceStart < end) {
                ctx.fireChannelRead(buf.retainedSlice(pieceStart, end - pieceStart));
            }
            buf.release();
        }
        if (waiting != null && waitedBytes > WAIT_BYTES) {
            answerWaiting();
        }
    }

    @Override
    public void channelReadComplete(ChannelHandlerContext ctx) {
        ctx.fireChannelReadComplete();
        if (waiting != null) {
            ctx.read(); // the rest of the head: the server's handler, which got nothing, asks for no more
        }
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) throws Exception {
        stopWaiting();
        super.channelInactive(ctx);
    }

    @Override
    public void handlerRemoved(ChannelHandlerContext ctx) {
        stopWaiting();
    }

    /**
     * Runs {@code answer} once the current head has passed: now, where it has (true), else when its empty line comes,
     * after {@link #WAIT_MILLIS} or after {@link #WAIT_BYTES} more bytes (false). Only one answer waits.
     */
    boolean whenHeadRead(Runnable answer) {
        if (ended) {
            answer.run();
            return true;
        }
        stopWaiting();
        waiting = answer;
        waitedBytes = 0;
        timeout = context.executor().schedule(this::answerWaiting, WAIT_MILLIS, TimeUnit.MILLISECONDS);
        return false;
    }

    /**
     * The current head as read so far: its request line (the last line ending in {@code HTTP/x.y}; before that has
     * passed, a line longer than {@link #KEPT} bytes still being read), and the headers after it.
     */
    Head head() {
        String start = requestLine;
        boolean whole = requestLineWhole;
        if (start == null && lineLength > KEPT) {
            start = new String(line, 0, KEPT, StandardCharsets.ISO_8859_1);
            whole = false;
        }
        if (start == null) {
            return new Head(false, null, null, List.of(), null);
        }
        String text = whole ? start.substring(0, start.length() - " HTTP/1.1".length()) : start;
        int space = text.lastIndexOf(' ');
        String target = space < 0 ? null : text.substring(space + 1);
        int methodStart = space;
        while (methodStart > 0 && text.charAt(methodStart - 1) >= 'A' && text.charAt(methodStart - 1) <= 'Z') {
            methodStart--;
        }
        String method = space < 0 ? null : text.substring(methodStart, space);
        return new Head(true, method, target, List.copyOf(cookies), acceptLanguage);
    }

    /** Adds the bytes {@code [from, to)} of the buffer to the current line. */
    private void take(ByteBuf buf, int from, int to) {
        int n = to - from;
        if (n == 0) {
            return;
        }
        if (lineLength + n > line.length && line.length < LANGUAGE_KEPT) {
            line = java.util.Arrays.copyOf(line, LANGUAGE_KEPT); // a long line: only then, not for every connection
        }
        if (lineLength < line.length) {
            int copied = (int) Math.min(n, line.length - lineLength);
            buf.getBytes(from, line, (int) lineLength, copied);
        }
        lineLength += n;
        int last = Math.min(n, TAIL);
        int keep = Math.min(tailLength, TAIL - last);
        System.arraycopy(tail, tailLength - keep, tail, 0, keep);
        buf.getBytes(to - last, tail, keep, last);
        tailLength = keep + last;
    }

    /** The current line ended: noted if it is a request line or a header of interest. Whether it was empty. */
    private boolean lineEnded() {
        int length = (int) Math.min(lineLength, Integer.MAX_VALUE);
        boolean cr = tailLength > 0 && tail[tailLength - 1] == '\r';
        if (cr) {
            length--;
        }
        boolean empty = length == 0;
        boolean folded = !empty && (line[0] == ' ' || line[0] == '\t');
        if (folded && requestLine != null) {
            if (folding) {
                continueLanguage(length);
            }
        } else if (!empty) {
            folding = false;
            int kept = Math.min(length, KEPT);
            if (requestLine(cr)) {
                requestLine = new String(line, 0, kept, StandardCharsets.ISO_8859_1);
                requestLineWhole = length <= KEPT;
                clearHeaders();
            } else if (requestLine != null && startsWith(kept, COOKIE)) {
                // each kind counted on its own: cookies sent line by line must not crowd out the language
                if (cookies.size() < MAX_HEADERS) {
                    cookies.add(new String(line, COOKIE.length(), kept - COOKIE.length(), StandardCharsets.ISO_8859_1)
                        .strip());
                }
            } else if (requestLine != null && !languageRead && startsWith(kept, ACCEPT_LANGUAGE)) {
                languageRead = true;
                folding = length <= LANGUAGE_KEPT;
                acceptLanguage = folding ? new String(line, ACCEPT_LANGUAGE.length(),
                    length - ACCEPT_LANGUAGE.length(), StandardCharsets.ISO_8859_1).strip() : null;
            }
        }
        lineLength = 0;
        tailLength = 0;
        return empty;
    }

    /** Whether the line ends as a request line: {@code " HTTP/"}, a digit, a dot, a digit (before its CR). */
    private boolean requestLine(boolean cr) {
        int end = tailLength - (cr ? 1 : 0);
        if (end < 9) {
            return false;
        }
        int at = end - 9;
        return tail[at] == ' ' && tail[at + 1] == 'H' && tail[at + 2] == 'T' && tail[at + 3] == 'T'
            && tail[at + 4] == 'P' && tail[at + 5] == '/' && Character.isDigit(tail[at + 6]) && tail[at + 7] == '.'
            && Character.isDigit(tail[at + 8]);
    }

    /** Whether the current line begins with this header name and its colon, in any case. */
    private boolean startsWith(int kept, String name) {
        return kept >= name.length()
            && new String(line, 0, name.length(), StandardCharsets.ISO_8859_1).equalsIgnoreCase(name);
    }

    /**
     * A line the Accept-Language kept is folded over: joined to it by a space, as the server joins it (RFC 9112 §5.2);
     * together longer than {@value #LANGUAGE_KEPT} bytes, the header cannot be read and counts as none.
     */
    private void continueLanguage(int length) {
        String more = length <= LANGUAGE_KEPT ? new String(line, 0, length, StandardCharsets.ISO_8859_1).strip() : null;
        if (more == null || acceptLanguage.length() + 1 + more.length() > LANGUAGE_KEPT) {
            acceptLanguage = null;
            folding = false;
        } else if (!more.isEmpty()) {
            acceptLanguage = acceptLanguage.isEmpty() ? more : acceptLanguage + " " + more;
        }
    }

    private void clearHeaders() {
        cookies.clear();
        languageRead = false;
        acceptLanguage = null;
        folding = false;
    }

    private void newHead() {
        ended = false;
        requestLine = null;
        requestLineWhole = false;
        clearHeaders();
    }

    private void answerWaiting() {
        Runnable answer = waiting;
        stopWaiting();
        if (answer != null) {
            answer.run();
        }
    }

    private void stopWaiting() {
        waiting = null;
        if (timeout != null) {
            timeout.cancel(false);
            timeout = null;
        }
    }
}
