package org.pycotr.daemon.p2p;

import io.netty.channel.Channel;
import io.netty.channel.ChannelHandler;
import io.netty.util.AttributeKey;
import java.time.Clock;
import java.util.ArrayList;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ScheduledExecutorService;
import java.util.function.Consumer;
import java.util.function.Function;
import org.pycotr.proto.Disconnect;
import org.pycotr.proto.Envelope;
import org.pycotr.proto.GetPeers;
import org.pycotr.proto.Peers;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Who we are connected to and who we try to reach: admits peers after their handshake (no
 * duplicates, no banned peers, inbound cap), keeps the outbound target filled from the address
 * book, always redials configured peers, and swaps addresses with peers.
 *
 * <p>Concurrency: the dial loop and the address book belong to the manager's own thread
 * ({@code executor}); event loops hand it work with {@code executor.execute}. The registry of
 * connected peers is read from every thread, so its two writers ({@link #admit}, {@link #onClosed})
 * are synchronized and the list readers see is copy-on-write.
 */
final class PeerManager {
    private static final Logger log = LoggerFactory.getLogger(PeerManager.class);
    static final AttributeKey<PeerAddress> DIALED = AttributeKey.valueOf("pycotr.dialed");
    /** Disconnects remembered for the API. */
    static final int RECENT_DISCONNECTS = 50;

    record Refusal(Disconnect.Reason reason, String detail) {}

    interface Listener {
        void onPeerConnected(Peer peer);

        void onPeerDisconnected(Peer peer);
    }

    private final NetworkSettings settings;
    private final Clock clock;
    private final ScheduledExecutorService executor;
    private final BanList bans;
    private final Consumer<PeerAddress> dialer;
    private final AddressBook book = new AddressBook();
    private final Map<String, Peer> byNodeId = new HashMap<>();
    private final List<Peer> peers = new CopyOnWriteArrayList<>();
    private final Deque<DisconnectEvent> recentDisconnects = new ArrayDeque<>();
    private Function<Peer, ChannelHandler> peerHandlers;
    private Listener listener;
    private volatile int listenPort;
    private volatile boolean dialing = true;

    PeerManager(NetworkSettings settings, Clock clock, ScheduledExecutorService executor, BanList bans,
            Consumer<PeerAddress> dialer) {
        this.settings = settings;
        this.clock = clock;
        this.executor = executor;
        this.bans = bans;
        this.dialer = dialer;
        settings.bootstrap().forEach(book::addConfigured);
    }

    void wire(Function<Peer, ChannelHandler> peerHandlers, Listener listener) {
        this.peerHandlers = peerHandlers;
        this.listener = listener;
    }

    void setListenPort(int port) {
        this.listenPort = port;
    }

    int listenPort() {
        return listenPort;
    }

    BanList bans() {
        return bans;
    }

    ChannelHandler newPeerHandler(Peer peer) {
        return peerHandlers.apply(peer);
    }

    /** Connected peers; safe to read from any thread. */
    List<Peer> peers() {
        return peers;
    }

    synchronized List<DisconnectEvent> recentDisconnects() {
        return List.copyOf(recentDisconnects);
    }

    // ---- registry (any thread)

    synchronized Refusal admit(Peer peer) {
        if (bans.isBanned(peer.remoteIp(), peer.info().nodeId())) {
            return new Refusal(Disconnect.Reason.BANNED, "banned for misbehaviour");
        }
        if (byNodeId.containsKey(peer.info().nodeId())) {
            return new Refusal(Disconnect.Reason.DUPLICATE_CONNECTION, "already connected to node " + peer.info().nodeId());
        }
        if (peer.isInbound() && peers.stream().filter(Peer::isInbound).count() >= settings.maxInbound()) {
            return new Refusal(Disconnect.Reason.TOO_MANY_PEERS, "inbound limit " + settings.maxInbound() + " reached");
        }
        byNodeId.put(peer.info().nodeId(), peer);
        peers.add(peer);
        return null;
    }

    void onReady(Peer peer) {
        log.info("Peer {} up: {}, {} v{}, height {}", peer.name(), peer.isInbound() ? "inbound" : "outbound",
                peer.info().userAgent(), peer.info().version(), peer.info().bestHeight());
        PeerAddress dialed = peer.channel().attr(DIALED).get();
        executor.execute(() -> {
            if (dialed != null) {
                book.succeeded(dialed);
            }
            if (peer.info().listenAddress() != null) {
                book.addLearned(peer.info().listenAddress());
                book.markBusy(peer.info().listenAddress(), true);
            }
        });
        peer.send(Envelope.newBuilder().setGetPeers(GetPeers.getDefaultInstance()).build());
        listener.onPeerConnected(peer);
    }

    void onClosed(Channel channel) {
        Peer peer = channel.attr(Connections.PEER).get();
        Connections.DisconnectRecord ended = channel.attr(Connections.ENDED).get();
        String why = ended == null ? "connection closed" : ended.toString();
        PeerAddress dialed = channel.attr(DIALED).get();
        boolean removed;
        synchronized (this) {
            removed = peer != null && byNodeId.remove(peer.info().nodeId(), peer);
            if (removed) {
                peers.remove(peer);
            }
            if (ended != null) {
                recentDisconnects.addLast(new DisconnectEvent(peer != null ? peer.name() : String.valueOf(channel.remoteAddress()),
                        ended.reason(), ended.detail(), ended.byUs(), clock.millis()));
                if (recentDisconnects.size() > RECENT_DISCONNECTS) {
                    recentDisconnects.removeFirst();
                }
            }
        }
        if (removed) {
            log.info("Peer {} down: {}", peer.name(), why);
            listener.onPeerDisconnected(peer);
        } else if (ended != null) {
            log.info("Connection {} ended before the handshake: {}", channel.remoteAddress(), why);
        }
        executor.execute(() -> {
            if (removed && peer.info().listenAddress() != null) {
                book.markBusy(peer.info().listenAddress(), false);
            }
            if (dialed != null) {
                if (removed) {
                    book.closed(dialed, clock.millis());
                } else {
                    book.failed(dialed, clock.millis());
                }
            }
        });
    }

    void noteSelf(Channel channel) {
        PeerAddress dialed = channel.attr(DIALED).get();
        if (dialed != null) {
            executor.execute(() -> book.markSelf(dialed));
        }
    }

    // ---- manager thread

    /** Adds a peer to always dial, as if configured (admin "add peer"). */
    void addConfigured(PeerAddress a) {
        executor.execute(() -> {
            book.addConfigured(a);
            tick();
        });
    }

    /** A dial attempt failed before connecting (refused, unreachable). */
    void dialFailed(PeerAddress a, String why) {
        executor.execute(() -> {
            AddressBook.Entry e = book.get(a);
            long wait = book.failed(a, clock.millis());
            if (e != null && e.configured) {
                log.info("Cannot reach peer {}: {}; retrying in {} s", a, why, wait / 1000.0);
            } else {
                log.debug("Cannot reach peer {}: {}; retrying in {} s", a, why, wait / 1000.0);
            }
        });
    }

    /** At shutdown: no new connections from here on. */
    void stopDialing() {
        dialing = false;
    }

    /** Dials configured peers that are down, then learned ones until the outbound target is met. */
    void tick() {
        if (!dialing) {
            return;
        }
        long now = clock.millis();
        for (AddressBook.Entry e : book.dueConfigured(now)) {
            dial(e.address);
        }
        long outbound = peers.stream().filter(p -> !p.isInbound()).count();
        int want = (int) (settings.maxOutbound() - outbound);
        if (want > 0) {
            for (AddressBook.Entry e : book.dueLearned(now, want)) {
                dial(e.address);
            }
        }
    }

    private void dial(PeerAddress a) {
        book.markBusy(a, true);
        log.debug("Dialling {}", a);
        dialer.accept(a);
    }

    void onGetPeers(Peer requester) {
        List<org.pycotr.proto.PeerAddress> out = new ArrayList<>();
        for (Peer p : peers) {
            PeerAddress a = p.info().listenAddress();
            if (p != requester && a != null && out.size() < org.pycotr.protocol.wire.WireLimits.MAX_PEER_ADDRESSES) {
                out.add(org.pycotr.proto.PeerAddress.newBuilder().setHost(a.host()).setPort(a.port()).build());
            }
        }
        requester.send(Envelope.newBuilder().setPeers(Peers.newBuilder().addAllPeers(out)).build());
    }

    void onPeers(Peer from, List<org.pycotr.proto.PeerAddress> addresses) {
        executor.execute(() -> {
            int learned = 0;
            for (org.pycotr.proto.PeerAddress a : addresses) {
                try {
                    PeerAddress address = new PeerAddress(a.getHost(), a.getPort());
                    if (book.get(address) == null) {
                        book.addLearned(address);
                        learned++;
                    }
                } catch (IllegalArgumentException e) {
                    log.debug("Ignoring bad address from {}: {}", from, e.getMessage());
                }
            }
            if (learned > 0) {
                log.debug("Learned {} addresses from {}", learned, from);
                tick();
            }
        });
    }
}
