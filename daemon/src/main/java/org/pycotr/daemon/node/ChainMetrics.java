package org.pycotr.daemon.node;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/**
 * Counters of what the chain accepted and refused, by reason. Written on the chain thread, read
 * by {@code /metrics} from any thread; the log lines and these counters come from the same calls.
 */
public final class ChainMetrics {
    private final LongAdder blocksAccepted = new LongAdder();
    private final LongAdder transactionsAccepted = new LongAdder();
    private final Map<String, LongAdder> blocksRejected = new ConcurrentHashMap<>();
    private final Map<String, LongAdder> transactionsRejected = new ConcurrentHashMap<>();

    void blockAccepted() {
        blocksAccepted.increment();
    }

    void blockRejected(String reason) {
        blocksRejected.computeIfAbsent(reason, r -> new LongAdder()).increment();
    }

    void transactionAccepted() {
        transactionsAccepted.increment();
    }

    void transactionRejected(String reason) {
        transactionsRejected.computeIfAbsent(reason, r -> new LongAdder()).increment();
    }

    public long blocksAccepted() {
        return blocksAccepted.sum();
    }

    public long transactionsAccepted() {
        return transactionsAccepted.sum();
    }

    public Map<String, Long> blocksRejected() {
        return snapshot(blocksRejected);
    }

    public Map<String, Long> transactionsRejected() {
        return snapshot(transactionsRejected);
    }

    private static Map<String, Long> snapshot(Map<String, LongAdder> m) {
        Map<String, Long> out = new TreeMap<>();
        m.forEach((k, v) -> out.put(k, v.sum()));
        return out;
    }
}
