package org.pycotr.daemon.http;

import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.socket.SocketChannel;
import io.netty.handler.codec.http.HttpMessage;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.HttpServerCodec;
import java.net.InetSocketAddress;
import java.util.concurrent.TimeUnit;
import org.pycotr.daemon.p2p.Transport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The HTTP bridge's listener: Netty's HTTP codec, bodies capped at 1 MiB, then the router. */
public final class HttpServer implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(HttpServer.class);
    /** Largest request body (legacy and v1): a batch of transactions fits, a memory attack does not. */
    public static final int MAX_BODY_BYTES = 1024 * 1024;

    private final EventLoopGroup group;
    private final Channel channel;

    public HttpServer(String host, int port, int threads, Router router) {
        Transport transport = Transport.best();
        group = new MultiThreadIoEventLoopGroup(threads, transport.factory());
        HttpHandler handler = new HttpHandler(router);
        channel = new ServerBootstrap().group(group).channel(transport.serverChannel())
                .childHandler(new ChannelInitializer<SocketChannel>() {
                    @Override
                    protected void initChannel(SocketChannel ch) {
                        ch.pipeline().addLast(new HttpServerCodec());
                        ch.pipeline().addLast(new HttpObjectAggregator(MAX_BODY_BYTES) {
                            @Override
                            protected void handleOversizedMessage(ChannelHandlerContext ctx, HttpMessage oversized) {
                                String path = oversized instanceof io.netty.handler.codec.http.HttpRequest r
                                        ? new io.netty.handler.codec.http.QueryStringDecoder(r.uri()).path() : "/";
                                // Keep the connection: the aggregator discards the rest of the body, so the
                                // client can finish sending and then read this answer.
                                HttpHandler.write(ctx, router.styleFor(path).error(413, "body_too_large",
                                        "request body over " + MAX_BODY_BYTES + " bytes"),
                                        io.netty.handler.codec.http.HttpUtil.isKeepAlive(oversized));
                            }
                        });
                        ch.pipeline().addLast(handler);
                    }
                })
                .bind(host, port).syncUninterruptibly().channel();
        log.info("HTTP listening on {}:{}", host, port());
    }

    public int port() {
        return ((InetSocketAddress) channel.localAddress()).getPort();
    }

    @Override
    public void close() {
        channel.close().syncUninterruptibly();
        group.shutdownGracefully(0, 2, TimeUnit.SECONDS).syncUninterruptibly();
    }
}
