package org.pycotr.protocol.rules;

import java.util.Arrays;
import java.util.List;
import org.pycotr.protocol.block.BlockHeader;
import org.pycotr.protocol.crypto.Hash;
import org.pycotr.protocol.pow.CompactTarget;
import org.pycotr.protocol.pow.DifficultyRule;

/**
 * Header rules: what can be checked from a header and the headers before it, without the block
 * body. Headers-first sync uses this alone; full blocks add {@link BlockRules}.
 */
public final class HeaderRules {
    /** Blocks whose timestamps form the median a new block must exceed (Bitcoin Core's 11). */
    public static final int MEDIAN_TIME_SPAN = 11;
    /** How far ahead of our clock a timestamp may be; later blocks are retried, not refused for good. */
    public static final long MAX_FUTURE_MS = 2 * 60 * 1000;

    private final DifficultyRule difficulty;

    public HeaderRules(DifficultyRule difficulty) {
        this.difficulty = difficulty;
    }

    /** Headers (ending with the parent) that {@link #check} needs: enough for both the median and the retarget. */
    public int lookback() {
        return Math.max(MEDIAN_TIME_SPAN, difficulty.lookback());
    }

    public CompactTarget nextTarget(List<BlockHeader> recent) {
        return difficulty.nextTarget(recent.subList(Math.max(0, recent.size() - difficulty.lookback()), recent.size()));
    }

    /** Context-free: version and proof of work. Done first, so forged headers cost the forger work. */
    public static void checkStandalone(BlockHeader header, Hash hash) {
        if (header.version() != BlockHeader.CURRENT_VERSION) {
            throw new RuleViolation(RejectReason.BAD_VERSION, "version " + header.version());
        }
        if (!header.target().isMetBy(hash)) {
            throw new RuleViolation(RejectReason.BAD_PROOF_OF_WORK, "hash " + hash.shortHex() + " above target "
                    + header.target());
        }
    }

    /**
     * Checks a header against its ancestors.
     *
     * @param recent consecutive headers ending with the parent, oldest first ({@link #lookback()} of them, fewer near genesis)
     * @param nowMs local time in milliseconds
     */
    public void checkContextual(BlockHeader header, List<BlockHeader> recent, long nowMs) {
        BlockHeader parent = recent.get(recent.size() - 1);
        if (header.height() != parent.height() + 1) {
            throw new RuleViolation(RejectReason.BAD_HEIGHT, "height " + header.height() + " after parent at "
                    + parent.height());
        }
        CompactTarget expected = nextTarget(recent);
        if (!header.target().equals(expected)) {
            throw new RuleViolation(RejectReason.BAD_TARGET, "target " + header.target() + ", expected " + expected);
        }
        long median = medianTimePast(recent);
        if (header.timestamp() <= median) {
            throw new RuleViolation(RejectReason.TIMESTAMP_TOO_OLD, "timestamp " + header.timestamp()
                    + " not above median " + median);
        }
        if (header.timestamp() > nowMs + MAX_FUTURE_MS) {
            throw new RuleViolation(RejectReason.TIMESTAMP_TOO_NEW, "timestamp " + (header.timestamp() - nowMs)
                    + " ms ahead of local time");
        }
    }

    /** Median of the last {@value #MEDIAN_TIME_SPAN} timestamps of {@code recent} (ending with the parent). */
    public static long medianTimePast(List<BlockHeader> recent) {
        int n = Math.min(MEDIAN_TIME_SPAN, recent.size());
        long[] times = new long[n];
        for (int i = 0; i < n; i++) {
            times[i] = recent.get(recent.size() - 1 - i).timestamp();
        }
        Arrays.sort(times);
        return times[n / 2];
    }
}
