package org.haven.local.bench;

import java.util.Collection;

/** Latency percentiles in milliseconds over one run's samples. */
record Percentiles(int count, double p50, double p95, double p99, double max) {

    static Percentiles of(Collection<Long> nanos) {
        long[] sorted = nanos.stream().mapToLong(Long::longValue).sorted().toArray();
        if (sorted.length == 0) {
            return new Percentiles(0, Double.NaN, Double.NaN, Double.NaN, Double.NaN);
        }
        return new Percentiles(sorted.length, ms(at(sorted, 0.50)), ms(at(sorted, 0.95)), ms(at(sorted, 0.99)),
                ms(sorted[sorted.length - 1]));
    }

    private static long at(long[] sorted, double quantile) {
        int index = (int) Math.ceil(quantile * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, index))];
    }

    private static double ms(long nanos) {
        return nanos / 1_000_000.0;
    }

    @Override
    public String toString() {
        return count == 0 ? "no samples" : String.format("p50 %7.1f ms  p95 %7.1f ms  p99 %7.1f ms  (n=%d)", p50, p95, p99, count);
    }
}
