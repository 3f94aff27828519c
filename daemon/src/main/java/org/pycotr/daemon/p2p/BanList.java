package org.pycotr.daemon.p2p;

import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Peers refused for a while after provable misbehaviour. A ban names the IP address; on loopback,
 * where every local node shares 127.0.0.1, it names the IP and the node id instead, so banning one
 * local process does not cut off the others.
 */
final class BanList {
    private final Map<String, Long> bannedUntil = new ConcurrentHashMap<>();
    private final Clock clock;
    private final Duration duration;

    BanList(Clock clock, Duration duration) {
        this.clock = clock;
        this.duration = duration;
    }

    static String key(String ip, String nodeId) {
        boolean loopback = ip.startsWith("127.") || ip.equals("0:0:0:0:0:0:0:1") || ip.equals("::1");
        return loopback ? ip + "/" + nodeId : ip;
    }

    void ban(Peer peer) {
        bannedUntil.put(key(peer.remoteIp(), peer.info().nodeId()), clock.millis() + duration.toMillis());
    }

    boolean isBanned(String ip, String nodeId) {
        Long until = bannedUntil.get(key(ip, nodeId));
        if (until == null) {
            return false;
        }
        if (until <= clock.millis()) {
            bannedUntil.remove(key(ip, nodeId));
            return false;
        }
        return true;
    }

    int size() {
        return bannedUntil.size();
    }
}
