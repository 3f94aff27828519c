package org.pycotr.daemon.mempool;

import java.time.Duration;

/**
 * Mempool bounds (DESIGN.md limits). Count and bytes cap memory against floods of cheap
 * transactions; expiry clears transactions that will never be mined (a nonce gap never filled).
 *
 * @param maxTransactions most transactions held (default 50,000)
 * @param maxBytes most encoded bytes held (default 64 MiB)
 * @param expiry how long a transaction may wait before it is dropped (default 24 h)
 * @param maxNonceGap how far past a sender's highest pending nonce a new one may jump (default 16)
 */
public record MempoolLimits(int maxTransactions, long maxBytes, Duration expiry, int maxNonceGap) {
    public static final MempoolLimits DEFAULT = new MempoolLimits(50_000, 64L * 1024 * 1024, Duration.ofHours(24), 16);

    public MempoolLimits {
        if (maxTransactions < 1 || maxBytes < 1 || expiry.isNegative() || expiry.isZero() || maxNonceGap < 0) {
            throw new IllegalArgumentException("mempool limits must be positive");
        }
    }
}
