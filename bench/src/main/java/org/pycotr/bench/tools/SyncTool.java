package org.pycotr.bench.tools;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.pycotr.daemon.testing.Cluster;
import org.pycotr.daemon.testing.ClusterNode;
import org.pycotr.protocol.block.Block;
import org.pycotr.protocol.params.ChainParams;
import org.pycotr.protocol.testing.Keys;
import org.pycotr.protocol.testing.TestChain;
import org.pycotr.protocol.testing.TestGenesis;
import org.pycotr.protocol.testing.Txs;
import org.pycotr.protocol.tx.Transfer;

/**
 * Initial sync: a fresh node joins two peers that hold a chain of {@code blocks} blocks carrying
 * {@code blocks * perBlock} transactions, and syncs it headers first. Reports blocks and
 * transactions per second, against the 2-core verification limit measured in the same run.
 */
public final class SyncTool {
    public record Params(int blocks, int perBlock, int peers) {}

    public record Result(int blocks, long transactions, double seconds, double blocksPerSecond, double txPerSecond,
            double verifyLimit, double ratio) {
        @Override
        public String toString() {
            return String.format("synced %d blocks / %d txs in %.1f s = %.0f blocks/s, %.0f tx/s; 2-core verify limit %.0f/s; ratio %.2f",
                    blocks, transactions, seconds, blocksPerSecond, txPerSecond, verifyLimit, ratio);
        }
    }

    /** A chain where each block carries one transfer from each of {@code perBlock} senders. */
    static List<Block> buildChain(ChainParams params, int blocks, int perBlock) {
        List<List<Transfer>> bodies = IntStream.range(0, blocks).parallel().mapToObj(h -> {
            List<Transfer> txs = new ArrayList<>(perBlock);
            for (int s = 1; s <= perBlock; s++) {
                txs.add(Txs.on(params.networkId(), Keys.seeded(s), Keys.seeded(s % perBlock + 1), 1, h, 1));
            }
            return txs;
        }).toList();
        TestChain chain = TestChain.on(params);
        for (List<Transfer> body : bodies) {
            chain.mine(body.toArray(Transfer[]::new));
        }
        return chain.blocks();
    }

    public static Result run(Params p) throws InterruptedException {
        ChainParams params = TestGenesis.withFundedKeys(p.perBlock());
        List<Block> chain = buildChain(params, p.blocks(), p.perBlock());
        Block tip = chain.get(chain.size() - 1);
        try (Cluster cluster = new Cluster(params, p.peers() + 1, i -> ClusterNode.fixedTopology())) {
            for (int i = 0; i < p.peers(); i++) {
                cluster.get(i).importBlocks(chain);
            }
            ClusterNode fresh = cluster.get(p.peers());
            long start = System.nanoTime();
            for (int i = 0; i < p.peers(); i++) {
                fresh.connect(cluster.get(i));
            }
            long deadline = start + 600_000_000_000L;
            while (!fresh.tip().equals(tip.hash())) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("sync did not finish in 10 minutes; at height " + fresh.height());
                }
                Thread.sleep(20);
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            long txs = (long) p.blocks() * p.perBlock();
            double limit = VerifyRate.measure(2, 2000);
            return new Result(p.blocks(), txs, seconds, p.blocks() / seconds, txs / seconds, limit, txs / seconds / limit);
        }
    }

    public static void main(String[] argv) throws Exception {
        Args a = new Args(argv);
        Params p = new Params(a.integer("blocks", 10_000), a.integer("per-block", 20), a.integer("peers", 2));
        System.out.println("sync " + p + ": " + run(p));
    }
}
