package org.pycotr.protocol.testing;

import java.util.ArrayList;
import java.util.List;
import org.pycotr.protocol.crypto.PrivateKey;
import org.pycotr.protocol.params.Allocation;
import org.pycotr.protocol.params.ChainParams;
import org.pycotr.protocol.pow.CompactTarget;

/**
 * Test networks. Targets are easy so blocks are found in microseconds; the initial target sits
 * below the limit so difficulty can move both ways.
 */
public final class TestGenesis {
    public static final long TIMESTAMP = 1_764_000_000_000L;
    /** About one hash in two meets it. */
    public static final CompactTarget POW_LIMIT = new CompactTarget(0x207fffff);
    /** About one hash in 512 meets it. */
    public static final CompactTarget INITIAL_TARGET = new CompactTarget(0x1f7fffff);
    public static final long BLOCK_TIME_MS = 1000;
    public static final long REWARD = 50;
    public static final long ALLOCATION = 1_000_000;

    private TestGenesis() {}

    /** Alice, Bob, Carol and Dave hold {@value #ALLOCATION} each. */
    public static ChainParams params() {
        return params(1_048_576, Keys.ALICE, Keys.BOB, Keys.CAROL, Keys.DAVE);
    }

    public static ChainParams params(int maxBlockBytes, PrivateKey... funded) {
        List<Allocation> allocations = new ArrayList<>();
        for (PrivateKey k : funded) {
            allocations.add(new Allocation(k.address(), ALLOCATION, "test"));
        }
        return new ChainParams("pycotr-test", 1, TIMESTAMP, INITIAL_TARGET, POW_LIMIT, BLOCK_TIME_MS, REWARD,
                maxBlockBytes, allocations);
    }

    /**
     * For tests that run the real miner: a 1 ms block time keeps the target near the easy limit
     * however fast the test machine mines, so hundreds of blocks take about a second.
     */
    public static ChainParams fastMining() {
        List<Allocation> allocations = new ArrayList<>();
        for (PrivateKey k : new PrivateKey[] {Keys.ALICE, Keys.BOB, Keys.CAROL, Keys.DAVE}) {
            allocations.add(new Allocation(k.address(), ALLOCATION, "test"));
        }
        return new ChainParams("pycotr-test-fast", 1, TIMESTAMP, POW_LIMIT, POW_LIMIT, 1, REWARD, 1_048_576, allocations);
    }

    /** Funds {@code n} seeded keys (seeds 1..n): for load-shaped tests with many senders. */
    public static ChainParams withFundedKeys(int n) {
        PrivateKey[] keys = new PrivateKey[n];
        for (int i = 0; i < n; i++) {
            keys[i] = Keys.seeded(i + 1);
        }
        return params(1_048_576, keys);
    }
}
