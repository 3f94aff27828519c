package org.pycotr.daemon.testing;

import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.pycotr.daemon.p2p.NetworkSettings;
import org.pycotr.protocol.crypto.Hash;
import org.pycotr.protocol.params.ChainParams;

/** Several real nodes on loopback in this JVM, with the waits multi-node tests need. */
public final class Cluster implements AutoCloseable {
    public static final Duration PATIENCE = Duration.ofSeconds(30);
    public final List<ClusterNode> nodes = new ArrayList<>();
    private final ChainParams params;

    public Cluster(ChainParams params, int n) {
        this(params, n, i -> ClusterNode.settings());
    }

    public Cluster(ChainParams params, int n, Function<Integer, NetworkSettings> settings) {
        this.params = params;
        for (int i = 0; i < n; i++) {
            add(settings.apply(i));
        }
    }

    public ClusterNode add(NetworkSettings settings) {
        ClusterNode node = new ClusterNode("node" + (nodes.size() + 1), params, settings);
        nodes.add(node);
        return node;
    }

    public ClusterNode get(int i) {
        return nodes.get(i);
    }

    /** Connects node i to node i+1 for every i: a line. */
    public Cluster line() {
        for (int i = 0; i + 1 < nodes.size(); i++) {
            nodes.get(i).connect(nodes.get(i + 1));
        }
        for (int i = 0; i < nodes.size(); i++) {
            awaitPeers(nodes.get(i), i == 0 || i == nodes.size() - 1 ? 1 : 2);
        }
        return this;
    }

    public static void awaitPeers(ClusterNode node, int n) {
        await().atMost(PATIENCE).until(() -> node.peerCount() >= n);
    }

    public static void awaitHeight(ClusterNode node, long height) {
        await().atMost(PATIENCE).until(() -> node.height() >= height);
    }

    public void awaitInMempool(Hash txid, List<ClusterNode> which) {
        for (ClusterNode n : which) {
            await().atMost(PATIENCE).until(() -> n.inMempool(txid));
        }
    }

    public void awaitSameTip(List<ClusterNode> which, Hash tip) {
        for (ClusterNode n : which) {
            await().atMost(PATIENCE).until(() -> n.tip().equals(tip));
        }
    }

    @Override
    public void close() {
        nodes.forEach(ClusterNode::close);
    }
}
