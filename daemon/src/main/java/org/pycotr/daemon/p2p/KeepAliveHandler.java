package org.pycotr.daemon.p2p;

import io.netty.channel.ChannelDuplexHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.util.concurrent.ScheduledFuture;
import java.time.Clock;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import org.pycotr.proto.Disconnect;
import org.pycotr.proto.Envelope;
import org.pycotr.proto.Ping;
import org.pycotr.proto.Pong;

/**
 * Keeps a connection honest about being alive: pings every {@code pingInterval} (telling the peer
 * our best chain), answers pings, and drops the peer after {@code idleTimeout} without hearing
 * anything. Time comes from the injected clock, checked on a one-second tick.
 */
final class KeepAliveHandler extends ChannelDuplexHandler {
    static final long TICK_MS = 1000;

    private final Clock clock;
    private final long pingIntervalMs;
    private final long idleTimeoutMs;
    private final NetworkStats stats;
    private final java.util.function.Supplier<LocalNode.Tip> tip;
    private long lastReadMs;
    private long lastPingMs;
    private ScheduledFuture<?> tick;

    KeepAliveHandler(Clock clock, long pingIntervalMs, long idleTimeoutMs, NetworkStats stats,
            java.util.function.Supplier<LocalNode.Tip> tip) {
        this.clock = clock;
        this.tip = tip;
        this.pingIntervalMs = pingIntervalMs;
        this.idleTimeoutMs = idleTimeoutMs;
        this.stats = stats;
    }

    @Override
    public void handlerAdded(ChannelHandlerContext ctx) {
        lastReadMs = clock.millis();
        lastPingMs = lastReadMs;
        tick = ctx.executor().scheduleAtFixedRate(() -> onTick(ctx), TICK_MS, TICK_MS, TimeUnit.MILLISECONDS);
    }

    @Override
    public void handlerRemoved(ChannelHandlerContext ctx) {
        if (tick != null) {
            tick.cancel(false);
        }
    }

    private void onTick(ChannelHandlerContext ctx) {
        long now = clock.millis();
        if (now - lastReadMs >= idleTimeoutMs) {
            Connections.disconnect(ctx.channel(), Disconnect.Reason.TIMEOUT,
                    "silent for " + (now - lastReadMs) / 1000 + " s", stats);
        } else if (now - lastPingMs >= pingIntervalMs) {
            lastPingMs = now;
            stats.sent("PING");
            LocalNode.Tip best = tip.get();
            ctx.writeAndFlush(Envelope.newBuilder().setPing(Ping.newBuilder()
                    .setNonce(ThreadLocalRandom.current().nextLong()).setBestHeight(best.height())
                    .setBestHash(com.google.protobuf.ByteString.copyFrom(best.hash().bytes()))).build());
        }
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        lastReadMs = clock.millis();
        Envelope e = (Envelope) msg;
        switch (e.getMessageCase()) {
            case PING -> {
                Peer peer = ctx.channel().attr(Connections.PEER).get();
                if (peer != null && e.getPing().getBestHash().size() == org.pycotr.protocol.crypto.Hash.LENGTH) {
                    peer.sawBlock(e.getPing().getBestHeight(),
                            org.pycotr.protocol.crypto.Hash.of(e.getPing().getBestHash().toByteArray()));
                }
                stats.sent("PONG");
                ctx.writeAndFlush(Envelope.newBuilder().setPong(Pong.newBuilder().setNonce(e.getPing().getNonce())).build());
            }
            case PONG -> { }
            default -> ctx.fireChannelRead(msg);
        }
    }
}
