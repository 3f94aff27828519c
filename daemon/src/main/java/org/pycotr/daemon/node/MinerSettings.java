package org.pycotr.daemon.node;

import java.time.Duration;
import java.util.Objects;
import org.pycotr.protocol.crypto.Address;

/**
 * How this node mines.
 *
 * @param enabled mine from the start
 * @param threads hashing threads (default: one per core)
 * @param rewardTo address the coinbase pays
 * @param pause wait after each new tip before mining on it (the seed's MINER_PAUSE)
 */
public record MinerSettings(boolean enabled, int threads, Address rewardTo, Duration pause) {
    public MinerSettings {
        Objects.requireNonNull(rewardTo, "rewardTo");
        if (threads < 1) {
            throw new IllegalArgumentException("miner threads must be at least 1, got " + threads);
        }
        if (pause.isNegative()) {
            throw new IllegalArgumentException("miner pause cannot be negative");
        }
    }
}
