package org.pycotr.daemon.p2p;

import io.netty.channel.Channel;
import java.net.InetSocketAddress;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.pycotr.proto.Disconnect;
import org.pycotr.proto.Envelope;
import org.pycotr.proto.InvTx;
import org.pycotr.proto.NewBlock;
import org.pycotr.protocol.crypto.Hash;
import org.pycotr.protocol.wire.Messages;
import org.pycotr.protocol.wire.WireLimits;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One connected peer after its handshake. Its mutable state (known inventory, pending
 * announcements, misbehaviour score) belongs to the channel's event loop: methods called from
 * other threads hop there first. Sending is safe from any thread.
 */
public final class Peer {
    private static final Logger log = LoggerFactory.getLogger(Peer.class);
    /**
     * Transaction ids remembered per peer: about a minute of heavy traffic, ~1 MB per peer, so 72
     * peers stay under 100 MB. Forgetting costs only a redundant announcement.
     */
    static final int KNOWN_TXS = 10_000;
    static final int KNOWN_BLOCKS = 1_024;
    /** Announcements are gathered this long and sent as one InvTx: a few ms batches bursts without slowing relay across hops. */
    static final long ANNOUNCE_BATCH_MS = 5;

    private final Channel channel;
    private final boolean inbound;
    private final PeerInfo info;
    private final String name;
    private final NetworkStats stats;
    private final Clock clock;
    private final BanList bans;
    private final KnownInventory knownTxs = new KnownInventory(KNOWN_TXS);
    private final KnownInventory knownBlocks = new KnownInventory(KNOWN_BLOCKS);
    private final Set<Hash> toAnnounce = new LinkedHashSet<>();
    private final PeerScore score;
    private boolean flushScheduled;
    private volatile long bestHeight;
    private volatile Hash bestKnownBlock;
    private volatile int scorePoints;

    Peer(Channel channel, boolean inbound, PeerInfo info, NetworkStats stats, Clock clock, BanList bans) {
        this.channel = channel;
        this.inbound = inbound;
        this.info = info;
        this.stats = stats;
        this.clock = clock;
        this.bans = bans;
        this.score = new PeerScore(clock.millis());
        this.bestHeight = info.bestHeight();
        this.bestKnownBlock = info.bestHash();
        this.name = info.listenAddress() != null ? info.listenAddress().toString() : remoteAddress();
    }

    /** How we call this peer in logs and as a block's source: its listen address when known. */
    public String name() {
        return name;
    }

    public PeerInfo info() {
        return info;
    }

    public boolean isInbound() {
        return inbound;
    }

    public long bestHeight() {
        return bestHeight;
    }

    /** The tip of the best chain we know the peer has: it can serve that block and its ancestors. */
    public Hash bestKnownBlock() {
        return bestKnownBlock;
    }

    /** The peer showed us a block (announced it, or sent its header): note it if it is its new best. */
    void sawBlock(long height, Hash hash) {
        if (height > bestHeight) {
            bestHeight = height;
            bestKnownBlock = hash;
        }
    }

    public int score() {
        return scorePoints;
    }

    private String remoteAddress() {
        return channel.remoteAddress() instanceof InetSocketAddress a ? remoteIp() + ":" + a.getPort() : "?";
    }

    String remoteIp() {
        return Connections.remoteIp(channel);
    }

    Channel channel() {
        return channel;
    }

    public boolean isOpen() {
        return channel.isActive();
    }

    /** Sends a message; safe from any thread. */
    public void send(Envelope message) {
        stats.sent(Messages.kind(message));
        log.debug("-> {} {}", name, Messages.kind(message));
        channel.writeAndFlush(message, channel.voidPromise());
    }

    /** Queues transaction ids for the next batched InvTx, skipping what the peer already knows. */
    public void announceTxs(Collection<Hash> ids) {
        channel.eventLoop().execute(() -> {
            for (Hash id : ids) {
                if (knownTxs.add(id)) {
                    toAnnounce.add(id);
                }
            }
            if (!toAnnounce.isEmpty() && !flushScheduled) {
                flushScheduled = true;
                channel.eventLoop().schedule(this::flushAnnouncements, ANNOUNCE_BATCH_MS, TimeUnit.MILLISECONDS);
            }
        });
    }

    private void flushAnnouncements() {
        flushScheduled = false;
        List<Hash> batch = new ArrayList<>(Math.min(toAnnounce.size(), WireLimits.MAX_INV_SEND));
        for (Hash id : toAnnounce) {
            batch.add(id);
            if (batch.size() == WireLimits.MAX_INV_SEND) {
                sendInv(batch);
                batch.clear();
            }
        }
        if (!batch.isEmpty()) {
            sendInv(batch);
        }
        toAnnounce.clear();
    }

    private void sendInv(List<Hash> ids) {
        send(Envelope.newBuilder().setInvTx(InvTx.newBuilder().addAllTxids(Messages.hashBytes(ids))).build());
    }

    /** Announces a new block unless the peer is known to have it. */
    public void announceBlock(Hash hash, NewBlock message) {
        channel.eventLoop().execute(() -> {
            if (knownBlocks.add(hash)) {
                send(Envelope.newBuilder().setNewBlock(message).build());
            }
        });
    }

    /** Called on the event loop when the peer sent or announced these. */
    void markKnownTxs(Collection<Hash> ids) {
        ids.forEach(knownTxs::add);
    }

    void markKnownBlock(Hash hash) {
        knownBlocks.add(hash);
    }

    /**
     * Scores a provable offence. Past the threshold the peer is banned and disconnected; below it
     * the connection stays. Safe from any thread.
     */
    public void misbehaved(int points, String why) {
        channel.eventLoop().execute(() -> {
            PeerScore.Decision d = score.add(points, clock.millis());
            scorePoints = score.points(clock.millis());
            log.info("Peer {} misbehaved (+{} = {}): {}", name, points, scorePoints, why);
            if (d == PeerScore.Decision.BAN) {
                bans.ban(this);
                disconnect(Disconnect.Reason.MISBEHAVIOUR, why);
            }
        });
    }

    /** Sends a Disconnect naming the reason, then closes. */
    public void disconnect(Disconnect.Reason reason, String detail) {
        Connections.disconnect(channel, reason, detail, stats);
    }

    @Override
    public String toString() {
        return name;
    }
}
