package dev.protodec.benchmark.harness;

import java.util.Locale;
import org.openjdk.jmh.runner.options.ChainedOptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;

/** How long JMH runs: {@code smoke} for tests (numbers mean nothing), {@code quick}, {@code full}. */
public enum RunMode {
  SMOKE(1, 1, 100, 1, 100),
  QUICK(1, 2, 1000, 3, 1000),
  FULL(2, 5, 2000, 5, 2000);

  private final int forks;
  private final int warmups;
  private final int warmupMillis;
  private final int iterations;
  private final int iterationMillis;

  RunMode(int forks, int warmups, int warmupMillis, int iterations, int iterationMillis) {
    this.forks = forks;
    this.warmups = warmups;
    this.warmupMillis = warmupMillis;
    this.iterations = iterations;
    this.iterationMillis = iterationMillis;
  }

  public static RunMode parse(String name) {
    try {
      return valueOf(name.toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("unknown mode '" + name + "': use quick, full or smoke");
    }
  }

  ChainedOptionsBuilder apply(ChainedOptionsBuilder options) {
    return options.forks(forks)
        .warmupIterations(warmups).warmupTime(TimeValue.milliseconds(warmupMillis))
        .measurementIterations(iterations).measurementTime(TimeValue.milliseconds(iterationMillis));
  }

  @Override
  public String toString() {
    return name().toLowerCase(Locale.ROOT) + " mode (" + forks + (forks == 1 ? " fork, " : " forks, ") + warmups
        + " × " + warmupMillis + " ms warm-up, " + iterations + " × " + iterationMillis + " ms measurement)";
  }
}
