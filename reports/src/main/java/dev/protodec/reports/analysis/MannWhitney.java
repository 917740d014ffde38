package dev.protodec.reports.analysis;

import java.util.List;

/**
 * The one-sided Mann-Whitney U test (Wilcoxon rank-sum) on two small samples, such as the
 * measurement iterations of one benchmark in two runs. Rank-based, so one iteration hit by a GC
 * pause or a noisy neighbour moves it no more than any other iteration would.
 *
 * <p>The p-value is exact (the U distribution counted over every arrangement of the two samples)
 * up to 400 pairs, and the normal approximation with continuity correction beyond. Ties count
 * half, and the exact distribution is the one without ties.
 */
public final class MannWhitney {

    private static final int EXACT_PAIRS = 400;

    private MannWhitney() {
    }

    /**
     * The p-value of "{@code lower} tends to be smaller than {@code higher}": the probability, were
     * both drawn from one distribution, of a U statistic at most the observed one.
     */
    public static double pLess(List<Double> lower, List<Double> higher) {
        int n = lower.size();
        int m = higher.size();
        if (n == 0 || m == 0) {
            return 1.0;
        }
        double u = 0;
        for (double a : lower) {
            for (double b : higher) {
                u += a > b ? 1.0 : a == b ? 0.5 : 0.0;
            }
        }
        return n * m <= EXACT_PAIRS ? exactAtMost(n, m, u) : normalAtMost(n, m, u);
    }

    /** The smallest p-value samples of these sizes can give: one over the number of arrangements. */
    public static double smallestP(int n, int m) {
        double arrangements = 1;
        for (int i = 1; i <= Math.min(n, m); i++) {
            arrangements = arrangements * (n + m - Math.min(n, m) + i) / i;
        }
        return 1.0 / arrangements;
    }

    /** P(U ≤ u): counts of U = k for n and m by the recurrence c(n, m, k) = c(n−1, m, k−m) + c(n, m−1, k). */
    private static double exactAtMost(int n, int m, double u) {
        int max = n * m;
        double[][][] table = new double[n + 1][m + 1][];
        for (int i = 0; i <= n; i++) {
            for (int j = 0; j <= m; j++) {
                double[] c = new double[i * j + 1];
                if (i == 0 || j == 0) {
                    c[0] = 1;
                } else {
                    double[] withoutLower = table[i - 1][j];
                    double[] withoutHigher = table[i][j - 1];
                    for (int k = 0; k < c.length; k++) {
                        double a = k - j >= 0 && k - j < withoutLower.length ? withoutLower[k - j] : 0;
                        double b = k < withoutHigher.length ? withoutHigher[k] : 0;
                        c[k] = a + b;
                    }
                }
                table[i][j] = c;
            }
        }
        double[] dist = table[n][m];
        double total = 0;
        double atMost = 0;
        for (int k = 0; k <= max; k++) {
            total += dist[k];
            if (k <= u) {
                atMost += dist[k];
            }
        }
        return atMost / total;
    }

    private static double normalAtMost(int n, int m, double u) {
        double mean = n * (double) m / 2.0;
        double sd = Math.sqrt(n * (double) m * (n + m + 1) / 12.0);
        return phi((u + 0.5 - mean) / sd);
    }

    /** The standard normal distribution function (Zelen and Severo, 26.2.17; error below 1e-7). */
    private static double phi(double z) {
        if (z < 0) {
            return 1 - phi(-z);
        }
        double t = 1 / (1 + 0.2316419 * z);
        double poly = t * (0.319381530 + t * (-0.356563782 + t * (1.781477937 + t * (-1.821255978 + t * 1.330274429))));
        return 1 - Math.exp(-z * z / 2) / Math.sqrt(2 * Math.PI) * poly;
    }
}
