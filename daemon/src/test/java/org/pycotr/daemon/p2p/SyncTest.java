package org.pycotr.daemon.p2p;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.pycotr.protocol.testing.Keys.ALICE;
import static org.pycotr.protocol.testing.Keys.BOB;
import static org.pycotr.protocol.testing.Keys.CAROL;
import static org.pycotr.protocol.testing.Keys.DAVE;

import com.google.protobuf.ByteString;
import java.math.BigInteger;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.pycotr.daemon.testing.Cluster;
import org.pycotr.daemon.testing.ClusterNode;
import org.pycotr.daemon.testing.RawPeer;
import org.pycotr.proto.Envelope;
import org.pycotr.proto.Headers;
import org.pycotr.protocol.block.Block;
import org.pycotr.protocol.params.ChainParams;
import org.pycotr.protocol.testing.TestChain;
import org.pycotr.protocol.testing.TestGenesis;
import org.pycotr.protocol.testing.Txs;
import org.pycotr.protocol.tx.Transfer;

class SyncTest {
    private final ChainParams params = TestGenesis.params();

    @Test
    void lateJoinerCatchesUpThroughHeadersFirstSync() {
        TestChain history = TestChain.withBlocks(500);
        try (Cluster cluster = new Cluster(params, 2, i -> ClusterNode.fixedTopology())) {
            ClusterNode veteran = cluster.get(0);
            veteran.importBlocks(history.blocks());
            ClusterNode joiner = cluster.get(1);
            joiner.connect(veteran);
            cluster.awaitSameTip(List.of(joiner), history.tip().hash());
            assertEquals(500, joiner.height());
            assertTrue(joiner.net.stats().sentCount("GET_HEADERS") >= 1);
            assertTrue(joiner.net.stats().sentCount("GET_BLOCKS") >= 500 / 16);
        }
    }

    /*
     *  side A (nodes 1-2-3):  genesis ─ 1..3 ─ A4 ─ A5 ─ A6      Alice pays Bob, Bob pays Dave
     *  side B (nodes 4-5-6):  genesis ─ 1..3 ─ B4 ─ B5           Alice pays Carol (same nonce), Carol pays Dave
     *  heal: node 3 - node 4; everyone ends on the most-work tip.
     */
    @Test
    void partitionHealsToTheMostWorkChain() {
        TestChain shared = TestChain.withBlocks(3);
        try (Cluster cluster = new Cluster(params, 6, i -> ClusterNode.fixedTopology())) {
            List<ClusterNode> a = cluster.nodes.subList(0, 3);
            List<ClusterNode> b = cluster.nodes.subList(3, 6);
            for (ClusterNode n : cluster.nodes) {
                n.importBlocks(shared.blocks());
            }
            a.get(0).connect(a.get(1));
            a.get(1).connect(a.get(2));
            b.get(0).connect(b.get(1));
            b.get(1).connect(b.get(2));
            Cluster.awaitPeers(a.get(1), 2);
            Cluster.awaitPeers(b.get(1), 2);

            Transfer aliceToBob = Txs.transfer(ALICE, BOB, 100, 0, 2);
            Transfer bobToDave = Txs.transfer(BOB, DAVE, 10, 0, 2);
            Transfer aliceToCarol = Txs.transfer(ALICE, CAROL, 50, 0, 3);
            Transfer carolToDave = Txs.transfer(CAROL, DAVE, 20, 0, 1);
            a.get(0).submit(aliceToBob);
            a.get(2).submit(bobToDave);
            b.get(0).submit(aliceToCarol);
            b.get(2).submit(carolToDave);
            cluster.awaitInMempool(aliceToBob.txid(), a);
            cluster.awaitInMempool(bobToDave.txid(), a);
            cluster.awaitInMempool(aliceToCarol.txid(), b);
            cluster.awaitInMempool(carolToDave.txid(), b);

            cluster.awaitSameTip(a, a.get(1).mineBlock().hash());
            cluster.awaitSameTip(a, a.get(0).mineBlock().hash());
            Block aTip = a.get(2).mineBlock();
            cluster.awaitSameTip(a, aTip.hash());
            cluster.awaitSameTip(b, b.get(1).mineBlock().hash());
            Block bTip = b.get(0).mineBlock();
            cluster.awaitSameTip(b, bTip.hash());

            BigInteger workA = a.get(0).chain.read(v -> v.tip().chainWork()).join();
            BigInteger workB = b.get(0).chain.read(v -> v.tip().chainWork()).join();
            Block winner = workA.compareTo(workB) >= 0 ? aTip : bTip;

            a.get(2).connect(b.get(0));
            cluster.awaitSameTip(cluster.nodes, winner.hash());

            List<Transfer> all = List.of(aliceToBob, bobToDave, aliceToCarol, carolToDave);
            List<Transfer> lost = new ArrayList<>();
            for (ClusterNode n : cluster.nodes) {
                for (Transfer t : all) {
                    boolean kept = n.confirmed(t.txid()) || cluster.nodes.stream().anyMatch(m -> m.inMempool(t.txid()));
                    if (!kept && !lost.contains(t)) {
                        lost.add(t);
                    }
                }
            }
            // Only the double spend that lost may be gone: Alice's nonce 0 went to Bob on one side, Carol on the other.
            Transfer conflictLoser = winner == aTip ? aliceToCarol : aliceToBob;
            assertTrue(lost.isEmpty() || lost.equals(List.of(conflictLoser)), "lost " + lost);
            Transfer conflictWinner = winner == aTip ? aliceToBob : aliceToCarol;
            for (ClusterNode n : cluster.nodes) {
                assertTrue(n.confirmed(conflictWinner.txid()));
                assertTrue(!n.confirmed(conflictLoser.txid()) && !n.inMempool(conflictLoser.txid()));
            }
        }
    }

    @Test
    void stallingPeerIsReplacedAndSyncCompletes() throws Exception {
        TestChain history = TestChain.withBlocks(100);
        try (Cluster cluster = new Cluster(params, 2, i -> ClusterNode.fixedTopology().withStallTimeout(Duration.ofSeconds(1)))) {
            ClusterNode honest = cluster.get(0);
            ClusterNode fresh = cluster.get(1);
            honest.importBlocks(history.blocks());

            try (RawPeer staller = new RawPeer(fresh.net.port())) {
                staller.handshake(RawPeer.hello(params.networkId(), 100, history.tip().hash(), history.work().multiply(BigInteger.TEN)));
                Envelope getHeaders = staller.readUntil(Envelope.MessageCase.GET_HEADERS);
                assertTrue(getHeaders.getGetHeaders().getLocatorCount() >= 1);
                Headers.Builder headers = Headers.newBuilder();
                history.blocks().forEach(b -> headers.addHeaders(ByteString.copyFrom(b.header().encoded())));
                staller.send(Envelope.newBuilder().setHeaders(headers).build());
                staller.readUntil(Envelope.MessageCase.GET_BLOCKS);

                fresh.connect(honest);
                cluster.awaitSameTip(List.of(fresh), history.tip().hash());
                assertTrue(staller.closedByNode(), "the staller was dropped");
            }
            await().atMost(Cluster.PATIENCE).until(() -> fresh.net.recentDisconnects().stream()
                    .anyMatch(d -> d.reason() == org.pycotr.proto.Disconnect.Reason.TIMEOUT && d.detail().contains("stalled")));
        }
    }
}
