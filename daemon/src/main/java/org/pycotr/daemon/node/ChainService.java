package org.pycotr.daemon.node;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Function;
import org.pycotr.daemon.chain.BlockResult;
import org.pycotr.daemon.chain.Blockchain;
import org.pycotr.daemon.chain.TipChange;
import org.pycotr.daemon.mempool.Mempool;
import org.pycotr.daemon.mempool.MempoolLimits;
import org.pycotr.daemon.mining.BlockAssembler;
import org.pycotr.daemon.mining.HashEngine;
import org.pycotr.daemon.mining.Miner;
import org.pycotr.daemon.mining.MiningJob;
import org.pycotr.protocol.crypto.Address;
import org.pycotr.protocol.crypto.PrivateKey;
import org.pycotr.protocol.rules.RuleViolation;
import org.pycotr.protocol.block.Block;
import org.pycotr.protocol.params.ChainParams;
import org.pycotr.protocol.tx.Transfer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one owner of chain state. Blockchain and Mempool are confined to a single thread, the chain
 * executor: every change and every query is a task on it, so they need no locks and are never seen
 * half-updated. Callers (network, HTTP, miner) get {@link CompletableFuture}s and must not block an
 * event loop on them. The miner's threads only read their {@code MiningJob} and post found blocks
 * back here.
 */
