package org.pycotr.daemon.p2p;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.pycotr.protocol.testing.Keys.ALICE;
import static org.pycotr.protocol.testing.Keys.BOB;

import com.google.protobuf.ByteString;
import org.junit.jupiter.api.Test;
import org.pycotr.daemon.testing.RawPeer;
import org.pycotr.proto.BlockTxs;
import org.pycotr.proto.Blocks;
import org.pycotr.proto.Envelope;
import org.pycotr.proto.NewBlock;
import org.pycotr.protocol.testing.TestChain;
import org.pycotr.protocol.wire.Messages;
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

    @Test
    void aBlockIsRebuiltFetchingOnlyTheTransactionsTheReceiverLacks() {
        try (Cluster cluster = new Cluster(params, 2, i -> ClusterNode.fixedTopology())) {
            ClusterNode miner = cluster.get(0);
            ClusterNode receiver = cluster.get(1);
            Transfer unseen = Txs.transfer(ALICE, BOB, 9);
            miner.submit(unseen);
            receiver.connect(miner);
            Cluster.awaitPeers(miner, 1);

            Block mined = miner.mineBlock();
            cluster.awaitSameTip(java.util.List.of(receiver), mined.hash());
            assertEquals(1, receiver.net.stats().sentCount("GET_BLOCK_TXS"));
            assertEquals(0, receiver.net.stats().sentCount("GET_BLOCKS"), "no full block needed");
            assertEquals(true, receiver.confirmed(unseen.txid()));
        }
    }

    @Test
    void fullBlockIsFetchedWhenTheRebuildFails() throws Exception {
        Block block = TestChain.withBlocks(0).mine(Txs.transfer(ALICE, BOB, 4)).tip();
        try (Cluster cluster = new Cluster(params, 1); RawPeer raw = new RawPeer(cluster.get(0).net.port())) {
            raw.handshake(RawPeer.hello(params.networkId(), 1, block.hash(), block.header().target().work()));
            raw.send(Envelope.newBuilder().setNewBlock(NewBlock.newBuilder()
                    .setHeader(ByteString.copyFrom(block.header().encoded()))
                    .setCoinbase(ByteString.copyFrom(block.coinbase().encoded()))
                    .addTxids(ByteString.copyFrom(block.transfers().get(0).txid().bytes()))).build());
            Envelope ask = raw.readUntil(Envelope.MessageCase.GET_BLOCK_TXS);
            assertEquals(1, ask.getGetBlockTxs().getTxidsCount());
            raw.send(Envelope.newBuilder().setBlockTxs(BlockTxs.newBuilder()
                    .setBlockHash(ask.getGetBlockTxs().getBlockHash())).build());
            Envelope full = raw.readUntil(Envelope.MessageCase.GET_BLOCKS);
            assertEquals(block.hash(), Messages.hash(full.getGetBlocks().getHashes(0)));
            raw.send(Envelope.newBuilder().setBlocks(Blocks.newBuilder().addBlocks(Messages.toProto(block))).build());
            cluster.awaitSameTip(cluster.nodes, block.hash());
        }
    }

    private static long sum(Cluster c, String kind) {
        return c.nodes.stream().mapToLong(n -> n.net.stats().sentCount(kind)).sum();
    }
}
