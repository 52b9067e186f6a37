package org.hotline.bench;

import java.util.Arrays;

/** Latencies of one run, in nanoseconds, kept whole so percentiles are exact. */
final class Latencies {

    private long[] values = new long[1024];
    private int count;

    synchronized void record(long nanos) {
        if (count == values.length) {
            values = Arrays.copyOf(values, count * 2);
        }
        values[count++] = nanos;
    }

    synchronized int count() {
        return count;
    }

    /** p50, p99, p99.9 and max, in milliseconds; zeros when nothing was recorded. */
    synchronized Summary summary() {
        if (count == 0) {
            return new Summary(0, 0, 0, 0);
        }
        long[] sorted = Arrays.copyOf(values, count);
        Arrays.sort(sorted);
        return new Summary(at(sorted, 0.50), at(sorted, 0.99), at(sorted, 0.999), sorted[count - 1] / 1e6);
    }

    private static double at(long[] sorted, double quantile) {
        int index = (int) Math.ceil(quantile * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, index))] / 1e6;
    }

    record Summary(double p50Millis, double p99Millis, double p999Millis, double maxMillis) {
    }
}
