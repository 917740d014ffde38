package dev.protodec.load;

import java.util.ArrayList;
import java.util.List;

/**
 * When a fresh server's rate has stopped rising: a round that is no more than {@value #RISE_PERCENT}%
 * above the best round before it, after at least {@value #MIN_ROUNDS} rounds. On one pinned core the JIT
 * competes with the server it compiles: a fresh generated server here went 3k, 11k, 42k, 72k, 86k, 79k
 * req/s in 10-second rounds, so a fixed 20 s of warm-up measured a server still compiling.
 */
final class Plateau {
  static final int RISE_PERCENT = 5;
  static final int MIN_ROUNDS = 3;

  private final List<Double> rates = new ArrayList<>();
  private double best;

  /** Adds one round's rate; true if the rate has now stopped rising. */
  boolean add(double reqPerSec) {
    boolean flat = rates.size() >= MIN_ROUNDS - 1 && reqPerSec <= best * (1 + RISE_PERCENT / 100.0);
    rates.add(reqPerSec);
    best = Math.max(best, reqPerSec);
    return flat;
  }

  List<Double> rates() {
    return List.copyOf(rates);
  }
}
