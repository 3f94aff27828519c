package org.pycotr.daemon.p2p;

import io.netty.bootstrap.Bootstrap;
import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.ChannelPipeline;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.socket.SocketChannel;
import java.net.InetSocketAddress;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.pycotr.daemon.chain.TipChange;
import org.pycotr.daemon.node.ChainEvents;
import org.pycotr.daemon.node.ChainService;
import org.pycotr.daemon.node.ChainView;
import org.pycotr.proto.Disconnect;
import org.pycotr.protocol.params.ChainParams;
import org.pycotr.protocol.tx.Transfer;
import org.pycotr.protocol.wire.FrameDecoder;
import org.pycotr.protocol.wire.FrameEncoder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The node's peer-to-peer side: listens for peers, dials out, and wires connections to relay and
 * sync. It knows the chain only through {@link ChainService}, and the chain knows it only as a
 * {@link ChainEvents} listener.
 *
 * <p>Threads: Netty event loops own connections (one loop per peer); the manager thread owns
 * dialing and the address book; relay and sync state live on the chain thread. Nothing blocks an
 * event loop: work for the chain is posted to it.
 */
public final class P2pNetwork implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(P2pNetwork.class);
    /** How often the manager dials and relay and sync check their timers. */
    static final Duration TICK = Duration.ofSeconds(1);
    static final int CONNECT_TIMEOUT_MS = 5000;

    private final NetworkSettings settings;
    private final ChainService chain;
    private final Clock clock;
    private final Transport transport = Transport.best();
    private final EventLoopGroup group;
    private final ScheduledExecutorService managerThread;
    private final NetworkStats stats = new NetworkStats();
    private final LocalNode local;
    private final PeerManager manager;
    private final TxRelay txRelay = new TxRelay();
    private final ChainSync sync;
    private final BlockRelay blockRelay;
    private final ErrorHandler errors;
    private final CountingHandler counting;
    private Channel server;
    /** Node ids of peers by name, remembered after they leave: blocks keep naming their source. */
    private final Map<String, String> nodeIdsByName = java.util.Collections.synchronizedMap(new LinkedHashMap<>() {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, String> eldest) {
            return size() > 1000;
        }
    });

    public P2pNetwork(NetworkSettings settings, ChainService chain, ChainParams params, Clock clock) {
        this.settings = settings;
        this.chain = chain;
        this.clock = clock;
        this.group = new MultiThreadIoEventLoopGroup(settings.ioThreads(), transport.factory());
        this.managerThread = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "p2p-manager");
            t.setDaemon(true);
            return t;
        });
        this.local = new LocalNode(params.networkId(), chain.read(P2pNetwork::tipOf).join());
        this.manager = new PeerManager(settings, clock, managerThread, new BanList(clock, settings.banDuration()), this::dial);
        this.sync = new ChainSync(params, manager, settings.stallTimeout().toMillis());
        this.blockRelay = new BlockRelay(manager, sync);
        sync.setRelay(blockRelay);
        this.errors = new ErrorHandler(manager, stats);
        this.counting = new CountingHandler(stats);
        int maxBlockBytes = params.maxBlockBytes();
        manager.wire(peer -> new PeerHandler(peer, chain, txRelay, blockRelay, sync, manager, maxBlockBytes),
                new PeerManager.Listener() {
                    @Override
                    public void onPeerConnected(Peer peer) {
                        nodeIdsByName.put(peer.name(), peer.info().nodeId());
                        chain.execute(c -> sync.onPeerConnected(peer, c));
                    }

                    @Override
                    public void onPeerDisconnected(Peer peer) {
                        chain.execute(c -> sync.onPeerDisconnected(peer, c));
                    }
                });
        chain.addListener(new ChainEvents() {
            @Override
            public void onTipChanged(TipChange change) {
                local.setTip(new LocalNode.Tip(change.newTip().height(), change.newTip().hash(), change.newTip().chainWork()));
                blockRelay.onTipChanged(change);
            }

            @Override
            public void onTransactionAccepted(Transfer tx, String source) {
                for (Peer p : manager.peers()) {
                    if (!p.name().equals(source)) {
                        p.announceTxs(List.of(tx.txid()));
                    }
                }
            }
        });
    }

    private static LocalNode.Tip tipOf(ChainView v) {
        return new LocalNode.Tip(v.height(), v.tip().hash(), v.tip().chainWork());
    }

    /** Binds the listening socket and starts dialing; returns once the port is bound. */
    public P2pNetwork start() {
        server = new ServerBootstrap().group(group).channel(transport.serverChannel())
                .childHandler(initializer(true))
                .childOption(ChannelOption.TCP_NODELAY, true)
                .bind(settings.listenHost(), settings.listenPort()).syncUninterruptibly().channel();
        manager.setListenPort(port());
        log.info("P2P listening on {}:{} ({}), node id {}", settings.listenHost(), port(), transport.name(), local.nodeIdHex());
        if (settings.bootstrap().isEmpty()) {
            log.info("No bootstrap peers configured: waiting for peers to connect");
        }
        managerThread.scheduleWithFixedDelay(manager::tick, 0, TICK.toMillis(), TimeUnit.MILLISECONDS);
        chain.every(TICK, c -> {
            sync.tick(c);
            txRelay.expire(c.now());
        });
        return this;
    }

    private ChannelInitializer<SocketChannel> initializer(boolean inbound) {
        return new ChannelInitializer<>() {
            @Override
            protected void initChannel(SocketChannel ch) {
                ChannelPipeline p = ch.pipeline();
                p.addLast("frames", new FrameDecoder());
                p.addLast("encoder", FrameEncoder.INSTANCE);
                p.addLast("counting", counting);
                p.addLast("handshake", new HandshakeHandler(inbound, local, settings, manager, stats, clock));
                p.addLast("errors", errors);
            }
        };
    }

    private void dial(PeerAddress address) {
        new Bootstrap().group(group).channel(transport.channel())
                .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, CONNECT_TIMEOUT_MS)
                .option(ChannelOption.TCP_NODELAY, true)
                .attr(PeerManager.DIALED, address)
                .handler(initializer(false))
                .connect(address.host(), address.port())
                .addListener(f -> {
                    if (!f.isSuccess()) {
                        manager.dialFailed(address, f.cause() == null ? "unknown error" : f.cause().getMessage());
                    }
                });
    }

    /** The bound P2P port. */
    public int port() {
        return ((InetSocketAddress) server.localAddress()).getPort();
    }

    /** Dials {@code address} now and keeps it connected, as a configured peer. */
    public void addPeer(PeerAddress address) {
        manager.addConfigured(address);
    }

    public List<Peer> peers() {
        return List.copyOf(manager.peers());
    }

    public List<DisconnectEvent> recentDisconnects() {
        return manager.recentDisconnects();
    }

    /** The node id (hex) of the peer known by {@code name}, the source name blocks and transactions carry. */
    public Optional<String> nodeIdOfPeer(String name) {
        return Optional.ofNullable(nodeIdsByName.get(name));
    }

    public NetworkStats stats() {
        return stats;
    }

    public String nodeId() {
        return local.nodeIdHex();
    }

    @Override
    public void close() {
        manager.stopDialing();
        if (server != null) {
            server.close().syncUninterruptibly();
        }
        for (Peer p : manager.peers()) {
            p.disconnect(Disconnect.Reason.SHUTDOWN, "node shutting down");
        }
        group.shutdownGracefully(0, 2, TimeUnit.SECONDS).syncUninterruptibly();
        managerThread.shutdownNow();
    }
}
