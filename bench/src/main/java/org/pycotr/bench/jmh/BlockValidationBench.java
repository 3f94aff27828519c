package org.pycotr.bench.jmh;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.pycotr.daemon.chain.BlockResult;
import org.pycotr.daemon.chain.Blockchain;
import org.pycotr.protocol.encoding.ChainCodec;
import org.pycotr.protocol.params.ChainParams;
import org.pycotr.protocol.testing.Keys;
import org.pycotr.protocol.testing.TestChain;
import org.pycotr.protocol.testing.TestGenesis;
import org.pycotr.protocol.testing.Txs;
import org.pycotr.protocol.tx.Transfer;

/**
 * Full validation of a 1,000-transaction block on one thread, from bytes: decoding, header and
 * body rules, every signature (fresh objects, so nothing is cached), and applying it to the state.
 * One op = one block = 1,000 transactions.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class BlockValidationBench {
    public static final int TRANSACTIONS = 1000;
    ChainParams params;
    byte[] block;

    @Setup
    public void setup() {
        params = TestGenesis.withFundedKeys(TRANSACTIONS);
        List<Transfer> txs = new ArrayList<>();
        for (int i = 1; i <= TRANSACTIONS; i++) {
            txs.add(Txs.on(params.networkId(), Keys.seeded(i), Keys.seeded(i % TRANSACTIONS + 1), 10, 0, 1));
        }
        block = TestChain.on(params).mine(txs.toArray(Transfer[]::new)).tip().encoded();
    }

    @Benchmark
    public BlockResult validate() {
        Blockchain chain = new Blockchain(params, Clock.systemUTC(), change -> { });
        BlockResult r = chain.submit(ChainCodec.decodeBlock(block, params.maxBlockBytes()), "bench");
        if (r.status() != BlockResult.Status.CONNECTED) {
            throw new IllegalStateException("benchmark block rejected: " + r);
        }
        return r;
    }
}