public final class ChainService implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(ChainService.class);
    /** Coalesces template rebuilds after new transactions: at most one per this interval. */
    static final long TEMPLATE_REFRESH_MS = 250;
    /** How often held future blocks are retried and old mempool entries expired. */
    static final long HOUSEKEEPING_MS = 1000;
    public static final String LOCAL = "local";

    private final ScheduledExecutorService executor;
    private final Clock clock;
    private final Blockchain chain;
    private final Mempool mempool;
    private final ChainView view;
    private final List<ChainEvents> listeners = new CopyOnWriteArrayList<>();
    private final MinerSettings minerSettings;
    private final ChainMetrics metrics = new ChainMetrics();
    private final SignatureWorkers signatures;
    private Miner miner;
    private boolean mining;
    private Duration pause;
    private long lastTipChangeMs;
    private ScheduledFuture<?> pendingRefresh;

    public ChainService(ChainParams params, MempoolLimits limits, MinerSettings minerSettings, Clock clock) {
        this(params, limits, minerSettings, clock, Runtime.getRuntime().availableProcessors());
    }

    /** @param verifyThreads threads that check signatures before work reaches the chain thread */
    public ChainService(ChainParams params, MempoolLimits limits, MinerSettings minerSettings, Clock clock, int verifyThreads) {
        this.clock = clock;
        this.signatures = new SignatureWorkers(verifyThreads);
        this.executor = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "chain");
            t.setDaemon(true);
            return t;
        });
        this.chain = new Blockchain(params, clock, this::onTipChanged);
        this.mempool = new Mempool(params, limits, chain::account, clock);
        this.view = new ChainView(chain, mempool);
        this.minerSettings = minerSettings;
        this.pause = minerSettings.pause();
        this.lastTipChangeMs = clock.millis();
        every(Duration.ofMillis(HOUSEKEEPING_MS), c -> housekeeping());
        if (minerSettings.enabled()) {
            startMining();
        }
    }

    public void addListener(ChainEvents listener) {
        listeners.add(listener);
    }

    // ---- writes

    public CompletableFuture<BlockResult> submitBlock(Block block, String source) {
        return signatures.verify(block.transfers())
                .thenApplyAsync(v -> context.submitBlock(block, source), executor);
    }

    /**
     * Offers a transaction to the mempool. The future fails with a {@code RuleViolation} naming
     * the reason when it is refused; accepted ones are announced to listeners (relay).
     */
    public CompletableFuture<Transfer> submitTransaction(Transfer tx, String source) {
        return signatures.verify(List.of(tx)).thenApplyAsync(v -> context.submitTransaction(tx, source), executor);
    }

    /**
     * Offers several transactions at once, in order: their signatures are checked in parallel,
     * then one chain task admits them one after the other. Each result is the accepted transfer
     * or the {@code RuleViolation} that refused it.
     */
    public CompletableFuture<List<Object>> submitTransactions(List<Transfer> txs, String source) {
        return signatures.verify(txs).thenApplyAsync(v -> {
            List<Object> results = new ArrayList<>(txs.size());
            for (Transfer tx : txs) {
                try {
                    results.add(context.submitTransaction(tx, source));
                } catch (RuleViolation e) {
                    results.add(e);
                }
            }
            return results;
        }, executor);
    }

    /**
     * Checks these signatures on the worker threads, then runs {@code task} on the chain thread:
     * for network messages carrying transactions, so the chain thread never waits on Ed25519.
     */
    public void verifyThenExecute(List<Transfer> transfers, Consumer<ChainContext> task) {
        signatures.verify(transfers).thenRun(() -> execute(task));
    }

    /** Runs {@code task} on the chain thread with direct access; failures are logged, never lost silently. */
    public void execute(Consumer<ChainContext> task) {
        executor.execute(guarded(task));
    }

    /** Runs {@code task} on the chain thread every {@code period}, for timers of chain-thread components. */
    public void every(Duration period, Consumer<ChainContext> task) {
        executor.scheduleWithFixedDelay(guarded(task), period.toMillis(), period.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** A failing task is logged and the chain thread carries on: one bad message must not stop the node. */
    private Runnable guarded(Consumer<ChainContext> task) {
        return () -> {
            try {
                task.accept(context);
            } catch (RuntimeException e) {
                log.error("Chain task failed", e);
            }
        };
    }

    private final ChainContext context = new ChainContext() {
        @Override
        public ChainView view() {
            return view;
        }

        @Override
        public BlockResult submitBlock(Block block, String source) {
            BlockResult r = chain.submit(block, source);
            switch (r.status()) {
                case CONNECTED, SIDE_BRANCH -> metrics.blockAccepted();
                case INVALID -> metrics.blockRejected(r.violation().reason().code());
                default -> { }
            }
            return r;
        }

        @Override
        public Transfer submitTransaction(Transfer tx, String source) {
            List<Transfer> evicted;
            try {
                evicted = mempool.add(tx);
            } catch (RuleViolation v) {
                metrics.transactionRejected(v.reason().code());
                throw v;
            }
            metrics.transactionAccepted();
            if (!evicted.isEmpty()) {
                log.debug("Evicted {} low-fee transactions for {}", evicted.size(), tx.txid().shortHex());
            }
            log.debug("Transaction {} accepted from {}", tx.txid().shortHex(), source);
            listeners.forEach(l -> l.onTransactionAccepted(tx, source));
            scheduleTemplateRefresh();
            return tx;
        }

        @Override
        public MiningJob blockTemplate(Address rewardTo) {
            return BlockAssembler.assemble(chain, mempool, rewardTo, clock.millis());
        }

        @Override
        public long now() {
            return clock.millis();
        }
    };

    /**
     * Signs a transfer from {@code key} with the sender's next free nonce (after its pending ones)
     * and submits it, in one step on the chain thread, so concurrent requests never pick the same
     * nonce. Custodial convenience for the legacy frontend routes; the v1 API takes signed ones.
     */
    public CompletableFuture<Transfer> signAndSubmit(PrivateKey key, Address to, long amount, long fee, String memo,
            String source) {
        return CompletableFuture.supplyAsync(() -> {
            Transfer tx = Transfer.sign(key, chain.params().networkId(), to, amount, fee,
                    mempool.nextNonce(key.address()), memo);
            return context.submitTransaction(tx, source);
        }, executor);
    }

    public ChainMetrics metrics() {
        return metrics;
    }

    /** Runs a read-only query on the chain thread. */
    public <T> CompletableFuture<T> read(Function<ChainView, T> query) {
        return CompletableFuture.supplyAsync(() -> query.apply(view), executor);
    }

    public CompletableFuture<Void> startMining() {
        return CompletableFuture.runAsync(() -> {
            if (mining) {
                throw new IllegalStateException("already mining");
            }
            if (miner == null) {
                miner = new Miner(minerSettings.threads(), minerSettings.engine(), clock,
                        block -> execute(c -> c.submitBlock(block, LOCAL)));
            }
            mining = true;
            log.info("Mining started: {} thread{} on {}, pause {} s, reward to {}", minerSettings.threads(),
                    minerSettings.threads() == 1 ? "" : "s", minerSettings.engine().describe(), pause.toMillis() / 1000.0,
                    minerSettings.rewardTo());
            refreshJob();
        }, executor);
    }

    public CompletableFuture<Void> stopMining() {
        return CompletableFuture.runAsync(() -> {
            if (!mining) {
                throw new IllegalStateException("not mining");
            }
            mining = false;
            miner.setJob(null);
            log.info("Mining stopped");
        }, executor);
    }

    public CompletableFuture<Void> setMinerPause(Duration newPause) {
        if (newPause.isNegative()) {
            throw new IllegalArgumentException("miner pause cannot be negative");
        }
        return CompletableFuture.runAsync(() -> {
            pause = newPause;
            log.info("Miner pause set to {} s", newPause.toMillis() / 1000.0);
            refreshJob();
        }, executor);
    }

    public CompletableFuture<MiningStatus> miningStatus() {
        return CompletableFuture.supplyAsync(() -> new MiningStatus(mining, pause,
                miner == null ? 0 : miner.hashes(), minerSettings.threads(), minerSettings.engine()), executor);
    }

    /** Mining on or off, the pause, hashes tried so far (sample twice for a rate), and how. */
    public record MiningStatus(boolean mining, Duration pause, long hashes, int threads, HashEngine engine) {}

    // ---- on the chain thread

    private void onTipChanged(TipChange change) {
        lastTipChangeMs = clock.millis();
        List<Transfer> dropped = mempool.onTipChanged(change);
        if (!dropped.isEmpty()) {
            log.info("{} transactions of disconnected blocks are no longer valid and were dropped", dropped.size());
        }
        listeners.forEach(l -> l.onTipChanged(change));
        refreshJob();
    }

    private void scheduleTemplateRefresh() {
        if (mining && (pendingRefresh == null || pendingRefresh.isDone())) {
            pendingRefresh = executor.schedule(this::refreshJob, TEMPLATE_REFRESH_MS, TimeUnit.MILLISECONDS);
        }
    }

    private void refreshJob() {
        if (mining) {
            miner.setJob(BlockAssembler.assemble(chain, mempool, minerSettings.rewardTo(),
                    lastTipChangeMs + pause.toMillis()));
        }
    }

    private void housekeeping() {
        chain.retryFutureBlocks();
        int expired = mempool.expire();
        if (expired > 0) {
            log.info("Expired {} transactions that waited too long", expired);
        }
    }

    @Override
    public void close() {
        executor.shutdownNow();
        signatures.close();
        if (miner != null) {
            miner.close();
        }
    }
}
