package org.pycotr.daemon.node;

import java.time.Duration;
import java.util.Objects;
import org.pycotr.daemon.mining.HashEngine;
import org.pycotr.protocol.crypto.Address;

/**
 * How this node mines.
 *
 * @param enabled mine from the start
 * @param threads hashing threads (default: one per core)
 * @param rewardTo address the coinbase pays
 * @param pause wait after each new tip before mining on it (the seed's MINER_PAUSE)
 * @param engine the SHA-256 the miner hashes with, resolved for this machine: a NATIVE choice
 *     the machine cannot run fails here, at configuration time
 */
public record MinerSettings(boolean enabled, int threads, Address rewardTo, Duration pause, HashEngine engine) {
    public MinerSettings {
        Objects.requireNonNull(rewardTo, "rewardTo");
        engine = Objects.requireNonNull(engine, "engine").resolve();
        if (threads < 1) {
            throw new IllegalArgumentException("miner threads must be at least 1, got " + threads);
        }
        if (pause.isNegative()) {
            throw new IllegalArgumentException("miner pause cannot be negative");
        }
    }

    /** Settings with the best engine this machine offers. */
    public MinerSettings(boolean enabled, int threads, Address rewardTo, Duration pause) {
        this(enabled, threads, rewardTo, pause, HashEngine.AUTO);
    }
}
