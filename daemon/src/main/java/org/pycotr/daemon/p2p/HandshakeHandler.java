package org.pycotr.daemon.p2p;

import com.google.protobuf.ByteString;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.util.concurrent.ScheduledFuture;
import java.math.BigInteger;
import java.time.Clock;
import java.util.HexFormat;
import java.util.OptionalInt;
import java.util.concurrent.TimeUnit;
import org.pycotr.proto.Disconnect;
import org.pycotr.proto.Envelope;
import org.pycotr.proto.Hello;
import org.pycotr.protocol.crypto.Hash;
import org.pycotr.protocol.wire.ProtocolVersion;
import org.pycotr.protocol.wire.WireException;

/**
 * The gate of every connection. Sends our Hello, lets nothing but Hello or Disconnect through
 * until the peer's Hello arrives and passes (version, network, not ourselves, admitted by the
 * {@link PeerManager}), then replaces itself with the steady-state handlers. A peer that does not
 * finish within the handshake timeout is dropped.
 */
final class HandshakeHandler extends ChannelInboundHandlerAdapter {
    private final boolean inbound;
    private final LocalNode local;
    private final NetworkSettings settings;
    private final PeerManager manager;
    private final NetworkStats stats;
    private final Clock clock;
    private ScheduledFuture<?> timeout;

    HandshakeHandler(boolean inbound, LocalNode local, NetworkSettings settings, PeerManager manager,
            NetworkStats stats, Clock clock) {
        this.inbound = inbound;
        this.local = local;
        this.settings = settings;
        this.manager = manager;
        this.stats = stats;
        this.clock = clock;
    }

    @Override
    public void channelActive(ChannelHandlerContext ctx) {
        LocalNode.Tip tip = local.tip();
        stats.sent("HELLO");
        ctx.writeAndFlush(Envelope.newBuilder().setHello(Hello.newBuilder()
                .setProtocolVersion(settings.protocolVersion())
                .setMinProtocolVersion(settings.minProtocolVersion())
                .setGenesisHash(ByteString.copyFrom(local.networkId().bytes()))
                .setNodeId(ByteString.copyFrom(local.nodeId()))
                .setUserAgent(LocalNode.USER_AGENT)
                .setListenPort(manager.listenPort())
                .setHttpUrl(settings.advertisedHttpUrl())
                .setBestHeight(tip.height())
                .setBestHash(ByteString.copyFrom(tip.hash().bytes()))
                .setTotalWork(ByteString.copyFrom(tip.work().toByteArray()))).build());
        timeout = ctx.executor().schedule(() -> Connections.disconnect(ctx.channel(), Disconnect.Reason.TIMEOUT,
                "no handshake within " + settings.handshakeTimeout().toSeconds() + " s", stats),
                settings.handshakeTimeout().toMillis(), TimeUnit.MILLISECONDS);
        ctx.fireChannelActive();
    }

    @Override
    public void handlerRemoved(ChannelHandlerContext ctx) {
        if (timeout != null) {
            timeout.cancel(false);
        }
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        Envelope e = (Envelope) msg;
        switch (e.getMessageCase()) {
            case DISCONNECT -> Connections.received(ctx.channel(), e.getDisconnect());
            case HELLO -> onHello(ctx, e.getHello());
            default -> throw WireException.violation(e.getMessageCase() + " before the handshake");
        }
    }

    private void onHello(ChannelHandlerContext ctx, Hello hello) {
        OptionalInt version = ProtocolVersion.negotiate(settings.minProtocolVersion(), settings.protocolVersion(),
                hello.getMinProtocolVersion(), hello.getProtocolVersion());
        if (version.isEmpty()) {
            refuse(ctx, Disconnect.Reason.INCOMPATIBLE_VERSION, "we speak versions " + settings.minProtocolVersion() + ".."
                    + settings.protocolVersion() + ", peer " + hello.getMinProtocolVersion() + ".." + hello.getProtocolVersion());
            return;
        }
        if (!hello.getGenesisHash().equals(ByteString.copyFrom(local.networkId().bytes()))) {
            refuse(ctx, Disconnect.Reason.WRONG_NETWORK, "peer's genesis is "
                    + HexFormat.of().formatHex(hello.getGenesisHash().toByteArray()) + ", ours " + local.networkId());
            return;
        }
        if (hello.getNodeId().size() != 16 || hello.getBestHash().size() != Hash.LENGTH
                || hello.getTotalWork().size() > 33 || hello.getListenPort() > 65535) {
            throw WireException.violation("malformed Hello");
        }
        String nodeId = HexFormat.of().formatHex(hello.getNodeId().toByteArray());
        if (nodeId.equals(local.nodeIdHex())) {
            manager.noteSelf(ctx.channel());
            refuse(ctx, Disconnect.Reason.SELF_CONNECTION, "connected to ourselves");
            return;
        }
        String ip = Connections.remoteIp(ctx.channel());
        PeerAddress listen = hello.getListenPort() == 0 ? null : new PeerAddress(ip, hello.getListenPort());
        PeerInfo info = new PeerInfo(nodeId, version.getAsInt(), hello.getUserAgent(), listen, hello.getHttpUrl(),
                hello.getBestHeight(), Hash.of(hello.getBestHash().toByteArray()),
                new BigInteger(1, hello.getTotalWork().toByteArray()));
        Peer peer = new Peer(ctx.channel(), inbound, info, stats, clock, manager.bans());
        PeerManager.Refusal refusal = manager.admit(peer);
        if (refusal != null) {
            refuse(ctx, refusal.reason(), refusal.detail());
            return;
        }
        ctx.channel().attr(Connections.PEER).set(peer);
        ctx.pipeline().replace(this, "keepalive", new KeepAliveHandler(clock, settings.pingInterval().toMillis(),
                settings.idleTimeout().toMillis(), stats, local::tip));
        ctx.pipeline().addBefore("errors", "peer", manager.newPeerHandler(peer));
        manager.onReady(peer);
    }

    private void refuse(ChannelHandlerContext ctx, Disconnect.Reason reason, String detail) {
        Connections.disconnect(ctx.channel(), reason, detail, stats);
    }
}
