package org.caseload.bench.app;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/** Percentiles of a set of durations in ms (nearest rank: p95 is the smallest value at or above 95 % of them). */
record Latencies(double[] sortedMillis) {
    static Latencies ofMillis(List<Double> millis) {
        double[] a = millis.stream().mapToDouble(Double::doubleValue).toArray();
        Arrays.sort(a);
        return new Latencies(a);
    }

    int count() {
        return sortedMillis.length;
    }

    double p(double percentile) {
        if (sortedMillis.length == 0) return Double.NaN;
        int rank = (int) Math.ceil(percentile / 100.0 * sortedMillis.length);
        return sortedMillis[Math.min(sortedMillis.length, Math.max(1, rank)) - 1];
    }

    double max() {
        return sortedMillis.length == 0 ? Double.NaN : sortedMillis[sortedMillis.length - 1];
    }

    double mean() {
        return Arrays.stream(sortedMillis).average().orElse(Double.NaN);
    }

    /** "p50 / p95 / p99 ms". */
    String triple() {
        return String.format(Locale.ROOT, "%s / %s / %s ms", ms(p(50)), ms(p(95)), ms(p(99)));
    }

    String line() {
        return String.format(Locale.ROOT, "n %,d  p50 %s  p95 %s  p99 %s  max %s  mean %s ms", count(), ms(p(50)), ms(p(95)),
                ms(p(99)), ms(max()), ms(mean()));
    }

    static String ms(double millis) {
        if (Double.isNaN(millis)) return "n/a";
        return String.format(Locale.ROOT, millis < 100 ? "%.1f" : "%.0f", millis);
    }
}
