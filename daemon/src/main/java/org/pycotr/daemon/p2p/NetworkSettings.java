package org.pycotr.daemon.p2p;

import java.time.Duration;
import java.util.List;
import java.util.Objects;
import org.pycotr.protocol.wire.ProtocolVersion;

/**
 * How this node takes part in the network. Defaults follow DESIGN.md's limits table.
 *
 * @param listenHost interface to accept peers on
 * @param listenPort P2P port (0: any free port, for tests)
 * @param bootstrap peers always dialled, and redialled with backoff when they drop
 * @param advertisedHttpUrl our HTTP URL as told to peers in Hello (may be empty)
 * @param maxOutbound outbound connections kept (default 8)
 * @param maxInbound inbound connections accepted (default 64)
 * @param handshakeTimeout time to complete the handshake (default 10 s)
 * @param pingInterval keep-alive ping period (default 30 s)
 * @param idleTimeout silence after which a peer is dropped (default 90 s)
 * @param stallTimeout time a requested block or header batch may take before sync switches peer (default 10 s)
 * @param banDuration how long a misbehaving peer is refused (default 1 h)
 * @param ioThreads Netty event-loop threads (default 2)
 * @param protocolVersion version we speak (override only to test upgrades)
 * @param minProtocolVersion oldest version we accept
 */
public record NetworkSettings(String listenHost, int listenPort, List<PeerAddress> bootstrap, String advertisedHttpUrl,
        int maxOutbound, int maxInbound, Duration handshakeTimeout, Duration pingInterval, Duration idleTimeout,
        Duration stallTimeout, Duration banDuration, int ioThreads, int protocolVersion, int minProtocolVersion) {

    public NetworkSettings {
        Objects.requireNonNull(listenHost, "listenHost");
        bootstrap = List.copyOf(bootstrap);
        advertisedHttpUrl = advertisedHttpUrl == null ? "" : advertisedHttpUrl;
        if (listenPort < 0 || listenPort > 65535) {
            throw new IllegalArgumentException("P2P port must be 0-65535, got " + listenPort);
        }
        if (maxOutbound < 0 || maxInbound < 0 || ioThreads < 1) {
            throw new IllegalArgumentException("peer limits cannot be negative and io threads must be at least 1");
        }
        for (Duration d : List.of(handshakeTimeout, pingInterval, idleTimeout, stallTimeout, banDuration)) {
            if (d.isNegative() || d.isZero()) {
                throw new IllegalArgumentException("network timeouts must be positive");
            }
        }
        if (minProtocolVersion > protocolVersion) {
            throw new IllegalArgumentException("min protocol version above protocol version");
        }
    }

    public static NetworkSettings defaults(String listenHost, int listenPort, List<PeerAddress> bootstrap, String httpUrl) {
        return new NetworkSettings(listenHost, listenPort, bootstrap, httpUrl, 8, 64, Duration.ofSeconds(10),
                Duration.ofSeconds(30), Duration.ofSeconds(90), Duration.ofSeconds(10), Duration.ofHours(1), 2,
                ProtocolVersion.CURRENT, ProtocolVersion.MIN_SUPPORTED);
    }

    public NetworkSettings withBootstrap(List<PeerAddress> peers) {
        return new NetworkSettings(listenHost, listenPort, peers, advertisedHttpUrl, maxOutbound, maxInbound,
                handshakeTimeout, pingInterval, idleTimeout, stallTimeout, banDuration, ioThreads, protocolVersion,
                minProtocolVersion);
    }

    public NetworkSettings withStallTimeout(Duration timeout) {
        return new NetworkSettings(listenHost, listenPort, bootstrap, advertisedHttpUrl, maxOutbound, maxInbound,
                handshakeTimeout, pingInterval, idleTimeout, timeout, banDuration, ioThreads, protocolVersion,
                minProtocolVersion);
    }

    public NetworkSettings withProtocolVersions(int min, int current) {
        return new NetworkSettings(listenHost, listenPort, bootstrap, advertisedHttpUrl, maxOutbound, maxInbound,
                handshakeTimeout, pingInterval, idleTimeout, stallTimeout, banDuration, ioThreads, current, min);
    }
}
