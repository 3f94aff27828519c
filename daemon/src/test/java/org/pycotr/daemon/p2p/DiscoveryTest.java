package org.pycotr.daemon.p2p;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.pycotr.daemon.testing.Cluster;
import org.pycotr.daemon.testing.ClusterNode;
import org.pycotr.proto.Disconnect;
import org.pycotr.protocol.testing.TestGenesis;

class DiscoveryTest {
    @Test
    void bootstrapAloneIsEnoughToFindTheRestOfTheNetwork() {
        try (Cluster cluster = new Cluster(TestGenesis.params(), 0)) {
            ClusterNode a = cluster.add(ClusterNode.settings());
            ClusterNode b = cluster.add(ClusterNode.settings().withBootstrap(List.of(a.address())));
            Cluster.awaitPeers(a, 1);
            ClusterNode c = cluster.add(ClusterNode.settings().withBootstrap(List.of(a.address())));
            await().atMost(Cluster.PATIENCE).until(() -> c.net.peers().stream()
                    .anyMatch(p -> p.info().nodeId().equals(b.net.nodeId())));
            assertTrue(b.net.peers().stream().anyMatch(p -> p.info().nodeId().equals(c.net.nodeId())));
        }
    }

    @Test
    void configuredPeerThatIsDownIsRetriedUntilItComesUp() throws Exception {
        int port;
        try (java.net.ServerSocket probe = new java.net.ServerSocket(0)) {
            port = probe.getLocalPort();
        }
        try (Cluster cluster = new Cluster(TestGenesis.params(), 0)) {
            ClusterNode a = cluster.add(ClusterNode.settings().withBootstrap(List.of(new PeerAddress("127.0.0.1", port))));
            NetworkSettings late = ClusterNode.settings();
            ClusterNode b = cluster.add(new NetworkSettings(late.listenHost(), port, List.of(), "", late.maxOutbound(),
                    late.maxInbound(), late.handshakeTimeout(), late.pingInterval(), late.idleTimeout(), late.stallTimeout(),
                    late.banDuration(), late.ioThreads(), late.protocolVersion(), late.minProtocolVersion()));
            Cluster.awaitPeers(a, 1);
            assertEquals(b.net.nodeId(), a.net.peers().get(0).info().nodeId());
        }
    }

    @Test
    void connectingToOurselvesIsDetectedAndNotRetried() {
        try (Cluster cluster = new Cluster(TestGenesis.params(), 0)) {
            ClusterNode a = cluster.add(ClusterNode.settings());
            a.connect(a);
            await().atMost(Cluster.PATIENCE).until(() -> a.net.recentDisconnects().stream()
                    .anyMatch(d -> d.reason() == Disconnect.Reason.SELF_CONNECTION));
            assertEquals(0, a.peerCount());
        }
    }

    @Test
    void incompatibleVersionsPartWithTheReasonOnBothSides() {
        try (Cluster cluster = new Cluster(TestGenesis.params(), 0)) {
            ClusterNode current = cluster.add(ClusterNode.settings());
            ClusterNode future = cluster.add(ClusterNode.settings().withProtocolVersions(2, 3)
                    .withBootstrap(List.of(current.address())));
            for (ClusterNode n : List.of(current, future)) {
                await().atMost(Cluster.PATIENCE).until(() -> n.net.recentDisconnects().stream()
                        .anyMatch(d -> d.reason() == Disconnect.Reason.INCOMPATIBLE_VERSION && d.detail().contains("1..1")));
            }
            assertEquals(0, current.peerCount());
            assertEquals(0, future.peerCount());
        }
    }

    @Test
    void wrongNetworkIsRefusedByName() {
        try (Cluster one = new Cluster(TestGenesis.params(), 1); Cluster other = new Cluster(TestGenesis.fastMining(), 1)) {
            one.get(0).connect(other.get(0));
            await().atMost(Cluster.PATIENCE).until(() -> other.get(0).net.recentDisconnects().stream()
                    .anyMatch(d -> d.reason() == Disconnect.Reason.WRONG_NETWORK));
            assertEquals(0, one.get(0).peerCount());
        }
    }
}
