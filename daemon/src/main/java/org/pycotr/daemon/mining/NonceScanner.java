package org.pycotr.daemon.mining;

/** Tries a run of nonces on one header against one target. Not thread-safe: one per mining thread. */
@FunctionalInterface
public interface NonceScanner {
    /**
     * The offset of the first nonce among {@code start ... start+count-1} whose header hash is at
     * most the target, or -1 when none is.
     */
    int scan(long start, int count);
}
