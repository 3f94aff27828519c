package org.pycotr.daemon.p2p;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/** Messages sent and received by kind (INV_TX, NEW_BLOCK, ...): for metrics and for tests that count traffic. */
public final class NetworkStats {
    private final Map<String, LongAdder> sent = new ConcurrentHashMap<>();
    private final Map<String, LongAdder> received = new ConcurrentHashMap<>();

    void sent(String kind) {
        sent.computeIfAbsent(kind, k -> new LongAdder()).increment();
    }

    void received(String kind) {
        received.computeIfAbsent(kind, k -> new LongAdder()).increment();
    }

    /** Messages of one kind sent so far, e.g. {@code sentCount("TXS")}. */
    public long sentCount(String kind) {
        LongAdder a = sent.get(kind);
        return a == null ? 0 : a.sum();
    }

    public Map<String, Long> sentByKind() {
        Map<String, Long> out = new TreeMap<>();
        sent.forEach((k, v) -> out.put(k, v.sum()));
        return out;
    }

    public Map<String, Long> receivedByKind() {
        Map<String, Long> out = new TreeMap<>();
        received.forEach((k, v) -> out.put(k, v.sum()));
        return out;
    }
}
