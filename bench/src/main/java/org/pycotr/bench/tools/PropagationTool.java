package org.pycotr.bench.tools;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import org.pycotr.daemon.chain.TipChange;
import org.pycotr.daemon.node.ChainEvents;
import org.pycotr.daemon.testing.Cluster;
import org.pycotr.daemon.testing.ClusterNode;
import org.pycotr.protocol.block.Block;
import org.pycotr.protocol.crypto.Hash;
import org.pycotr.protocol.params.ChainParams;
import org.pycotr.protocol.testing.Keys;
import org.pycotr.protocol.testing.TestGenesis;
import org.pycotr.protocol.testing.Txs;
import org.pycotr.protocol.tx.Transfer;

/**
 * Propagation on an idle network: N nodes on loopback in a random connected graph where every
 * node has {@code degree} peers. Times, from submission at a random node, until a transaction is in
 * every mempool, and from a block's acceptance by its miner until it is on every chain; p50 and p99
 * over the rounds. Arrival is
 * recorded by each node's own chain listener, not by polling.
 */
public final class PropagationTool {
    public record Params(int nodes, int degree, int rounds) {}

    public record Result(double txP50Ms, double txP99Ms, double blockP50Ms, double blockP99Ms) {
        @Override
        public String toString() {
            return String.format("transaction to all nodes p50 %.1f ms, p99 %.1f ms; block to all nodes p50 %.1f ms, p99 %.1f ms",
                    txP50Ms, txP99Ms, blockP50Ms, blockP99Ms);
        }
    }

    /** A random connected graph where each node has {@code degree} neighbours (a random regular graph). */
    static List<int[]> randomRegularGraph(int n, int degree, Random random) {
        while (true) {
            List<Integer> stubs = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                for (int d = 0; d < degree; d++) {
                    stubs.add(i);
                }
            }
            java.util.Collections.shuffle(stubs, random);
            Set<Long> seen = new HashSet<>();
            List<int[]> edges = new ArrayList<>();
            boolean ok = true;
            for (int i = 0; i + 1 < stubs.size(); i += 2) {
                int a = Math.min(stubs.get(i), stubs.get(i + 1));
                int b = Math.max(stubs.get(i), stubs.get(i + 1));
                if (a == b || !seen.add((long) a * n + b)) {
                    ok = false;
                    break;
                }
                edges.add(new int[] {a, b});
            }
            if (ok && connected(n, edges)) {
                return edges;
            }
        }
    }

    private static boolean connected(int n, List<int[]> edges) {
        int[] parent = new int[n];
        for (int i = 0; i < n; i++) {
            parent[i] = i;
        }
        for (int[] e : edges) {
            parent[find(parent, e[0])] = find(parent, e[1]);
        }
        int root = find(parent, 0);
        for (int i = 1; i < n; i++) {
            if (find(parent, i) != root) {
                return false;
            }
        }
        return true;
    }

    private static int find(int[] p, int i) {
        while (p[i] != i) {
            i = p[i];
        }
        return i;
    }

    public static Result run(Params p) throws InterruptedException {
        ChainParams funded = TestGenesis.withFundedKeys(p.rounds());
        // A 1 ms block time keeps the target at the easy limit: mining a round's block takes no time.
        ChainParams params = new ChainParams("pycotr-bench", 1, TestGenesis.TIMESTAMP, TestGenesis.POW_LIMIT,
                TestGenesis.POW_LIMIT, 1, TestGenesis.REWARD, funded.maxBlockBytes(), funded.allocations());
        Random random = new Random(42);
        try (Cluster cluster = new Cluster(params, p.nodes(), i -> ClusterNode.fixedTopology())) {
            List<int[]> edges = randomRegularGraph(p.nodes(), p.degree(), random);
            for (int[] e : edges) {
                cluster.get(e[0]).connect(cluster.get(e[1]));
            }
            for (ClusterNode n : cluster.nodes) {
                Cluster.awaitPeers(n, p.degree());
            }
            Map<Hash, ConcurrentLinkedQueue<Long>> arrivals = new ConcurrentHashMap<>();
            for (ClusterNode n : cluster.nodes) {
                n.chain.addListener(new ChainEvents() {
                    @Override
                    public void onTransactionAccepted(Transfer tx, String source) {
                        arrivals.computeIfAbsent(tx.txid(), h -> new ConcurrentLinkedQueue<>()).add(System.nanoTime());
                    }

                    @Override
                    public void onTipChanged(TipChange change) {
                        for (Block b : change.connected()) {
                            arrivals.computeIfAbsent(b.hash(), h -> new ConcurrentLinkedQueue<>()).add(System.nanoTime());
                        }
                    }
                });
            }
            List<Long> tx = new ArrayList<>();
            List<Long> blocks = new ArrayList<>();
            for (int r = 0; r < p.rounds(); r++) {
                ClusterNode origin = cluster.get(random.nextInt(p.nodes()));
                Transfer t = Txs.on(params.networkId(), Keys.seeded(r + 1), Keys.seeded((r + 1) % p.rounds() + 1), 1, 0, 1);
                long t0 = System.nanoTime();
                origin.submit(t);
                tx.add(awaitAll(arrivals, t.txid(), p.nodes()) - t0);

                // A block's clock starts when its miner accepts it, so mining time is not counted.
                Block b = cluster.get(random.nextInt(p.nodes())).mineBlock();
                long last = awaitAll(arrivals, b.hash(), p.nodes());
                blocks.add(last - arrivals.get(b.hash()).stream().mapToLong(Long::longValue).min().orElseThrow());
            }
            if (System.getenv("PYCOTR_BENCH_VERBOSE") != null) {
                System.out.println("slowest blocks (ms): " + blocks.stream().sorted(java.util.Comparator.reverseOrder()).limit(5)
                        .map(n -> String.format("%.1f", n / 1e6)).toList());
            }
            return new Result(Stats.percentileMs(tx, 50), Stats.percentileMs(tx, 99), Stats.percentileMs(blocks, 50),
                    Stats.percentileMs(blocks, 99));
        }
    }

    /** Waits until {@code id} arrived at every node; returns the last arrival time. */
    private static long awaitAll(Map<Hash, ConcurrentLinkedQueue<Long>> arrivals, Hash id, int nodes) throws InterruptedException {
        long deadline = System.nanoTime() + 30_000_000_000L;
        while (System.nanoTime() < deadline) {
            ConcurrentLinkedQueue<Long> seen = arrivals.get(id);
            if (seen != null && seen.size() >= nodes) {
                return seen.stream().mapToLong(Long::longValue).max().orElseThrow();
            }
            Thread.sleep(0, 200_000);
        }
        throw new IllegalStateException(id + " did not reach all " + nodes + " nodes in 30 s");
    }

    public static void main(String[] argv) throws Exception {
        Args a = new Args(argv);
        Params p = new Params(a.integer("nodes", 10), a.integer("degree", 3), a.integer("rounds", 100));
        System.out.println("propagation " + p + ": " + run(p));
    }
}
