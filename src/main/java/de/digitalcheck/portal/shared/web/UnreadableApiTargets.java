package de.digitalcheck.portal.shared.web;

import de.digitalcheck.portal.shared.i18n.Language;
import de.digitalcheck.portal.shared.i18n.Messages;
import io.micronaut.context.event.BeanCreatedEvent;
import io.micronaut.context.event.BeanCreatedEventListener;
import io.micronaut.http.netty.channel.ChannelPipelineCustomizer;
import io.micronaut.http.server.netty.NettyServerCustomizer;
import io.micronaut.json.JsonMapper;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.LastHttpContent;
import io.netty.handler.codec.http.QueryStringDecoder;
import io.netty.util.ReferenceCountUtil;
import jakarta.inject.Singleton;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;

/**
 * An API request whose target cannot be read ({@code /api/v1/agencies?x=%ZZ}: no valid percent-encoding) gets a
 * {@code 400} problem+json in the caller's language. Micronaut answers such a request with a stand-in request for
 * {@code /} (its path, query and headers are gone by the time the error handlers run), so {@link ErrorPages} would
 * render the HTML error page; this handler sits in the Netty pipeline right after the HTTP codec, where the request
 * line is still there, and answers before routing. Other paths are left to Micronaut and {@link ErrorPages}.
 */
@Singleton
class UnreadableApiTargets implements BeanCreatedEventListener<NettyServerCustomizer.Registry> {

    private static final String HANDLER = "digitalcheck-unreadable-api-target";

    private final Messages messages;
    private final JsonMapper json;
    private final SecurityHeaders security;

    UnreadableApiTargets(Messages messages, JsonMapper json, SecurityHeaders security) {
        this.messages = messages;
        this.json = json;
        this.security = security;
    }

    @Override
    public NettyServerCustomizer.Registry onCreated(BeanCreatedEvent<NettyServerCustomizer.Registry> event) {
        event.getBean().register(new Customizer(null));
        return event.getBean();
    }

    /** Whether Micronaut can read this request target: a URI whose path and query decode. */
    static boolean readable(String target) {
        try {
            new URI(target);
            QueryStringDecoder decoder = new QueryStringDecoder(target);
            decoder.path();
            decoder.parameters();
            return true;
        } catch (URISyntaxException | IllegalArgumentException e) {
            return false;
        }
    }

    /** Whether a request target addresses the API, judged on its raw path (before any decoding). */
    static boolean api(String target) {
        return ApiProblems.apiPath(target);
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
                channel.pipeline().addAfter(ChannelPipelineCustomizer.HANDLER_HTTP_SERVER_CODEC, HANDLER, new Guard());
            }
        }
    }

    /** Answers an unreadable API request and drops its body; everything else passes untouched. */
    private final class Guard extends ChannelInboundHandlerAdapter {
        private boolean discarding;

        @Override
        public void channelRead(ChannelHandlerContext ctx, Object msg) {
            if (msg instanceof HttpRequest request && api(request.uri()) && !readable(request.uri())) {
                discarding = !(msg instanceof LastHttpContent);
                ReferenceCountUtil.release(msg);
                Language language = request.headers().get(HttpHeaderNames.ACCEPT_LANGUAGE, "")
                    .toLowerCase(Locale.ROOT).startsWith("en") ? Language.EN : Language.DE;
                ctx.writeAndFlush(problem(language)).addListener(ChannelFutureListener.CLOSE);
                return;
            }
            if (discarding) {
                discarding = !(msg instanceof LastHttpContent);
                ReferenceCountUtil.release(msg);
                return;
            }
            ctx.fireChannelRead(msg);
        }

        private FullHttpResponse problem(Language language) {
            byte[] body;
            try {
                body = json.writeValueAsBytes(new Problem("about:blank", messages.get(language, "problem.400"), 400,
                    messages.get(language, "problem.400.target"), null));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            FullHttpResponse response = new DefaultFullHttpResponse(io.netty.handler.codec.http.HttpVersion.HTTP_1_1,
                HttpResponseStatus.BAD_REQUEST, Unpooled.wrappedBuffer(body));
            response.headers()
                .set(HttpHeaderNames.CONTENT_TYPE, Problem.MEDIA_TYPE)
                .set(HttpHeaderNames.CONTENT_LENGTH, body.length)
                .set(HttpHeaderNames.CACHE_CONTROL, "no-store")
                .set(HttpHeaderNames.CONNECTION, HttpHeaderValues.CLOSE);
            security.all().forEach(response.headers()::set);
            return response;
        }
    }
}
