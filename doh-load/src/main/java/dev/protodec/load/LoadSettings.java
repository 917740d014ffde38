package dev.protodec.load;

import java.util.List;

/**
 * How long and how often: {@code quick} (CI, about 10 minutes for the three decoders and dnsdist) or
 * {@code full} (real numbers: 3 interleaved repeats, about 40 minutes).
 *
 * @param repeats interleaved repeats of every contender
 * @param warmUpSeconds h2load's {@code --warm-up-time}
 * @param serverWarmUpSeconds the most unmeasured load on a fresh server before its first measured run (h2load
 *     GET rounds until the rate levels off, {@link Plateau}; then a POST round): the JIT shares the server's
 *     one pinned core, and a fresh server took 60-80 s here to go from 3k to 80k req/s
 * @param warmUpRoundSeconds one warm-up round
 * @param generatorWarmUpSeconds the open-loop generator's own unmeasured run at half the top rate, after the
 *     server's warm-up (it shares CPU 1 with its own JIT)
 * @param getSeconds closed-loop GET run
 * @param postSeconds closed-loop POST run
 * @param openSeconds each open-loop rate
 * @param rateFractions open-loop rates as fractions of the reflective server's closed-loop GET maximum
 * @param connections h2load {@code -c} and the open-loop generator's connections
 * @param streams h2load {@code -m}
 */
record LoadSettings(String mode, int repeats, int warmUpSeconds, int serverWarmUpSeconds, int warmUpRoundSeconds,
    int generatorWarmUpSeconds, int getSeconds, int postSeconds, int openSeconds, List<Double> rateFractions, int connections, int streams) {

  static LoadSettings of(String mode) {
    return switch (mode) {
      case "quick" -> new LoadSettings("quick", 1, 2, 120, 5, 20, 5, 3, 3, List.of(0.25, 0.5, 0.9), 16, 16);
      case "full" -> new LoadSettings("full", 3, 5, 180, 5, 40, 15, 10, 10, List.of(0.25, 0.5, 0.75, 0.9), 16, 16);
      default -> throw new IllegalArgumentException("mode must be quick or full: " + mode);
    };
  }
}
