package org.pycotr.daemon.p2p;

import io.netty.channel.Channel;
import io.netty.channel.ChannelFutureListener;
import io.netty.util.AttributeKey;
import java.net.InetSocketAddress;
import org.pycotr.proto.Disconnect;
import org.pycotr.proto.Envelope;

/** Channel attributes and the one way a connection is ended: a typed Disconnect, then close. */
final class Connections {
    /** The peer, once the handshake completed. */
    static final AttributeKey<Peer> PEER = AttributeKey.valueOf("pycotr.peer");
    /** Why the connection ended, as we said it or as the peer said it. */
    static final AttributeKey<DisconnectRecord> ENDED = AttributeKey.valueOf("pycotr.ended");

    private Connections() {}

    /** The peer's IP address as text, or "?" when the channel has none (tests). */
    static String remoteIp(Channel channel) {
        return channel.remoteAddress() instanceof InetSocketAddress a ? a.getAddress().getHostAddress() : "?";
    }

    static void disconnect(Channel channel, Disconnect.Reason reason, String detail, NetworkStats stats) {
        if (channel.attr(ENDED).setIfAbsent(new DisconnectRecord(reason, detail, true)) != null) {
            return;
        }
        if (!channel.isActive()) {
            channel.close();
            return;
        }
        stats.sent("DISCONNECT");
        channel.writeAndFlush(Envelope.newBuilder()
                        .setDisconnect(Disconnect.newBuilder().setReason(reason).setDetail(detail)).build())
                .addListener(ChannelFutureListener.CLOSE);
    }

    /** The peer told us why it leaves. */
    static void received(Channel channel, Disconnect message) {
        channel.attr(ENDED).setIfAbsent(new DisconnectRecord(message.getReason(), message.getDetail(), false));
        channel.close();
    }

    /** A connection's end: reason, detail, and whether we ended it. */
    record DisconnectRecord(Disconnect.Reason reason, String detail, boolean byUs) {
        @Override
        public String toString() {
            return (byUs ? "we sent " : "peer sent ") + reason + (detail.isEmpty() ? "" : " (" + detail + ")");
        }
    }
}
