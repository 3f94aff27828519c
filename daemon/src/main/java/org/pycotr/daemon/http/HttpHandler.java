package org.pycotr.daemon.http;

import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.codec.http.QueryStringDecoder;
import java.net.InetSocketAddress;
import java.util.concurrent.CompletionException;
import org.pycotr.protocol.rules.RejectReason;
import org.pycotr.protocol.rules.RuleViolation;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns a Netty request into an {@link HttpRequest}, routes it, and writes the answer when the
 * handler's future completes. Handlers never block the event loop: they return futures of work
 * done on the chain thread. Errors are mapped here, once: {@link ApiException} keeps its status,
 * a {@link RuleViolation} is the client's fault (400, or 409 for a duplicate), anything else a 500.
 */
@ChannelHandler.Sharable
final class HttpHandler extends SimpleChannelInboundHandler<FullHttpRequest> {
    private static final Logger log = LoggerFactory.getLogger(HttpHandler.class);
    private final Router router;

    HttpHandler(Router router) {
        this.router = router;
    }

    @Override
    protected void channelRead0(ChannelHandlerContext ctx, FullHttpRequest msg) {
        boolean keepAlive = HttpUtil.isKeepAlive(msg);
        QueryStringDecoder uri = new QueryStringDecoder(msg.uri());
        if (msg.method().equals(HttpMethod.OPTIONS)) {
            write(ctx, new HttpReply(204, HttpReply.JSON, new byte[0]), keepAlive);
            return;
        }
        HttpRequest req = new HttpRequest(msg.method(), uri.path(), uri.parameters(), msg.headers(),
                ByteBufUtil.getBytes(msg.content()), (InetSocketAddress) ctx.channel().remoteAddress());
        Object routed = router.route(msg.method(), uri.path());
        if (routed instanceof HttpReply error) {
            write(ctx, error, keepAlive);
            return;
        }
        Router.Match match = (Router.Match) routed;
        try {
            match.handler().handle(req, match.params())
                    .whenComplete((reply, failure) -> write(ctx, failure == null ? reply : toReply(failure, match, req), keepAlive));
        } catch (RuntimeException e) {
            write(ctx, toReply(e, match, req), keepAlive);
        }
    }

    private static HttpReply toReply(Throwable failure, Router.Match match, HttpRequest req) {
        Throwable t = failure instanceof CompletionException && failure.getCause() != null ? failure.getCause() : failure;
        if (t instanceof ApiException a) {
            return match.style().error(a.status(), a.code(), a.getMessage());
        }
        if (t instanceof RuleViolation v) {
            int status = v.reason() == RejectReason.DUPLICATE ? 409 : 400;
            return match.style().error(status, v.reason().code(), v.getMessage());
        }
        if (t instanceof IllegalArgumentException || t instanceof IllegalStateException) {
            return match.style().error(400, "bad_request", t.getMessage());
        }
        log.error("Request {} {} failed", req.method(), req.path(), t);
        return match.style().error(500, "internal_error", "internal error: " + t.getClass().getSimpleName());
    }

    static void write(ChannelHandlerContext ctx, HttpReply reply, boolean keepAlive) {
        FullHttpResponse res = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, HttpResponseStatus.valueOf(reply.status()),
                Unpooled.wrappedBuffer(reply.body()));
        res.headers().set(HttpHeaderNames.CONTENT_TYPE, reply.contentType());
        res.headers().setInt(HttpHeaderNames.CONTENT_LENGTH, reply.body().length);
        res.headers().set(HttpHeaderNames.ACCESS_CONTROL_ALLOW_ORIGIN, "*");
        res.headers().set(HttpHeaderNames.ACCESS_CONTROL_ALLOW_HEADERS, "Content-Type, Authorization");
        res.headers().set(HttpHeaderNames.ACCESS_CONTROL_ALLOW_METHODS, "GET, POST, OPTIONS");
        if (keepAlive) {
            res.headers().set(HttpHeaderNames.CONNECTION, HttpHeaderValues.KEEP_ALIVE);
            ctx.writeAndFlush(res);
        } else {
            ctx.writeAndFlush(res).addListener(ChannelFutureListener.CLOSE);
        }
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        log.debug("HTTP connection error from {}: {}", ctx.channel().remoteAddress(), cause.getMessage());
        ctx.close();
    }
}
