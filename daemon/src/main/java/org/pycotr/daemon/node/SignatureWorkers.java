package org.pycotr.daemon.node;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import org.pycotr.protocol.tx.Transfer;

/**
 * Checks signatures on every core before work reaches the single chain thread. A transfer
 * remembers its verification result, so when the chain thread applies the rules the expensive
 * part is already done; the rules themselves stay in one place ({@code TransactionRules}).
 */
public final class SignatureWorkers implements AutoCloseable {
    /** Transfers per task: large enough to amortise the hand-off, small enough to spread a block. */
    static final int CHUNK = 64;

    private final ExecutorService pool;

    public SignatureWorkers(int threads) {
        if (threads < 1) {
            throw new IllegalArgumentException("verify threads must be at least 1, got " + threads);
        }
        AtomicInteger n = new AtomicInteger();
        pool = Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, "verify-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
    }

    /** Verifies (and caches) every signature; completes when all are checked, valid or not. */
    public CompletableFuture<Void> verify(List<Transfer> transfers) {
        if (transfers.isEmpty()) {
            return CompletableFuture.completedFuture(null);
        }
        List<CompletableFuture<Void>> parts = new ArrayList<>();
        for (int i = 0; i < transfers.size(); i += CHUNK) {
            List<Transfer> chunk = transfers.subList(i, Math.min(transfers.size(), i + CHUNK));
            parts.add(CompletableFuture.runAsync(() -> chunk.forEach(Transfer::hasValidSignature), pool));
        }
        return CompletableFuture.allOf(parts.toArray(CompletableFuture[]::new));
    }

    @Override
    public void close() {
        pool.shutdownNow();
    }
}
