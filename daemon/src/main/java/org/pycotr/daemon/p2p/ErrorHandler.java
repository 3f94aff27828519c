package org.pycotr.daemon.p2p;

import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.codec.DecoderException;
import java.io.IOException;
import org.pycotr.proto.Disconnect;
import org.pycotr.protocol.wire.WireException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The last handler of every connection, and the one place exceptions are classified: a protocol
 * breach ends the connection with its typed reason (and, after the handshake, scores the peer to a
 * ban); an I/O error just closes; anything else is our bug and is logged as an error. It also
 * reports every closed connection to the {@link PeerManager}.
 */
@ChannelHandler.Sharable
final class ErrorHandler extends ChannelInboundHandlerAdapter {
    private static final Logger log = LoggerFactory.getLogger(ErrorHandler.class);

    private final PeerManager manager;
    private final NetworkStats stats;

    ErrorHandler(PeerManager manager, NetworkStats stats) {
        this.manager = manager;
        this.stats = stats;
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        Throwable c = cause instanceof DecoderException && cause.getCause() != null ? cause.getCause() : cause;
        Peer peer = ctx.channel().attr(Connections.PEER).get();
        if (c instanceof WireException w) {
            if (peer != null && w.reason() == Disconnect.Reason.PROTOCOL_VIOLATION) {
                peer.misbehaved(PeerScore.BAN_THRESHOLD, w.getMessage());
            } else {
                Connections.disconnect(ctx.channel(), w.reason(), w.getMessage(), stats);
            }
        } else if (c instanceof IOException) {
            log.debug("Connection to {} failed: {}", ctx.channel().remoteAddress(), c.getMessage());
            ctx.close();
        } else {
            log.error("Unexpected error on connection to {}", ctx.channel().remoteAddress(), c);
            ctx.close();
        }
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        log.debug("Unhandled message from {}: {}", ctx.channel().remoteAddress(), msg.getClass().getSimpleName());
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) {
        manager.onClosed(ctx.channel());
        ctx.fireChannelInactive();
    }
}
