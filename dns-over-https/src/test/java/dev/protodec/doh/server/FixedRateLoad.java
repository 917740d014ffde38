package dev.protodec.doh.server;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A legitimate client at a fixed rate: request {@code n} is due at {@code start + n / rate}, and its
 * latency is counted from that due time (not from when it went out), so a stalled sender shows up as
 * latency instead of hiding it (no coordinated omission). Every outcome is kept; bounded by {@code
 * maxSeconds} of requests.
 */
final class FixedRateLoad implements AutoCloseable {

  /** Sends request {@code seq}; completes with null when answered as expected, else with what was wrong. */
  interface Sender {
    CompletableFuture<String> send(int seq);
  }

  /** Figures over the requests due in a time range. */
  static final class Stats {
    final int count;
    final int ok;
    final int failed;
    final int unanswered;
    final double p50Millis;
    final double p99Millis;
    final double maxMillis;
    final List<String> failures;

    Stats(int count, int ok, int failed, int unanswered, double p50, double p99, double max, List<String> failures) {
      this.count = count;
      this.ok = ok;
      this.failed = failed;
      this.unanswered = unanswered;
      this.p50Millis = p50;
      this.p99Millis = p99;
      this.maxMillis = max;
      this.failures = failures;
    }

    double successRate() {
      return count == 0 ? 1.0 : ok / (double) count;
    }

    @Override
    public String toString() {
      return String.format("%d requests, %d ok, %d failed, %d unanswered, p50 %.1f ms, p99 %.1f ms, max %.1f ms%s",
          count, ok, failed, unanswered, p50Millis, p99Millis, maxMillis,
          failures.isEmpty() ? "" : ", first failures " + failures);
    }
  }

  private final int rate;
  private final long periodNanos;
  private final Sender sender;
  private final long timeoutMillis;
  private final long[] latencyNanos;
  private final String[] outcome; // null: pending; "" ok; else failure
  private final AtomicInteger next = new AtomicInteger();
  private final ScheduledExecutorService ticker;
  private long startNanos;
  private ScheduledFuture<?> task;

  FixedRateLoad(String name, int ratePerSecond, int maxSeconds, long timeoutMillis, Sender sender) {
    this.rate = ratePerSecond;
    this.periodNanos = 1_000_000_000L / ratePerSecond;
    this.sender = sender;
    this.timeoutMillis = timeoutMillis;
    this.latencyNanos = new long[ratePerSecond * maxSeconds];
    this.outcome = new String[latencyNanos.length];
    this.ticker = Executors.newSingleThreadScheduledExecutor(r -> {
      Thread t = new Thread(r, "load-" + name);
      t.setDaemon(true);
      return t;
    });
  }

  FixedRateLoad start() {
    startNanos = System.nanoTime();
    task = ticker.scheduleAtFixedRate(this::tick, 0, periodNanos, TimeUnit.NANOSECONDS);
    return this;
  }

  /** Nanoseconds since {@link #start()}. */
  long elapsedNanos() {
    return System.nanoTime() - startNanos;
  }

  int rate() {
    return rate;
  }

  private void tick() {
    int seq = next.getAndIncrement();
    if (seq >= latencyNanos.length) {
      task.cancel(false);
      return;
    }
    long due = startNanos + seq * periodNanos;
    CompletableFuture<String> f;
    try {
      f = sender.send(seq);
    } catch (RuntimeException e) {
      f = CompletableFuture.failedFuture(e);
    }
    f.orTimeout(timeoutMillis, TimeUnit.MILLISECONDS).whenComplete((wrong, error) -> {
      latencyNanos[seq] = System.nanoTime() - due;
      synchronized (outcome) {
        outcome[seq] = error != null ? String.valueOf(error) : wrong == null ? "" : wrong;
      }
    });
  }

  /** Stops sending and waits (bounded) for the answers still due. */
  void stop() throws InterruptedException {
    if (task != null) {
      task.cancel(false);
    }
    ticker.shutdown();
    ticker.awaitTermination(5, TimeUnit.SECONDS);
    long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(timeoutMillis + 2_000);
    int sent = Math.min(next.get(), latencyNanos.length);
    for (int i = 0; i < sent; i++) {
      while (pending(i) && System.nanoTime() < deadline) {
        Thread.sleep(5);
      }
    }
  }

  private boolean pending(int i) {
    synchronized (outcome) {
      return outcome[i] == null;
    }
  }

  Stats all() {
    return between(0, Long.MAX_VALUE);
  }

  /** Requests due in {@code [fromNanos, toNanos)} after the start. */
  Stats between(long fromNanos, long toNanos) {
    int sent = Math.min(next.get(), latencyNanos.length);
    long[] lat = new long[sent];
    int n = 0;
    int ok = 0;
    int failed = 0;
    int unanswered = 0;
    List<String> failures = new ArrayList<>();
    synchronized (outcome) {
      for (int i = 0; i < sent; i++) {
        long due = i * periodNanos;
        if (due < fromNanos || due >= toNanos) {
          continue;
        }
        String o = outcome[i];
        if (o == null) {
          unanswered++;
          continue;
        }
        lat[n++] = latencyNanos[i];
        if (o.isEmpty()) {
          ok++;
        } else {
          failed++;
          if (failures.size() < 5) {
            failures.add("#" + i + ": " + o);
          }
        }
      }
    }
    long[] sorted = Arrays.copyOf(lat, n);
    Arrays.sort(sorted);
    return new Stats(n + unanswered, ok, failed, unanswered, percentile(sorted, 0.50), percentile(sorted, 0.99),
        n == 0 ? 0 : sorted[n - 1] / 1e6, failures);
  }

  /** Latencies (nanoseconds) of the answered requests due in the range, unsorted. */
  long[] latencies(long fromNanos, long toNanos) {
    int sent = Math.min(next.get(), latencyNanos.length);
    long[] lat = new long[sent];
    int n = 0;
    synchronized (outcome) {
      for (int i = 0; i < sent; i++) {
        long due = i * periodNanos;
        if (due >= fromNanos && due < toNanos && outcome[i] != null) {
          lat[n++] = latencyNanos[i];
        }
      }
    }
    return Arrays.copyOf(lat, n);
  }

  /** The {@code q} quantile, in milliseconds, of several loads' requests due in the range together. */
  static double mergedPercentile(double q, long fromNanos, long toNanos, FixedRateLoad... loads) {
    long[] all = new long[0];
    for (FixedRateLoad l : loads) {
      long[] one = l.latencies(fromNanos, toNanos);
      long[] both = Arrays.copyOf(all, all.length + one.length);
      System.arraycopy(one, 0, both, all.length, one.length);
      all = both;
    }
    Arrays.sort(all);
    return percentile(all, q);
  }

  static double percentile(long[] sorted, double q) {
    if (sorted.length == 0) {
      return 0;
    }
    int i = (int) Math.ceil(q * sorted.length) - 1;
    return sorted[Math.max(0, Math.min(sorted.length - 1, i))] / 1e6;
  }

  @Override
  public void close() {
    ticker.shutdownNow();
  }
}
