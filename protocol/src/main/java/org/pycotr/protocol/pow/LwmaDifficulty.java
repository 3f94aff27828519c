package org.pycotr.protocol.pow;

import java.math.BigInteger;
import java.util.List;
import org.pycotr.protocol.block.BlockHeader;

/**
 * Linearly weighted moving average retarget (Zawy's LWMA), run at every block. The newest solve
 * times weigh most, so the chain reacts within a few blocks when miners join or leave, yet one odd
 * timestamp moves the target little:
 *
 * <pre>
 *   next = avg(target of the last n blocks) * Σ i·solveTime_i / (T · n(n+1)/2)     i = 1..n, newest = n
 * </pre>
 *
 * Each solve time is clamped to [1 ms, 6T] so a lying timestamp has bounded effect, each step to
 * [½, 2]× the parent's target, and the result to the genesis {@code powLimit}.
 */
public final class LwmaDifficulty implements DifficultyRule {
    /** Blocks averaged: about 30 reacts within minutes at a 5 s block time without oscillating. */
    public static final int WINDOW = 30;
    /** Longest solve time counted, in target block times: limits what a timestamp ahead can ease. */
    static final int MAX_SOLVE_TIME_FACTOR = 6;
    /** Largest change of target in one block, as a factor either way. */
    static final int MAX_STEP_FACTOR = 2;

    private final long targetBlockTimeMs;
    private final BigInteger powLimit;

    public LwmaDifficulty(long targetBlockTimeMs, CompactTarget powLimit) {
        if (targetBlockTimeMs <= 0) {
            throw new IllegalArgumentException("targetBlockTime must be positive");
        }
        this.targetBlockTimeMs = targetBlockTimeMs;
        this.powLimit = powLimit.toBigInteger();
    }

    @Override
    public int lookback() {
        return WINDOW + 1;
    }

    @Override
    public CompactTarget nextTarget(List<BlockHeader> recent) {
        BlockHeader parent = recent.get(recent.size() - 1);
        int n = Math.min(WINDOW, recent.size() - 1);
        if (n < 1) {
            return parent.target();
        }
        int first = recent.size() - 1 - n;
        long maxSolve = MAX_SOLVE_TIME_FACTOR * targetBlockTimeMs;
        BigInteger weightedSolveTimes = BigInteger.ZERO;
        BigInteger sumTargets = BigInteger.ZERO;
        for (int i = 1; i <= n; i++) {
            BlockHeader block = recent.get(first + i);
            long solve = block.timestamp() - recent.get(first + i - 1).timestamp();
            solve = Math.max(1, Math.min(maxSolve, solve));
            weightedSolveTimes = weightedSolveTimes.add(BigInteger.valueOf(solve).multiply(BigInteger.valueOf(i)));
            sumTargets = sumTargets.add(block.target().toBigInteger());
        }
        BigInteger k = BigInteger.valueOf((long) n * (n + 1) / 2).multiply(BigInteger.valueOf(targetBlockTimeMs));
        BigInteger next = sumTargets.multiply(weightedSolveTimes).divide(k.multiply(BigInteger.valueOf(n)));

        BigInteger parentTarget = parent.target().toBigInteger();
        BigInteger lowest = parentTarget.divide(BigInteger.valueOf(MAX_STEP_FACTOR)).max(BigInteger.ONE);
        BigInteger highest = parentTarget.multiply(BigInteger.valueOf(MAX_STEP_FACTOR));
        next = next.max(lowest).min(highest).min(powLimit);
        return CompactTarget.fromBigInteger(next);
    }
}
