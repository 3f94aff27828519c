package org.pycotr.bench.tools;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.stream.IntStream;
import org.pycotr.daemon.chain.BlockResult;
import org.pycotr.daemon.mempool.MempoolLimits;
import org.pycotr.daemon.node.ChainService;
import org.pycotr.daemon.node.ChainView;
import org.pycotr.daemon.node.MinerSettings;
import org.pycotr.protocol.block.Block;
import org.pycotr.protocol.params.ChainParams;
import org.pycotr.protocol.testing.Keys;
import org.pycotr.protocol.testing.TestChain;
import org.pycotr.protocol.testing.TestGenesis;
import org.pycotr.protocol.testing.Txs;
import org.pycotr.protocol.tx.Transfer;

/**
 * Memory of a node holding {@code blocks} blocks and {@code mempool} pending transactions: heap in
 * use after a full GC, and the process's resident set. The heap target is 512 MB.
 */
public final class MemoryTool {
    public record Params(int blocks, int mempool) {}

    public record Result(long height, int pending, double heapMb, double rssMb, double heapLimitMb) {
        @Override
        public String toString() {
            return String.format("height %d, %d pending: heap after GC %.0f MB (target < %.0f MB, ratio %.2f), RSS %.0f MB",
                    height, pending, heapMb, heapLimitMb, heapMb / heapLimitMb, rssMb);
        }
    }

    public static Result run(Params p) throws Exception {
        int senders = Math.max(1, p.mempool() / 100);
        ChainParams params = TestGenesis.withFundedKeys(senders);
        try (ChainService node = new ChainService(params, new MempoolLimits(p.mempool() * 2, 1L << 30, Duration.ofHours(24), 16),
                new MinerSettings(false, 1, Keys.MINER.address(), Duration.ZERO), Clock.systemUTC())) {
            fill(node, params, p, senders);
            long height = node.read(ChainView::height).join();
            int pending = node.read(ChainView::mempoolSize).join();
            for (int i = 0; i < 3; i++) {
                System.gc();
            }
            double heap = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed() / 1e6;
            return new Result(height, pending, heap, rssMb(), 512);
        }
    }

    /** Builds and loads everything in a scope of its own, so the builders' references are gone when we measure. */
    private static void fill(ChainService node, ChainParams params, Params p, int senders) {
        List<Block> blocks = TestChain.on(params).mine(p.blocks()).blocks();
        for (Block b : blocks) {
            BlockResult r = node.submitBlock(b, "import").join();
            if (r.status() != BlockResult.Status.CONNECTED) {
                throw new IllegalStateException("import failed: " + r);
            }
        }
        List<Transfer> txs = IntStream.range(0, p.mempool()).parallel().mapToObj(i -> Txs.on(params.networkId(),
                Keys.seeded(i % senders + 1), Keys.seeded((i + 1) % senders + 1), 1, i / senders, 1)).toList();
        node.submitTransactions(txs, "import").join();
    }

    private static double rssMb() throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
            if (line.startsWith("VmRSS:")) {
                return Long.parseLong(line.replaceAll("[^0-9]", "")) / 1024.0;
            }
        }
        return Double.NaN;
    }

    public static void main(String[] argv) throws Exception {
        Args a = new Args(argv);
        Params p = new Params(a.integer("blocks", 10_000), a.integer("mempool", 100_000));
        System.out.println("memory " + p + ": " + run(p));
    }
}
