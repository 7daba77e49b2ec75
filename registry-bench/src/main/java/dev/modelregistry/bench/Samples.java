package dev.modelregistry.bench;

import java.util.Arrays;

/** Latencies in nanoseconds, with the order statistics the report needs. */
final class Samples {

    private long[] values = new long[1024];
    private int size;

    void add(long nanos) {
        if (size == values.length) {
            values = Arrays.copyOf(values, size * 2);
        }
        values[size++] = nanos;
    }

    int size() {
        return size;
    }

    /** The q-quantile (0..1), nearest rank. */
    long quantile(double q) {
        long[] sorted = Arrays.copyOf(values, size);
        Arrays.sort(sorted);
        int rank = (int) Math.ceil(q * size) - 1;
        return sorted[Math.max(0, Math.min(size - 1, rank))];
    }

    long mean() {
        long sum = 0;
        for (int i = 0; i < size; i++) {
            sum += values[i];
        }
        return size == 0 ? 0 : sum / size;
    }

    long median() {
        return quantile(0.5);
    }

    static double median(double[] xs) {
        double[] sorted = xs.clone();
        Arrays.sort(sorted);
        int n = sorted.length;
        return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
    }

    static String micros(long nanos) {
        double us = nanos / 1000.0;
        return us >= 10_000 ? String.format("%.1f ms", us / 1000) : String.format("%.1f us", us);
    }
}
