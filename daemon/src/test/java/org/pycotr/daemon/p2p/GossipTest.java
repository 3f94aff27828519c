package org.pycotr.daemon.p2p;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.pycotr.protocol.testing.Keys.ALICE;
import static org.pycotr.protocol.testing.Keys.BOB;

import org.junit.jupiter.api.Test;
import org.pycotr.daemon.testing.Cluster;
import org.pycotr.daemon.testing.ClusterNode;
import org.pycotr.protocol.block.Block;
import org.pycotr.protocol.params.ChainParams;
import org.pycotr.protocol.testing.TestGenesis;
import org.pycotr.protocol.testing.Txs;
import org.pycotr.protocol.tx.Transfer;

/** A line of five nodes: 1 - 2 - 3 - 4 - 5. */
class GossipTest {
    private final ChainParams params = TestGenesis.params();

    @Test
    void transactionAndBlockCrossEachLinkOnce() {
        try (Cluster cluster = new Cluster(params, 5, i -> ClusterNode.fixedTopology()).line()) {
            ClusterNode first = cluster.get(0);
            ClusterNode last = cluster.get(4);

            Transfer pay = Txs.transfer(ALICE, BOB, 25);
            first.submit(pay);
            cluster.awaitInMempool(pay.txid(), cluster.nodes);

            Block mined = last.mineBlock();
            cluster.awaitSameTip(cluster.nodes, mined.hash());
            for (ClusterNode n : cluster.nodes) {
                assertEquals(1, n.height());
                assertEquals(true, n.confirmed(pay.txid()), n + " has the transaction confirmed");
            }

            int links = 4;
            assertEquals(links, sum(cluster, "TXS"), "the transaction body crossed each link once");
            assertEquals(links, sum(cluster, "INV_TX"), "and was announced once per link");
            assertEquals(links, sum(cluster, "NEW_BLOCK"), "the block crossed each link once");
            assertEquals(0, sum(cluster, "GET_BLOCK_TXS"), "every node rebuilt the block from its mempool");
        }
    }

    private static long sum(Cluster c, String kind) {
        return c.nodes.stream().mapToLong(n -> n.net.stats().sentCount(kind)).sum();
    }
}
