package org.pycotr.bench.tools;

import java.util.Arrays;
import java.util.List;

/** Percentiles of latencies, in milliseconds. */
final class Stats {
    private Stats() {}

    static double percentileMs(List<Long> nanos, double p) {
        if (nanos.isEmpty()) {
            return Double.NaN;
        }
        long[] sorted = nanos.stream().mapToLong(Long::longValue).toArray();
        Arrays.sort(sorted);
        int index = (int) Math.min(sorted.length - 1, Math.ceil(p / 100.0 * sorted.length) - 1);
        return sorted[Math.max(0, index)] / 1e6;
    }
}
