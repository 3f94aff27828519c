package org.pycotr.daemon.mining;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import org.pycotr.protocol.block.Block;
import org.pycotr.protocol.block.BlockHeader;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Proof-of-work search on N threads, each scanning batches of nonces with the configured
 * {@link HashEngine}. The chain thread hands it a {@link MiningJob} with
 * {@link #setJob}; every thread works on the newest job, each from its own part of the nonce space,
 * and drops stale work within one batch of hashes when the job changes. A found block goes to
 * {@code onFound} (which posts it back to the chain thread); the job is then spent, and threads
 * idle until the next one. The job reference is the only state the threads share with the rest of
 * the node, guarded by this object's monitor.
 */
public final class Miner implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(Miner.class);
    /** Hashes between checks for a new job: under a millisecond of work, so stale work stops fast. */
    public static final int BATCH = 4096;
    /** How often a long search refreshes its header timestamp. */
    static final long TIMESTAMP_REFRESH_MS = 1000;

    private final Consumer<Block> onFound;
    private final HashEngine engine;
    private final Clock clock;
    private final List<Thread> threads = new ArrayList<>();
    private final AtomicLong hashes = new AtomicLong();
    private MiningJob job;
    private long jobId;
    private boolean closed;

    public Miner(int threadCount, HashEngine engine, Clock clock, Consumer<Block> onFound) {
        if (threadCount < 1) {
            throw new IllegalArgumentException("miner threads must be at least 1, got " + threadCount);
        }
        this.engine = engine.resolve();
        this.onFound = onFound;
        this.clock = clock;
        for (int i = 0; i < threadCount; i++) {
            int index = i;
            long start = Long.divideUnsigned(-1L, threadCount) * i;
            Thread t = new Thread(() -> run(start), "miner-" + index);
            t.setDaemon(true);
            t.setPriority(Thread.MIN_PRIORITY);
            threads.add(t);
            t.start();
        }
    }

    /** Replaces the current work; {@code null} stops mining until the next job. */
    public synchronized void setJob(MiningJob next) {
        job = next;
        jobId++;
        notifyAll();
    }

    /** Total hashes tried since start: sampled over time, the hash rate. */
    public long hashes() {
        return hashes.get();
    }

    public int threadCount() {
        return threads.size();
    }

    private synchronized boolean isCurrent(long id) {
        return jobId == id && !closed;
    }

    /** A job as one thread took it: the id tells whether it is still the current one. */
    private record Taken(long id, MiningJob job) {}

    /** Waits for a job whose pause is over; {@code null} when closed. */
    private synchronized Taken awaitJob() throws InterruptedException {
        while (!closed) {
            if (job == null) {
                wait();
                continue;
            }
            long delay = job.notBeforeMs() - clock.millis();
            if (delay <= 0) {
                return new Taken(jobId, job);
            }
            wait(delay);
        }
        return null;
    }

    /** Spends job {@code id} if it is still current; false when another thread or a new tip got there first. */
    private synchronized boolean claim(long id) {
        if (jobId != id) {
            return false;
        }
        job = null;
        jobId++;
        return true;
    }

    private void run(long startNonce) {
        try {
            for (Taken taken = awaitJob(); taken != null; taken = awaitJob()) {
                search(taken.id(), taken.job(), startNonce);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void search(long id, MiningJob current, long startNonce) {
        byte[] target = current.template().target().toBytes();
        long nonce = startNonce;
        long stamped = clock.millis();
        BlockHeader header = current.headerAt(stamped, 0);
        NonceScanner scanner = engine.scanner(header.encoded(), target);
        while (isCurrent(id)) {
            int hit = scanner.scan(nonce, BATCH);
            if (hit >= 0) {
                hashes.addAndGet(hit + 1);
                found(id, current, header.withNonce(nonce + hit));
                return;
            }
            nonce += BATCH;
            hashes.addAndGet(BATCH);
            long now = clock.millis();
            if (now - stamped >= TIMESTAMP_REFRESH_MS) {
                stamped = now;
                header = current.headerAt(now, 0);
                scanner = engine.scanner(header.encoded(), target);
            }
        }
    }

    private void found(long id, MiningJob current, BlockHeader solved) {
        if (!claim(id)) {
            return;
        }
        Block block = current.toBlock(solved);
        log.debug("Found block {} at height {}", block.hash().shortHex(), block.height());
        onFound.accept(block);
    }

    @Override
    public void close() {
        synchronized (this) {
            closed = true;
            job = null;
            notifyAll();
        }
        for (Thread t : threads) {
            try {
                t.join(2000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }
}
