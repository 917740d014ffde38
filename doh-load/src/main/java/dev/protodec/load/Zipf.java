package dev.protodec.load;

import java.util.Random;

/**
 * Draws ranks 0..n-1 with probability proportional to 1 / (rank + 1)^s: DNS names' popularity is close
 * to Zipf with s near 1 (a few names take most queries, a long tail is asked once in a while).
 * Inverse-CDF sampling by binary search over the cumulative weights; deterministic for a seed.
 */
final class Zipf {
  private final double[] cumulative;
  private final Random random;

  Zipf(int n, double exponent, long seed) {
    if (n < 1) {
      throw new IllegalArgumentException("n must be at least 1: " + n);
    }
    cumulative = new double[n];
    double sum = 0;
    for (int i = 0; i < n; i++) {
      sum += 1.0 / Math.pow(i + 1, exponent);
      cumulative[i] = sum;
    }
    for (int i = 0; i < n; i++) {
      cumulative[i] /= sum;
    }
    random = new Random(seed);
  }

  int next() {
    double u = random.nextDouble();
    int lo = 0;
    int hi = cumulative.length - 1;
    while (lo < hi) {
      int mid = (lo + hi) >>> 1;
      if (cumulative[mid] < u) {
        lo = mid + 1;
      } else {
        hi = mid;
      }
    }
    return lo;
  }
}
