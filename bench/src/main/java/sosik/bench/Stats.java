package sosik.bench;

import java.util.Arrays;

/** Order statistics over timed samples. */
final class Stats {
  private Stats() {}

  static double median(double[] xs) {
    return percentile(xs, 50);
  }

  /** The nearest-rank percentile (p in 0..100) of {@code xs}. */
  static double percentile(double[] xs, double p) {
    if (xs.length == 0) {
      return Double.NaN;
    }
    double[] s = xs.clone();
    Arrays.sort(s);
    int rank = (int) Math.ceil(p / 100.0 * s.length);
    return s[Math.max(0, Math.min(s.length - 1, rank - 1))];
  }

  static double min(double[] xs) {
    return Arrays.stream(xs).min().orElse(Double.NaN);
  }

  static double max(double[] xs) {
    return Arrays.stream(xs).max().orElse(Double.NaN);
  }

  static double mean(double[] xs) {
    return Arrays.stream(xs).average().orElse(Double.NaN);
  }
}
