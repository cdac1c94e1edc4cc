package de.digitalcheck.portal.shared.web;

import de.digitalcheck.portal.shared.i18n.Language;
import de.digitalcheck.portal.shared.i18n.Messages;
import io.micronaut.context.BeanProvider;
import io.micronaut.context.event.BeanCreatedEvent;
import io.micronaut.context.event.BeanCreatedEventListener;
import io.micronaut.http.netty.channel.ChannelPipelineCustomizer;
import io.micronaut.http.server.HttpServerConfiguration;
import io.micronaut.http.server.netty.NettyServerCustomizer;
import io.micronaut.json.JsonMapper;
import io.micronaut.views.thymeleaf.ThymeleafViewsRenderer;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.codec.DecoderResult;
import io.netty.handler.codec.TooLongFrameException;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpContent;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.codec.http.LastHttpContent;
import io.netty.handler.codec.http.QueryStringDecoder;
import io.netty.handler.codec.http.TooLongHttpHeaderException;
import io.netty.handler.codec.http.TooLongHttpLineException;
import io.netty.handler.codec.http.cookie.Cookie;
import io.netty.handler.codec.http.cookie.ServerCookieDecoder;
import io.netty.util.ReferenceCountUtil;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.thymeleaf.context.Context;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A request whose target cannot be read gets a {@code 400} in the person's language: under {@code /api/} as
 * problem+json, elsewhere as the error page. Unreadable is a target that is no URI ({@code /check?x=%ZZ}, a lone
 * {@code %}, {@code /a\b}), or whose percent-encoded bytes are no UTF-8 ({@code /check/%C3%28}) or hold a NUL
 * ({@code %00}). Micronaut answers such a request with a stand-in request for {@code /} (its path, query and headers
 * are gone by the time the error handlers run), so {@link ErrorPages} could only answer in German. This handler sits
 * in the Netty pipeline right after the HTTP codec, where the request line and headers are still there, and answers
 * before routing.
 *
 * <p>The same holds for a request Netty itself could not read (a request line with a space in its target, headers
 * too large: {@code 400}, {@code 431}): Micronaut hands it on as Netty's stand-in, and one of them came back as
 * Micronaut's own JSON error. Here it gets the error page (problem+json where the path it was read with is the API's).
 * Netty reads nothing after what it fails on, so such a request is answered once its head has passed the
 * {@link HeadReader} in front of Netty's codec, in the language of the headers it read there.
 *
 * <p>A request line longer than {@link #MAX_LINE} bytes is {@code 414}, decided here rather than by Netty: Netty
 * reads lines up to {@code micronaut.server.netty.max-initial-line-length} (64 KB), so the path and headers of one
 * that is too long are known, and the API answers it as every other error, problem+json in the language of
 * {@code Accept-Language}; a page gets the error page in the page's language. A line Netty cuts off (over 64 KB) is
 * Netty's stand-in here ({@code /bad-request}, no headers): its method, target and headers come from the
 * {@link HeadReader}, and it is answered the same way.
 *
 * <p>The language of a page: the {@code lang} cookie, else {@code Accept-Language}, else German. Not the target's
 * {@code ?lang=}: nothing in a target that cannot be read is trusted. German where there is no header. The page is
 * the error page's layout with the language switch to the home page (the address cannot be linked to); it is
 * rendered once per status and language. Nothing of the target is logged.
 *
 * <p>An {@code Accept-Language} header that cannot be read ({@code -}, {@code ;}, {@code ,}) is taken off a request
 * that passes on: it counts as none, as the API's documentation says, and Micronaut no longer fails on it.
 */
@Singleton
class UnreadableTargets implements BeanCreatedEventListener<NettyServerCustomizer.Registry> {

    private static final Logger LOG = LoggerFactory.getLogger(UnreadableTargets.class);
    private static final String HANDLER = "digitalcheck-unreadable-target";
    private static final String READER = "digitalcheck-head-reader";
    /** The error page's text for a target that cannot be read ({@code errorpage.target}). */
    static final String TARGET = "target";
    /** The error page's text for a form whose body cannot be read ({@code errorpage.form}). */
    static final String FORM = "form";

    /**
     * The longest request line the portal reads, in bytes without its line break ({@code GET /path?query HTTP/1.1}):
     * docs/api.md's limit, Netty's default, and what proxies pass on.
     */
    static final int MAX_LINE = 4096;

    /** The target of the request Netty hands on for a request line it could not read. */
    private static final String STAND_IN = "/bad-request";

    private final Messages messages;
    private final JsonMapper json;
    /** The most of a form held back to be checked: the server's {@code max-request-size}, which refuses a longer one. */
    private final long formHoldLimit;
    private final SecurityHeaders security;
    /** Lazily: the template engine and the layout are not needed before the first unreadable request. */
    private final BeanProvider<LayoutModel> layout;
    @SuppressWarnings("rawtypes")
    private final BeanProvider<ThymeleafViewsRenderer> renderer;
    private final Map<String, byte[]> pages = new ConcurrentHashMap<>();

    @SuppressWarnings("rawtypes")
    UnreadableTargets(Messages messages, JsonMapper json, SecurityHeaders security, BeanProvider<LayoutModel> layout,
                      BeanProvider<ThymeleafViewsRenderer> renderer, HttpServerConfiguration server) {
        this.formHoldLimit = server.getMaxRequestSize();
        this.messages = messages;
        this.json = json;
        this.security = security;
        this.layout = layout;
        this.renderer = renderer;
    }

    @Override
    public NettyServerCustomizer.Registry onCreated(BeanCreatedEvent<NettyServerCustomizer.Registry> event) {
        event.getBean().register(new Customizer(null));
        return event.getBean();
    }

    /**
     * Whether Micronaut can read this request target as it was sent: a URI whose path and query decode, whose
     * percent-encoded (and raw) bytes are UTF-8, without a NUL.
     */
    static boolean readable(String target) {
        try {
            new URI(target);
            QueryStringDecoder decoder = new QueryStringDecoder(target);
            decoder.path();
            decoder.parameters();
        } catch (URISyntaxException | IllegalArgumentException e) {
            return false;
        }
        return utf8WithoutNul(target);
    }

    /** The target's bytes, each {@code %XX} decoded (the target is well formed here), are UTF-8 without a NUL. */
    private static boolean utf8WithoutNul(String target) {
        for (int i = 0; i < target.length(); i++) {
            if (target.charAt(i) > 0xff) {
                return false; // the request line is read as bytes, one char each
            }
        }
        byte[] all = percentDecoded(target.getBytes(StandardCharsets.ISO_8859_1));
        if (all == null) {
            return false;
        }
        for (byte b : all) {
            if (b == 0) {
                return false;
            }
        }
        return utf8(all);
    }

    /** The bytes with each {@code %XX} decoded; null where a {@code %} is not followed by two hexadecimal digits. */
    private static byte[] percentDecoded(byte[] raw) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(raw.length);
        for (int i = 0; i < raw.length; i++) {
            if (raw[i] != '%') {
                bytes.write(raw[i]);
                continue;
            }
            int high = i + 2 < raw.length ? Character.digit(raw[i + 1], 16) : -1;
            int low = i + 2 < raw.length ? Character.digit(raw[i + 2], 16) : -1;
            if (high < 0 || low < 0) {
                return null;
            }
            bytes.write(high * 16 + low);
            i += 2;
        }
        return bytes.toByteArray();
    }

    /** The bytes are UTF-8. */
    private static boolean utf8(byte[] all) {
        try {
            StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(all));
            return true;
        } catch (CharacterCodingException e) {
            return false;
        }
    }

    /**
     * A page's form post: {@code application/x-www-form-urlencoded} in UTF-8 (no other charset named), not under
     * {@code /api/} (where forms are refused as an unsupported media type, in the API's own way), without
     * {@code Expect: 100-continue} (whose client waits for Micronaut's answer before it sends the body).
     */
    static boolean form(HttpRequest request) {
        String type = request.headers().get(HttpHeaderNames.CONTENT_TYPE);
        if (type == null || api(request.uri()) || HttpUtil.is100ContinueExpected(request)) {
            return false;
        }
        String t = type.strip().toLowerCase(Locale.ROOT);
        int charset = t.indexOf("charset=");
        return t.startsWith("application/x-www-form-urlencoded")
            && (charset < 0 || t.substring(charset + "charset=".length()).replace("\"", "").strip().startsWith("utf-8"));
    }

    /**
     * Whether a form's body can be read as its fields: {@code name=value} pairs whose percent-encoded (and raw)
     * bytes are UTF-8, each {@code %} followed by two hexadecimal digits. Micronaut would otherwise store U+FFFD in
     * place of what it could not read. (A NUL or another control character is readable, and refused by the field's
     * own rules, {@code TextRules}, with the form shown again.)
     */
    static boolean readableForm(byte[] body) {
        // decoded whole: a separator ("&", "=") is ASCII, so a sequence it interrupts is no UTF-8 either way
        byte[] decoded = percentDecoded(body);
        return decoded != null && utf8(decoded);
    }

    /**
     * Whether a request target addresses the API, judged on its raw path (before any decoding); a target in absolute
     * form ({@code http://host/api/…}, RFC 9112 §3.2.2, which the server serves as the path it names) by its path.
     */
    static boolean api(String target) {
        return ApiProblems.apiPath(path(target));
    }

    /** The path (with its query) of a target: the target itself, or the part after the authority of an absolute one. */
    static String path(String target) {
        int scheme = target.indexOf("://");
        if (scheme <= 0 || !target.regionMatches(true, 0, "http", 0, 4) || scheme > 5) {
            return target;
        }
        for (int i = scheme + 3; i < target.length(); i++) {
            char c = target.charAt(i);
            if (c == '/') {
                return target.substring(i);
            }
            if (c == '?' || c == '#') {
                return "/" + target.substring(i);
            }
        }
        return "/";
    }

    /** The language of a page for this request: its {@code lang} cookie, else its {@code Accept-Language}, else German. */
    static Language pageLanguage(HttpRequest request) {
        return pageLanguage(request.headers().getAll(HttpHeaderNames.COOKIE),
            request.headers().get(HttpHeaderNames.ACCEPT_LANGUAGE));
    }

    /** {@link #pageLanguage(HttpRequest)} of these {@code Cookie} headers and this {@code Accept-Language} (or null). */
    static Language pageLanguage(List<String> cookies, String acceptLanguage) {
        for (String header : cookies) {
            try {
                for (Cookie cookie : ServerCookieDecoder.LAX.decodeAll(header)) {
                    if (PortalLocaleResolver.COOKIE.equals(cookie.name())) {
                        var language = Language.fromCode(cookie.value());
                        if (language.isPresent()) {
                            return language.get();
                        }
                    }
                }
            } catch (RuntimeException unreadable) {
                // a cookie header that cannot be read names no language
            }
        }
        return Language.fromAcceptLanguage(acceptLanguage);
    }

    private final class Customizer implements NettyServerCustomizer {
        private final Channel channel;

        Customizer(Channel channel) {
            this.channel = channel;
        }

        @Override
        public NettyServerCustomizer specializeForChannel(Channel channel, ChannelRole role) {
            return role == ChannelRole.CONNECTION || role == ChannelRole.REQUEST_STREAM ? new Customizer(channel) : this;
        }

        @Override
        public void onStreamPipelineBuilt() {
            if (channel != null && channel.pipeline().get(ChannelPipelineCustomizer.HANDLER_HTTP_SERVER_CODEC) != null
                && channel.pipeline().get(HANDLER) == null) {
                HeadReader reader = new HeadReader();
                channel.pipeline().addBefore(ChannelPipelineCustomizer.HANDLER_HTTP_SERVER_CODEC, READER, reader);
                channel.pipeline().addAfter(ChannelPipelineCustomizer.HANDLER_HTTP_SERVER_CODEC, HANDLER,
                    new Guard(reader));
            }
        }
    }

    /**
     * Answers an unreadable request and drops its body; everything else passes untouched. A form (a page's
     * {@code application/x-www-form-urlencoded} post) is held back until its body is complete and passes on only if
     * its body can be read ({@link #readableForm}); its parts are released when it is answered or the channel closes.
     */
    private final class Guard extends ChannelInboundHandlerAdapter {
        private final HeadReader reader;
        private boolean discarding;
        /** The form held back (its request and the parts of its body so far), null when none is. */
        private List<Object> held;
        private int heldBytes;

        Guard(HeadReader reader) {
            this.reader = reader;
        }

        @Override
        public void channelRead(ChannelHandlerContext ctx, Object msg) {
            if (held != null) {
                hold(ctx, msg);
                return;
            }
            if (msg instanceof HttpRequest request && !request.decoderResult().isFailure() && tooLong(request)) {
                LOG.info("Request line too long answered 414");
                HttpResponseStatus status = HttpResponseStatus.REQUEST_URI_TOO_LONG;
                boolean head = HttpMethod.HEAD.equals(request.method());
                FullHttpResponse answer = api(request.uri())
                    ? problem(apiLanguage(request), status, "problem.414", "problem.414.detail", head)
                    : page(pageLanguage(request), status, "414", head);
                discarding = !(msg instanceof LastHttpContent);
                ReferenceCountUtil.release(msg);
                ctx.writeAndFlush(answer).addListener(ChannelFutureListener.CLOSE);
                return;
            }
            if (msg instanceof HttpRequest request && !request.decoderResult().isFailure() && readable(request.uri())
                && form(request)) {
                dropUnreadableAcceptLanguage(request);
                held = new ArrayList<>();
                heldBytes = 0;
                hold(ctx, msg);
                return;
            }
            if (msg instanceof HttpRequest request) {
                DecoderResult result = request.decoderResult();
                FullHttpResponse answer = null;
                if (result.isFailure()) {
                    HttpResponseStatus status = status(result.cause());
                    LOG.info("Unreadable request answered {}: {}", status.code(), result.cause().getClass().getSimpleName());
                    discarding = !(msg instanceof LastHttpContent);
                    ReferenceCountUtil.release(msg);
                    boolean cutOff = result.cause() instanceof TooLongHttpLineException;
                    // answered once the head has passed the reader, whose headers (and, for a line cut off, its
                    // method and target) say what Netty no longer read
                    if (!reader.whenHeadRead(() -> answerUnread(ctx, request, status, cutOff))) {
                        ctx.read(); // nothing went on to the server's handler, which would ask for more
                    }
                    return;
                } else if (!readable(request.uri())) {
                    boolean head = HttpMethod.HEAD.equals(request.method());
                    answer = api(request.uri())
                        ? problem(apiLanguage(request), HttpResponseStatus.BAD_REQUEST, "problem.400", "problem.400.target",
                            head)
                        : page(pageLanguage(request), HttpResponseStatus.BAD_REQUEST, TARGET, head);
                }
                if (answer == null) {
                    dropUnreadableAcceptLanguage(request);
                }
                if (answer != null) {
                    discarding = !(msg instanceof LastHttpContent);
                    ReferenceCountUtil.release(msg);
                    ctx.writeAndFlush(answer).addListener(ChannelFutureListener.CLOSE);
                    return;
                }
            }
            if (discarding) {
                discarding = !(msg instanceof LastHttpContent);
                ReferenceCountUtil.release(msg);
                return;
            }
            if (msg instanceof HttpRequest request && HttpMethod.HEAD.equals(request.method())) {
                // HEAD passes on as the GET it asks about (Micronaut runs the GET's work for it anyway): the codec,
                // which read the HEAD, sends that GET's headers without its body — Content-Type and Content-Length
                // included, which Micronaut's own HEAD answer leaves out (micronaut-core#3685), and the connection
                // kept open, which it closed
                request.setMethod(HttpMethod.GET);
            }
            ctx.fireChannelRead(msg);
        }

        /**
         * Adds a part to the form held back. At its end the form passes on whole, or is answered {@code 400} when its
         * body cannot be read. A body longer than the server takes passes on as it is: Micronaut refuses it
         * ({@code 413}), and nothing is held beyond that size.
         */
        private void hold(ChannelHandlerContext ctx, Object msg) {
            held.add(msg);
            if (msg instanceof HttpContent content) {
                heldBytes += content.content().readableBytes();
            }
            boolean last = msg instanceof LastHttpContent;
            if (heldBytes > formHoldLimit) {
                passOn(ctx);
                return;
            }
            if (!last) {
                // nothing went on to the server's handler, which asks for the next part only once it has this one
                // (it reads on demand): ask for it here, or a body in several parts waits for the read timeout
                ctx.read();
                return;
            }
            HttpRequest request = (HttpRequest) held.get(0);
            byte[] body = new byte[heldBytes];
            int at = 0;
            for (Object part : held) {
                if (part instanceof HttpContent content) {
                    int n = content.content().readableBytes();
                    content.content().getBytes(content.content().readerIndex(), body, at, n);
                    at += n;
                }
            }
            if (readableForm(body)) {
                passOn(ctx);
                return;
            }
            LOG.info("Unreadable form answered 400");
            release();
            ctx.writeAndFlush(page(pageLanguage(request), HttpResponseStatus.BAD_REQUEST, FORM, false))
                .addListener(ChannelFutureListener.CLOSE);
        }

        private void passOn(ChannelHandlerContext ctx) {
            List<Object> parts = held;
            held = null;
            parts.forEach(ctx::fireChannelRead);
        }

        private void release() {
            if (held != null) {
                held.forEach(ReferenceCountUtil::release);
                held = null;
            }
        }

        @Override
        public void handlerRemoved(ChannelHandlerContext ctx) {
            release();
        }

        @Override
        public void channelInactive(ChannelHandlerContext ctx) throws Exception {
            release();
            super.channelInactive(ctx);
        }

        /**
         * Answers a request Netty could not read ({@link #status}): on an API path the API's problem+json in the
         * language of {@code Accept-Language}, elsewhere the error page in the page's language. Path and headers are
         * those the {@link HeadReader} read from the bytes, where it found the request's line: Netty stops reading
         * headers at the one it fails on, and of a line it cut off (over 64 KB) it keeps only a stand-in
         * ({@code /bad-request}), the same for a line it refused (one ended by a bare LF, no CR). Otherwise (no such line
         * passed: a head that ended before its line) what Netty read.
         */
        private void answerUnread(ChannelHandlerContext ctx, HttpRequest request, HttpResponseStatus status,
                                  boolean cutOff) {
            if (!ctx.channel().isActive()) {
                return;
            }
            HeadReader.Head head = reader.head();
            // Netty's stand-in for a request line it did not read (cut off, or ended by a bare LF, which its strict
            // parser refuses): the method and target come from the reader
            boolean standIn = cutOff || head.found() && STAND_IN.equals(request.uri());
            String target = standIn ? head.target() : request.uri();
            String method = standIn ? head.method() : request.method().name();
            List<String> cookies = head.found() ? head.cookies() : request.headers().getAll(HttpHeaderNames.COOKIE);
            String acceptLanguage = head.found() ? head.acceptLanguage()
                : request.headers().get(HttpHeaderNames.ACCEPT_LANGUAGE);
            String code = String.valueOf(status.code());
            // the codec takes a request it could not read for a GET (its stand-in's method) and would send a body:
            // a HEAD's answer leaves it out here
            boolean headRequest = HttpMethod.HEAD.name().equals(method);
            FullHttpResponse answer = target != null && api(target)
                ? problem(Language.fromAcceptLanguage(acceptLanguage), status, "problem." + code,
                    "problem." + code + ".detail", headRequest)
                : page(pageLanguage(cookies, acceptLanguage), status, code, headRequest);
            ctx.writeAndFlush(answer).addListener(ChannelFutureListener.CLOSE);
        }

        /** Whether the request line ({@code METHOD target VERSION}) is longer than {@link #MAX_LINE} bytes. */
        private static boolean tooLong(HttpRequest request) {
            return request.method().name().length() + 1 + request.uri().length() + 1
                + request.protocolVersion().text().length() > MAX_LINE;
        }

        private static HttpResponseStatus status(Throwable cause) {
            return cause instanceof TooLongHttpLineException ? HttpResponseStatus.REQUEST_URI_TOO_LONG
                : cause instanceof TooLongHttpHeaderException ? HttpResponseStatus.REQUEST_HEADER_FIELDS_TOO_LARGE
                : cause instanceof TooLongFrameException ? HttpResponseStatus.REQUEST_ENTITY_TOO_LARGE
                : HttpResponseStatus.BAD_REQUEST;
        }

        /** The API's rule ({@link ApiProblems}) without the target's {@code ?lang=}: the Accept-Language header's. */
        private static Language apiLanguage(HttpRequest request) {
            return Language.fromAcceptLanguage(request.headers().get(HttpHeaderNames.ACCEPT_LANGUAGE));
        }

        /**
         * An {@code Accept-Language} header that cannot be read counts as none (docs/api.md): it is taken off the
         * request here, before Micronaut reads it for the request's locale, where {@code ;} or {@code ,} made an
         * {@code ArrayIndexOutOfBoundsException} and a 500 on every route.
         */
        private static void dropUnreadableAcceptLanguage(HttpRequest request) {
            var values = request.headers().getAll(HttpHeaderNames.ACCEPT_LANGUAGE);
            if (!values.isEmpty() && !values.stream().allMatch(Language::readableAcceptLanguage)) {
                request.headers().remove(HttpHeaderNames.ACCEPT_LANGUAGE);
            }
        }
    }

    private FullHttpResponse problem(Language language, HttpResponseStatus status, String title, String detail,
                                     boolean head) {
        byte[] body;
        try {
            body = json.writeValueAsBytes(new Problem("about:blank", messages.get(language, title), status.code(),
                messages.get(language, detail), null));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return answer(status, Problem.MEDIA_TYPE, body, language, head);
    }

    private FullHttpResponse page(Language language, HttpResponseStatus status, String text, boolean head) {
        String key = ErrorPages.PAGE_TEXTS.contains(status.code()) || TARGET.equals(text) || FORM.equals(text) ? text : "500";
        byte[] body = pages.computeIfAbsent(key + "/" + language.code(), k -> render(language, key));
        return answer(status, "text/html;charset=utf-8", body, language, head);
    }

    /** The error page with {@code errorpage.<text>}, as an anonymous visitor sees it at the home page. */
    @SuppressWarnings("unchecked")
    private byte[] render(Language language, String text) {
        Map<String, Object> model = new HashMap<>();
        model.put("status", text);
        layout.get().fill(model, language, "/", "", null);
        StringWriter html = new StringWriter(4096);
        renderer.get().render("errors/error", new Context(language.locale(), model), html);
        return html.toString().getBytes(StandardCharsets.UTF_8);
    }

    /**
     * The answer with this body, or for a {@code HEAD} ({@code head}) its status and headers without it
     * (RFC 9110 §9.3.2), Content-Length the length of the body a GET gets.
     */
    private FullHttpResponse answer(HttpResponseStatus status, String contentType, byte[] body, Language language,
                                    boolean head) {
        FullHttpResponse response = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, status,
            head ? Unpooled.EMPTY_BUFFER : Unpooled.wrappedBuffer(body));
        response.headers()
            .set(HttpHeaderNames.CONTENT_TYPE, contentType)
            .set(HttpHeaderNames.CONTENT_LENGTH, body.length)
            .set(HttpHeaderNames.CONTENT_LANGUAGE, language.code())
            .set(HttpHeaderNames.CACHE_CONTROL, "no-store")
            .set(SecurityHeadersFilter.ROBOTS, SecurityHeadersFilter.NOT_INDEXED)
            .set(HttpHeaderNames.CONNECTION, HttpHeaderValues.CLOSE);
        security.all().forEach(response.headers()::set);
        return response;
    }
}
