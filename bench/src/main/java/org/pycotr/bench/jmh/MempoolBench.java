package org.pycotr.bench.jmh;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.pycotr.daemon.chain.AccountState;
import org.pycotr.daemon.mempool.Mempool;
import org.pycotr.daemon.mempool.MempoolLimits;
import org.pycotr.protocol.encoding.ChainCodec;
import org.pycotr.protocol.params.ChainParams;
import org.pycotr.protocol.testing.Keys;
import org.pycotr.protocol.testing.TestGenesis;
import org.pycotr.protocol.testing.Txs;
import org.pycotr.protocol.tx.Transfer;

/**
 * The mempool with 100,000 transactions from 1,000 senders and random fees: filling it (one op =
 * all inserts; signatures were checked beforehand, as the node's signature workers do) and
 * building a full block template from it.
 */
@State(Scope.Benchmark)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@BenchmarkMode(Mode.AverageTime)
public class MempoolBench {
    @Param("100000")
    public int transactions;

    ChainParams params;
    AccountState state;
    List<Transfer> txs;
    Mempool full;
    MempoolLimits limits;

    @Setup
    public void setup() {
        int senders = Math.max(1, transactions / 100);
        params = TestGenesis.withFundedKeys(senders);
        state = new AccountState(params);
        Random random = new Random(7);
        txs = new ArrayList<>(transactions);
        for (int n = 0; n < transactions / senders; n++) {
            for (int s = 1; s <= senders; s++) {
                txs.add(Txs.on(params.networkId(), Keys.seeded(s), Keys.seeded(s % senders + 1), 1, n, random.nextInt(1000)));
            }
        }
        txs.parallelStream().forEach(Transfer::hasValidSignature);
        limits = new MempoolLimits(transactions * 2, 1L << 30, Duration.ofHours(24), 16);
        full = fill();
    }

    private Mempool fill() {
        Mempool pool = new Mempool(params, limits, state::get, Clock.systemUTC());
        for (Transfer t : txs) {
            pool.add(t);
        }
        return pool;
    }

    @Benchmark
    public Mempool insertAll() {
        return fill();
    }

    @Benchmark
    public List<Transfer> buildTemplate() {
        return full.selectForBlock(params.maxBlockBytes() - ChainCodec.BLOCK_OVERHEAD_BYTES);
    }
}
