package io.tlsviz.app.bench;

import java.util.Collection;
import java.util.Locale;

/** Order statistics of a sample: count, median, 90th percentile and the extremes. */
public record Stats(int count, double min, double median, double p90, double max) {

    public static Stats of(Collection<Double> values) {
        if (values.isEmpty()) {
            throw new IllegalArgumentException("no values");
        }
        double[] v = values.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        return new Stats(v.length, v[0], median(v), percentile(v, 90), v[v.length - 1]);
    }

    /** The median of sorted values; the mean of the middle two for an even count. */
    static double median(double[] sorted) {
        int n = sorted.length;
        return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
    }

    /** Nearest-rank percentile of sorted values: the smallest value with at least p% of the sample at or below it. */
    static double percentile(double[] sorted, double p) {
        if (p <= 0 || p > 100) {
            throw new IllegalArgumentException("percentile must be in (0, 100]: " + p);
        }
        int rank = (int) Math.ceil(p / 100 * sorted.length);
        return sorted[Math.max(rank, 1) - 1];
    }

    /** For the report: {@code median 4.10, p90 6.00, min 2.00, max 9.30 (n=80)} with the given number format. */
    public String describe(String format) {
        return String.format(Locale.ROOT, "median " + format + ", p90 " + format + ", min " + format + ", max " + format
                + " (n=%d)", median, p90, min, max, count);
    }
}
