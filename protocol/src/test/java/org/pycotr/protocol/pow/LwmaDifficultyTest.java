package org.pycotr.protocol.pow;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.pycotr.protocol.block.BlockHeader;
import org.pycotr.protocol.crypto.Hash;

/**
 * The retarget under simulated hash rates: no mining, each solve time is the expected time to find
 * a block at that target, {@code work(target) / hashRate}. The network starts in balance at 1x, then
 * the hash rate jumps; within {@value #CONVERGE_WITHIN} blocks the average solve time over the last
 * {@value LwmaDifficulty#WINDOW} blocks must be back within 10% of the target block time.
 */
class LwmaDifficultyTest {
    private static final long T = 5000;
    private static final int CONVERGE_WITHIN = 60;
    private static final CompactTarget POW_LIMIT = new CompactTarget(0x1f7fffff);
    private static final CompactTarget START = new CompactTarget(0x1e7fffff);
    private final LwmaDifficulty rule = new LwmaDifficulty(T, POW_LIMIT);

    /** Hashes per millisecond that makes START take exactly T. */
    private static double balancedRate() {
        return START.work().doubleValue() / T;
    }

    private List<Long> simulate(double rate, int blocks) {
        List<BlockHeader> chain = new ArrayList<>();
        chain.add(header(0, 0, START));
        List<Long> solveTimes = new ArrayList<>();
        for (int i = 1; i <= blocks; i++) {
            CompactTarget target = rule.nextTarget(chain.subList(Math.max(0, chain.size() - rule.lookback()), chain.size()));
            long solve = Math.max(1, Math.round(target.work().doubleValue() / rate));
            BlockHeader parent = chain.get(chain.size() - 1);
            chain.add(header(i, parent.timestamp() + solve, target));
            solveTimes.add(solve);
        }
        return solveTimes;
    }

    private static BlockHeader header(long height, long time, CompactTarget target) {
        return new BlockHeader(1, height, Hash.ZERO, Hash.ZERO, time, target, 0);
    }

    private static double averageOfLast(List<Long> xs, int n) {
        return xs.subList(xs.size() - n, xs.size()).stream().mapToLong(Long::longValue).average().orElseThrow();
    }

    private void assertConverges(double factor) {
        List<Long> times = simulate(balancedRate() * factor, CONVERGE_WITHIN);
        double avg = averageOfLast(times, LwmaDifficulty.WINDOW);
        assertTrue(Math.abs(avg - T) <= T * 0.10, "at " + factor + "x the last 30 blocks average " + avg + " ms");
    }

    @Test
    void steadyHashRateKeepsTheBlockTime() {
        assertConverges(1);
    }

    @Test
    void tenTimesTheHashRateConverges() {
        assertConverges(10);
    }

    @Test
    void aTenthOfTheHashRateConverges() {
        assertConverges(0.1);
    }

    @Test
    void targetNeverEasierThanPowLimitAndStepsAreClamped() {
        List<BlockHeader> recent = new ArrayList<>();
        recent.add(header(0, 0, POW_LIMIT));
        recent.add(header(1, 1_000_000, POW_LIMIT));
        assertEquals(POW_LIMIT, rule.nextTarget(recent));

        List<BlockHeader> fast = new ArrayList<>();
        fast.add(header(0, 0, START));
        fast.add(header(1, 1, START));
        BigInteger next = rule.nextTarget(fast).toBigInteger();
        double ratio = new java.math.BigDecimal(START.toBigInteger())
                .divide(new java.math.BigDecimal(next), MathContext.DECIMAL64).doubleValue();
        assertEquals(2.0, ratio, 0.001, "one step at most halves the target (up to compact rounding)");
    }

    @Test
    void firstBlockAfterGenesisKeepsTheGenesisTarget() {
        assertEquals(START, rule.nextTarget(List.of(header(0, 0, START))));
    }
}
