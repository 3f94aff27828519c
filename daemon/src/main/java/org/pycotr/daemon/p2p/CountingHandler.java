package org.pycotr.daemon.p2p;

import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import org.pycotr.proto.Envelope;
import org.pycotr.protocol.wire.Messages;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Counts and DEBUG-logs every message received, right after decoding. */
@ChannelHandler.Sharable
final class CountingHandler extends ChannelInboundHandlerAdapter {
    private static final Logger log = LoggerFactory.getLogger(CountingHandler.class);
    private final NetworkStats stats;

    CountingHandler(NetworkStats stats) {
        this.stats = stats;
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        String kind = Messages.kind((Envelope) msg);
        stats.received(kind);
        log.debug("<- {} {}", ctx.channel().remoteAddress(), kind);
        ctx.fireChannelRead(msg);
    }
}
